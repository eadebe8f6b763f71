// Recommendations page: prompt (+ optional photo) -> POST /api/v1/recommendations; context chips the user can correct;
// cards with the mannequin, reasons, cues, feedback and "try it" links.
import { postForm, sendJson } from './api.js';
import { wireFeedback } from './pose-feedback.js';
import { showStatus as show, problemText } from './status.js';
import { tooLarge } from './upload.js';

const form = document.getElementById('rec-form');
const photo = document.getElementById('photo');
const photoName = document.getElementById('photo-name');
const photoClear = document.getElementById('photo-clear');
const status = document.getElementById('rec-status');
const contextSection = document.getElementById('rec-context');
const results = document.getElementById('rec-results');
const cardTemplate = document.getElementById('rec-card');
const maxBytes = Number(form.dataset.maxBytes);

// Chips the user has set per dimension; null = take what the prompt says.
const chips = { environment: null, outfit: null };
let lastContext = null;
// The answer's id while the user edits its chips: the server then updates that History entry instead of adding one.
let sessionId = null;

const showStatus = (kind, text) => show(status, kind, text);

function request() {
  return {
    prompt: form.elements.prompt.value.trim() || null,
    environment: chips.environment,
    outfit: chips.outfit,
    count: Number(form.elements.count.value),
    sessionId,
  };
}

async function recommend() {
  const file = photo.files[0];
  const refused = tooLarge([file], maxBytes);
  if (refused) {
    showStatus('danger', refused);
    return;
  }
  const body = request();
  showStatus('info', file ? 'Looking at your photo and choosing poses…' : 'Choosing poses…');
  form.setAttribute('aria-busy', 'true');
  try {
    let response;
    if (file) {
      const data = new FormData();
      data.append('image', file);
      if (body.prompt) data.append('prompt', body.prompt);
      for (const e of body.environment ?? []) data.append('environment', e);
      for (const o of body.outfit ?? []) data.append('outfit', o);
      data.append('count', String(body.count));
      if (body.sessionId) data.append('sessionId', body.sessionId);
      response = await postForm('/api/v1/recommendations', data);
    } else {
      response = await sendJson('/api/v1/recommendations', 'POST', body);
    }
    if (response.status === 404 && body.sessionId) {
      // The session's History entry was deleted meanwhile: these chips start a new session.
      sessionId = null;
      await recommend();
      return;
    }
    if (!response.ok) {
      showStatus('danger', await problemText(response));
      return;
    }
    render(await response.json());
  } catch (error) {
    showStatus('danger', `The request failed: ${error.message}. Check your connection and try again.`);
  } finally {
    form.removeAttribute('aria-busy');
  }
}

function renderChips(context) {
  for (const row of contextSection.querySelectorAll('[data-dimension]')) {
    const dimension = row.dataset.dimension;
    const host = row.querySelector('.chips');
    host.replaceChildren();
    for (const estimate of context[dimension]) {
      const chip = document.createElement('span');
      chip.className = 'badge rounded-pill text-bg-light border d-inline-flex align-items-center gap-1';
      const percent = Math.round(estimate.confidence * 100);
      chip.title = `${estimate.source}: ${estimate.evidence.join(', ')} (${percent}%)`;
      const name = row.querySelector(`option[value="${CSS.escape(estimate.label)}"]`)?.textContent ?? estimate.label;
      chip.append(name);
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'btn-close';
      remove.style.fontSize = '0.6rem';
      remove.setAttribute('aria-label', `Remove ${name}`);
      remove.addEventListener('click', () => {
        chips[dimension] = context[dimension].map(e => e.label).filter(l => l !== estimate.label);
        recommend();
      });
      chip.append(remove);
      host.append(chip);
    }
  }
  contextSection.hidden = false;
}

function card(pose) {
  const node = cardTemplate.content.cloneNode(true);
  const id = encodeURIComponent(pose.id);
  const img = node.querySelector('img');
  img.src = `/api/v1/poses/library/${id}/mannequin.svg`;
  img.alt = `Mannequin in ${pose.name}`;
  const link = node.querySelector('.pose-link');
  link.href = `/Recommendations/Pose/${id}`;
  link.textContent = pose.name;
  node.querySelector('.category').textContent = pose.category;
  node.querySelector('.difficulty').textContent = pose.difficulty;
  node.querySelector('.reasons')
    .append(...pose.reasons.map(r => Object.assign(document.createElement('li'), { textContent: r })));
  node.querySelector('.cues')
    .append(...pose.cues.map(c => Object.assign(document.createElement('li'), { textContent: c })));
  node.querySelector('.try-workout').href = `/Workout?exercise=hold&pose=${id}`;
  node.querySelector('.try-compare').href = `/Compare?referencePose=${id}`;
  node.querySelector('.try-render').href = `/Generate?pose=${id}`;
  wireFeedback(node.querySelector('[role=group]'), pose.id, pose.feedback);
  return node;
}

function render(result) {
  lastContext = result.context;
  sessionId = result.id;
  form.dataset.sessionId = result.id;
  renderChips(result.context);
  results.replaceChildren(...result.poses.map(card));
  const photoNote = result.personFound === false ? ' No person was found in the photo, so it was not used.' : '';
  if (result.poses.length === 0) {
    showStatus('warning', `No pose fits this situation and your limitations. Try removing a chip.${photoNote}`);
  } else {
    showStatus(result.promptNote ? 'warning' : 'success',
      `${result.promptNote ? `${result.promptNote} ` : ''}`
        + `${result.poses.length} poses, chosen from ${result.considered}`
        + ` (${result.filtered} ruled out for you or this place).${photoNote}`);
  }
}

for (const row of contextSection.querySelectorAll('[data-dimension]')) {
  row.querySelector('.chip-add').addEventListener('change', (event) => {
    const label = event.target.value;
    if (!label || !lastContext) return;
    const dimension = row.dataset.dimension;
    // Adding keeps what is shown (from the prompt or earlier chips) and makes the whole set the user's choice.
    chips[dimension] = [...new Set([...lastContext[dimension].map(e => e.label), label])];
    event.target.value = '';
    recommend();
  });
}

photo.addEventListener('change', () => {
  photoName.textContent = photo.files[0]?.name ?? '';
  photoClear.hidden = !photo.files[0];
});
photoClear.addEventListener('click', () => {
  photo.value = '';
  photoName.textContent = '';
  photoClear.hidden = true;
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  // A new prompt starts over: chips come from the prompt until the user corrects them.
  chips.environment = null;
  chips.outfit = null;
  sessionId = null;
  recommend();
});
