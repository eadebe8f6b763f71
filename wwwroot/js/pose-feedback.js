// Like / not for me / done-it buttons: stores the choice through the API and marks the active button.
import { sendJson } from './api.js';

const ACTIVE = { like: 'btn-success', not_for_me: 'btn-danger', done: 'btn-secondary' };

function mark(group, kind) {
  for (const button of group.querySelectorAll('button[data-kind]')) {
    const on = button.dataset.kind === kind;
    button.classList.toggle(ACTIVE[button.dataset.kind], on);
    button.classList.toggle(`btn-outline-${ACTIVE[button.dataset.kind].slice(4)}`, !on);
    button.setAttribute('aria-pressed', String(on));
  }
}

export function wireFeedback(group, poseId, current, onSaved) {
  mark(group, current);
  group.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-kind]');
    if (!button) return;
    button.disabled = true;
    try {
      const response = await sendJson(
        '/api/v1/recommendations/feedback', 'POST', { poseId, kind: button.dataset.kind });
      if (response.ok) {
        mark(group, button.dataset.kind);
        onSaved?.(button.dataset.kind);
      }
    } finally {
      button.disabled = false;
    }
  });
}

const detail = document.getElementById('pose-feedback');
if (detail) wireFeedback(detail, detail.dataset.poseId, detail.dataset.feedback || null);
