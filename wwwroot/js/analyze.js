// Analyze page: pick, drop or shoot a photo, send it to /api/v1/poses/detect, draw the result.
import { postForm } from './api.js';
import { drawPeople, drawAngles, keypointTable } from './skeleton.js';
import { showContextChips } from './context-chips.js';
import { showStatus as show, problemText } from './status.js';
import { tooLarge } from './upload.js';

const form = document.getElementById('analyze-form');
const drop = document.getElementById('drop-zone');
const inputs = form.querySelectorAll('input[type=file]');
const status = document.getElementById('analyze-status');
const result = document.getElementById('analyze-result');
const picture = document.getElementById('result-image');
const overlay = document.getElementById('result-overlay');
const summary = document.getElementById('result-summary');
const tableHost = document.getElementById('result-table');
const downloads = document.getElementById('result-downloads');
const contextHost = document.getElementById('result-context');
const maxBytes = Number(form.dataset.maxBytes);

const showStatus = (kind, text) => show(status, kind, text);

async function analyze(file) {
  if (!file) return;
  const refused = tooLarge([file], maxBytes);
  if (refused) {
    showStatus('danger', refused);
    return;
  }
  const data = new FormData();
  data.append('image', file);
  const model = form.elements.model.value;
  showStatus('info', 'Finding people and keypoints…');
  form.setAttribute('aria-busy', 'true');
  result.hidden = true;
  try {
    const response = await postForm(`/api/v1/poses/detect?model=${encodeURIComponent(model)}`, data);
    if (!response.ok) {
      showStatus('danger', await problemText(response));
      return;
    }
    const detection = await response.json();
    render(detection, URL.createObjectURL(file));
    await Promise.all([showNearest(detection), showReading(detection), showContextChips(contextHost, file)]);
  } catch (error) {
    showStatus('danger', `The request failed: ${error.message}. Check your connection and try again.`);
  } finally {
    form.removeAttribute('aria-busy');
  }
}

// Names the photo's pose: the closest library pose (with two runners-up), how alike it is and a link to practise it
// live.
async function showNearest(detection) {
  const host = document.getElementById('result-nearest');
  host.hidden = true;
  if (detection.people.length === 0) return;
  const response = await fetch(`/api/v1/poses/analyses/${detection.id}/nearest?count=3`);
  if (!response.ok) return;
  const [best, ...others] = await response.json();
  if (!best) return;
  const line = document.createElement('p');
  line.className = 'mb-1';
  const name = Object.assign(document.createElement('a'), { href: best.pageUrl, textContent: best.name });
  line.append('Closest in the library: ', name, ` (${best.alike}% alike). `);
  const practise = Object.assign(document.createElement('a'), {
    href: best.practiceUrl,
    className: 'btn btn-sm btn-primary ms-1',
    textContent: 'Practise it live',
  });
  practise.id = 'nearest-practice';
  line.append(practise);
  host.replaceChildren(line);
  if (others.length) {
    const more = document.createElement('p');
    more.className = 'small text-body-secondary mb-0';
    more.append('Also close: ');
    others.forEach((pose, i) => {
      if (i) more.append(', ');
      const link = Object.assign(document.createElement('a'), { href: pose.pageUrl, textContent: pose.name });
      more.append(link, ` (${pose.alike}%)`);
    });
    host.append(more);
  }
  host.hidden = false;
}

// The main person in plain words: key joint angles drawn at the joints, and what a coach would notice first.
async function showReading(detection) {
  const host = document.getElementById('result-reading');
  host.hidden = true;
  if (detection.people.length === 0) return;
  const response = await fetch(`/api/v1/poses/analyses/${detection.id}/reading`);
  if (!response.ok) return;
  const reading = await response.json();
  drawAngles(overlay, detection, reading.angles);
  const list = document.getElementById('result-observations');
  list.replaceChildren(
    ...reading.observations.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
  host.hidden = reading.observations.length === 0;
}

function render(detection, imageUrl) {
  picture.src = imageUrl;
  drawPeople(overlay, detection);
  const n = detection.people.length;
  const t = detection.timingsMs;
  summary.textContent = n === 0
    ? 'No person found. Try a photo where the whole body is in view, in good light, '
      + 'filling at least a third of the picture.'
    : n === 1 ? '1 person found.' : `${n} people found.`;
  // The figures behind the result, for the curious, in small print.
  const facts = document.getElementById('result-facts');
  facts.textContent = `${detection.imageWidth}×${detection.imageHeight} px · analysed in ${t.total.toFixed(0)} ms`;
  tableHost.replaceChildren(keypointTable(detection));
  for (const link of downloads.querySelectorAll('a[data-format]')) {
    link.href = `/api/v1/poses/analyses/${detection.id}?format=${link.dataset.format}`;
    link.download = `posegen-${detection.id}-${link.dataset.format}.json`;
  }
  status.hidden = true;
  result.hidden = false;
}

inputs.forEach((input) => input.addEventListener('change', () => analyze(input.files[0])));
form.addEventListener('submit', (event) => event.preventDefault());
form.elements.model.addEventListener('change', () => {
  const file = [...inputs].map((i) => i.files[0]).find(Boolean);
  if (file) analyze(file);
});
['dragenter', 'dragover'].forEach((type) => drop.addEventListener(type, (event) => {
  event.preventDefault();
  drop.classList.add('dragging');
}));
['dragleave', 'drop'].forEach((type) => drop.addEventListener(type, () => drop.classList.remove('dragging')));
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  analyze(event.dataTransfer.files[0]);
});
