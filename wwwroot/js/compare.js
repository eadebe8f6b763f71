// Compare page: two photos to /api/v1/poses/compare, then the score, corrections and the aligned overlay.
import { postForm } from './api.js';
import { drawPose } from './skeleton.js';
import { showStatus as show, problemText } from './status.js';
import { tooLarge } from './upload.js';

const form = document.getElementById('compare-form');
const status = document.getElementById('compare-status');
const result = document.getElementById('compare-result');
const maxBytes = Number(form.dataset.maxBytes);
const $ = (id) => document.getElementById(id);

const meaning = (score) => (score >= 90 ? 'The same pose.' : score >= 70 ? 'Close: one or two corrections.'
  : score >= 50 ? 'The same kind of pose, several joints off.' : 'A different pose.');

// Error in torso lengths -> green (0) to red (0.5 and more).
const errorColour = (distance) => `hsl(${Math.round(120 * Math.max(0, 1 - (distance ?? 0) / 0.5))} 85% 45%)`;

const showStatus = (kind, text) => show(status, kind, text);

function drawOn(svg, width, height, draw) {
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  draw(Math.max(width, height) / 400);
}

function listInto(list, items) {
  list.replaceChildren(...items.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
}

function render(r, referenceSource, candidateFile) {
  $('compare-score').textContent = `${Math.round(r.score)}`;
  $('compare-meaning').textContent = meaning(r.score);
  $('compare-details').textContent = `OKS ${(r.oks * 100).toFixed(0)}%`
    + ` · angles ${(r.angleSimilarity * 100).toFixed(0)}%`
    + ` · ${r.model} alignment${r.mirrored ? ' · mirrored photo' : ''}`;
  listInto($('compare-feedback'), r.feedback.length ? r.feedback : ['Nothing to correct.']);
  listInto($('compare-good'), r.good.length ? r.good : ['Nothing matches closely yet.']);
  $('compare-note').textContent = r.note ?? '';
  // A new photo, or a saved analysis: its stored picture (same aspect ratio as the keypoints' frame).
  const referenceUrl = typeof referenceSource === 'string' ? referenceSource : URL.createObjectURL(referenceSource);
  $('overlay-image').src = referenceUrl;
  $('reference-image').src = referenceUrl;
  $('candidate-image').src = URL.createObjectURL(candidateFile);
  const distance = Object.fromEntries(r.joints.map((j) => [j.name, j.distance]));
  drawOn($('overlay-svg'), r.referenceWidth, r.referenceHeight, (unit) => {
    drawPose($('overlay-svg'), r.reference, { colour: '#0d6efd', unit, label: 'reference ' });
    drawPose($('overlay-svg'), r.alignedCandidate, {
      colour: '#fd7e14',
      unit,
      label: 'you ',
      jointColour: (k) => errorColour(distance[k.name]),
    });
  });
  drawOn($('reference-svg'), r.referenceWidth, r.referenceHeight,
    (unit) => drawPose($('reference-svg'), r.reference, { colour: '#0d6efd', unit }));
  drawOn($('candidate-svg'), r.candidateWidth, r.candidateHeight,
    (unit) => drawPose($('candidate-svg'), r.candidate, { colour: '#fd7e14', unit }));
  const body = $('compare-joints').tBodies[0];
  body.replaceChildren();
  for (const j of r.joints) {
    const row = body.insertRow();
    row.insertCell().textContent = j.name.replaceAll('_', ' ');
    const d = row.insertCell();
    d.className = 'text-end';
    d.innerHTML = j.distance == null
      ? '–'
      : `<span class="badge" style="background:${errorColour(j.distance)}">${j.distance.toFixed(2)}</span>`;
    const a = row.insertCell();
    a.className = 'text-end';
    a.textContent = j.angleDeltaDeg == null ? '–' : j.angleDeltaDeg.toFixed(0);
  }
  status.hidden = true;
  result.hidden = false;
}

// The saved analysis' stored picture is its first media file.
async function savedPicture(id) {
  const entry = await (await fetch(`/api/v1/history/${id}`, { credentials: 'same-origin' })).json();
  return entry.media[0]?.url ?? '';
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const reference = form.elements.reference?.files[0];
  const saved = form.elements.referenceAnalysisId?.value;
  const libraryPose = form.elements.referencePoseId?.value;
  const candidate = form.elements.candidate.files[0];
  if ((!reference && !saved && !libraryPose) || !candidate) {
    return showStatus('warning', 'Choose a reference (photo or saved analysis) and your photo first.');
  }
  const refused = tooLarge([reference, candidate], maxBytes);
  if (refused) return showStatus('danger', refused);
  const data = new FormData();
  if (reference) data.append('reference', reference);
  else if (libraryPose) data.append('referencePoseId', libraryPose);
  else data.append('referenceAnalysisId', saved);
  data.append('candidate', candidate);
  const query = new URLSearchParams({ model: form.elements.model.value, mirror: form.elements.mirror.checked });
  showStatus('info', 'Finding both poses and aligning them…');
  form.setAttribute('aria-busy', 'true');
  result.hidden = true;
  try {
    const response = await postForm(`/api/v1/poses/compare?${query}`, data);
    if (!response.ok) return showStatus('danger', await problemText(response));
    const referencePicture = reference
      ?? (libraryPose ? document.getElementById('library-reference').src : await savedPicture(saved));
    render(await response.json(), referencePicture, candidate);
  } catch (error) {
    showStatus('danger', `The request failed: ${error.message}.`);
  } finally {
    form.removeAttribute('aria-busy');
  }
});
