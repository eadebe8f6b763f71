// Forms whose select has data-autosubmit submit themselves when the choice changes (no inline handlers: the
// Content-Security-Policy allows scripts from files only).
for (const select of document.querySelectorAll('select[data-autosubmit]')) {
    select.addEventListener('change', () => select.form?.submit());
}
