// Small behaviours every page may use, without inline handlers (the Content-Security-Policy runs scripts from files
// only).

// <time data-local datetime="...Z">: shown in the reader's own time zone, with "2 hours ago" for the last week.
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
for (const time of document.querySelectorAll('time[data-local]')) {
  const when = new Date(time.getAttribute('datetime'));
  if (Number.isNaN(when.getTime())) continue;
  const local = when.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const seconds = (when.getTime() - Date.now()) / 1000;
  const steps = [[60, 'second'], [3600, 'minute'], [86400, 'hour'], [604800, 'day']];
  const step = steps.findIndex(([limit]) => Math.abs(seconds) < limit);
  if (step >= 0) {
    const unit = steps[step][1];
    const size = step === 0 ? 1 : steps[step - 1][0];
    time.textContent = relative.format(Math.round(seconds / size), unit);
    time.title = local;
  } else {
    time.textContent = local;
  }
}

// <form data-confirm="question">: asks before submitting (deleting, for instance).
for (const form of document.querySelectorAll('form[data-confirm]')) {
  form.addEventListener('submit', (event) => {
    if (!window.confirm(form.dataset.confirm)) event.preventDefault();
  });
}

// <select data-autosubmit>: submits its form when the choice changes.
for (const select of document.querySelectorAll('select[data-autosubmit]')) {
  select.addEventListener('change', () => select.form?.submit());
}

// <element data-dismiss-after="seconds">: goes away after that long (an undo offer that has run out).
for (const element of document.querySelectorAll('[data-dismiss-after]')) {
  setTimeout(() => element.remove(), Number(element.dataset.dismissAfter) * 1000);
}
