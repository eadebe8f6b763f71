// The Generate page: edit an OpenPose pose by dragging joints, preview its conditioning map, queue a render and follow
// it.
import { sendJson } from './api.js';

const form = document.getElementById('gen-form');
const editor = document.getElementById('gen-editor');
const json = document.getElementById('gen-json');
const map = document.getElementById('gen-map');
const statusText = document.getElementById('gen-status');
const bar = document.getElementById('gen-progress-bar');
const result = document.getElementById('gen-result');
const cancel = document.getElementById('gen-cancel');
const $ = id => document.getElementById(id);
const svgNs = 'http://www.w3.org/2000/svg';
// OpenPose BODY_18 limbs and colours, as the ControlNet annotator draws them.
const limbs = [
  [1, 2], [1, 5], [2, 3], [3, 4], [5, 6], [6, 7], [1, 8], [8, 9], [9, 10],
  [1, 11], [11, 12], [12, 13], [1, 0], [0, 14], [14, 16], [0, 15], [15, 17],
];
const colors = [
  '#ff0000', '#ff5500', '#ffaa00', '#ffff00', '#aaff00', '#55ff00', '#00ff00', '#00ff55', '#00ffaa',
  '#00ffff', '#00aaff', '#0055ff', '#0000ff', '#5500ff', '#aa00ff', '#ff00ff', '#ff00aa', '#ff0055',
];
let points = []; // 54 numbers: x, y, score per joint, in output pixels
let size = { width: 512, height: 512 };
let job = null;

const canvasSize = () => ({ width: 512, height: Number($('gen-size').value) });

function exportJson() {
  json.value = JSON.stringify({
    canvas_width: size.width,
    canvas_height: size.height,
    people: [{ pose_keypoints_2d: points }],
  });
}

function draw() {
  editor.setAttribute('viewBox', `0 0 ${size.width} ${size.height}`);
  editor.replaceChildren();
  limbs.forEach(([a, b], i) => {
    if (!(points[3 * a + 2] > 0 && points[3 * b + 2] > 0)) return;
    const line = document.createElementNS(svgNs, 'line');
    Object.entries({
      x1: points[3 * a], y1: points[3 * a + 1], x2: points[3 * b], y2: points[3 * b + 1],
      stroke: colors[i], 'stroke-width': 8, 'stroke-opacity': 0.6,
    }).forEach(([k, v]) => line.setAttribute(k, v));
    editor.append(line);
  });
  for (let j = 0; j < 18; j++) {
    if (!(points[3 * j + 2] > 0)) continue;
    const c = document.createElementNS(svgNs, 'circle');
    Object.entries({ cx: points[3 * j], cy: points[3 * j + 1], r: 8, fill: colors[j], 'data-joint': j, class: 'joint' })
      .forEach(([k, v]) => c.setAttribute(k, v));
    c.style.cursor = 'grab';
    editor.append(c);
  }
}

let mapTimer = 0;
function refresh() {
  draw();
  exportJson();
  clearTimeout(mapTimer);
  mapTimer = setTimeout(async () => {
    const response = await sendJson('/api/v1/generations/openpose-map', 'POST', { keypoints: points, ...size });
    if (response.ok) map.src = URL.createObjectURL(await response.blob());
  }, 150);
}

async function loadPose() {
  size = canvasSize();
  const q = new URLSearchParams({ ...size, heightM: $('gen-height-m').value });
  if (form.dataset.analysis) {
    q.set('analysisId', form.dataset.analysis);
  } else {
    q.set('poseId', $('gen-pose').value);
    q.set('view', $('gen-view').value);
  }
  const response = await fetch(`/api/v1/generations/pose?${q}`, { credentials: 'same-origin' });
  if (!response.ok) { statusText.textContent = 'Could not load the pose.'; return; }
  points = (await response.json()).keypoints;
  refresh();
}

let dragging = -1;
editor.addEventListener('pointerdown', e => {
  if (!e.target.dataset?.joint) return;
  dragging = Number(e.target.dataset.joint);
  editor.setPointerCapture(e.pointerId);
});
editor.addEventListener('pointermove', e => {
  if (dragging < 0) return;
  const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(editor.getScreenCTM().inverse());
  points[3 * dragging] = Math.round(Math.min(Math.max(p.x, 0), size.width - 1) * 100) / 100;
  points[3 * dragging + 1] = Math.round(Math.min(Math.max(p.y, 0), size.height - 1) * 100) / 100;
  draw();
});
editor.addEventListener('pointerup', () => { if (dragging >= 0) { dragging = -1; refresh(); } });

$('gen-export').addEventListener('click', () => { exportJson(); json.select(); });
$('gen-import').addEventListener('change', async e => {
  const file = e.target.files[0];
  if (!file) return;
  try {
    const doc = JSON.parse(await file.text());
    const flat = doc.people?.[0]?.pose_keypoints_2d;
    if (!Array.isArray(flat) || flat.length !== 54) throw new Error('needs 54 pose_keypoints_2d numbers');
    points = flat.map(Number);
    refresh();
  } catch (err) {
    statusText.textContent = `That file is not OpenPose JSON: ${err.message}`;
  }
});
['gen-pose', 'gen-view', 'gen-height-m', 'gen-size'].forEach(id => $(id).addEventListener('change', loadPose));

function show(s) {
  job = s;
  const pending = s.status === 'queued' || s.status === 'running';
  cancel.hidden = !pending;
  bar.hidden = !pending;
  bar.firstElementChild.style.width = `${Math.round(s.progress * 100)}%`;
  statusText.textContent = s.status === 'queued' ? `Queued (position ${s.queuePosition})`
    : s.status === 'running' ? `Step ${s.step} of ${s.totalSteps}` : s.error ?? s.status;
  const image = s.resultUrl ?? s.previewUrl;
  if (image) { result.src = s.resultUrl ?? `${s.previewUrl}?step=${s.step}`; result.hidden = false; }
}

async function poll() {
  while (job && (job.status === 'queued' || job.status === 'running')) {
    await new Promise(r => setTimeout(r, 1000));
    const response = await fetch(`/api/v1/generations/${job.id}`, { credentials: 'same-origin' });
    if (response.ok) show(await response.json());
  }
}

if (globalThis.signalR) {
  const hub = new signalR.HubConnectionBuilder().withUrl('/hubs/generation').withAutomaticReconnect().build();
  hub.on('generation', s => { if (job && s.id === job.id) show(s); });
  hub.start().catch(() => { /* polling still follows the job */ });
}

form.addEventListener('submit', async e => {
  e.preventDefault();
  const seed = $('gen-seed').value;
  const body = {
    keypoints: points, ...size, prompt: $('gen-prompt').value, negativePrompt: $('gen-negative').value,
    steps: Number($('gen-steps').value), scheduler: $('gen-scheduler').value,
    controlNetStrength: Number($('gen-control').value),
    ...(seed ? { seed: Number(seed) } : {}),
    ...(form.dataset.analysis
      ? { initAnalysisId: form.dataset.analysis, strength: Number($('gen-strength').value) }
      : {}),
  };
  const response = await sendJson('/api/v1/generations', 'POST', body);
  const answer = await response.json();
  if (!response.ok) { statusText.textContent = answer.detail ?? answer.title; return; }
  show({ id: answer.id, status: 'queued', progress: 0, queuePosition: 1 });
  poll();
});
cancel.addEventListener('click', () => job && sendJson(`/api/v1/generations/${job.id}`, 'DELETE'));

loadPose();
