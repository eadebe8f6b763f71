// History detail: replays a workout's saved keypoint timeline as an animated SVG skeleton with play/pause and a seek
// bar, and marks every cycle (good, improper, not counted) with its explanation: a list to jump to, the skeleton
// coloured and a caption while a cycle plays.
// Timeline points are 17 COCO keypoints x (x, y, score), x and y as fractions of the frame; the SVG's viewBox is the
// frame.
import { COCO_EDGES, confidenceColour } from './skeleton.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const THRESHOLD = 0.3;

const timeline = JSON.parse(document.getElementById('replay-data').textContent);
const player = document.getElementById('replay-player');
const svg = document.getElementById('replay-skeleton');
const toggle = document.getElementById('replay-toggle');
const seek = document.getElementById('replay-seek');
const clock = document.getElementById('replay-time');

const { width, height, frames } = timeline;
const cycles = timeline.cycles ?? [];
const caption = document.getElementById('replay-caption');
const VERDICT_COLOURS = { good: '#2fb344', improper: '#f59f00', 'not counted': '#adb5bd' };
const unit = Math.max(width, height) / 300;

function el(name, attrs) {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  svg.appendChild(node);
  return node;
}

// One line per limb and one circle per keypoint, created once and moved every frame.
const limbs = COCO_EDGES.map(() => el('line', {
  stroke: '#ffffff', 'stroke-opacity': 0.85, 'stroke-width': unit * 1.6, 'stroke-linecap': 'round', class: 'limb',
}));
const joints = Array.from({ length: 17 }, () => el('circle', { r: unit * 2.2, class: 'keypoint' }));

let index = 0;
let playing = false;
let startedAt = 0;

function show(i) {
  index = i;
  const { timeS, points } = frames[i];
  const visible = (k) => points.length === 51 && points[k * 3 + 2] >= THRESHOLD;
  COCO_EDGES.forEach(([a, b], n) => {
    const line = limbs[n];
    const shown = visible(a) && visible(b);
    line.style.display = shown ? '' : 'none';
    if (!shown) return;
    line.setAttribute('x1', points[a * 3] * width);
    line.setAttribute('y1', points[a * 3 + 1] * height);
    line.setAttribute('x2', points[b * 3] * width);
    line.setAttribute('y2', points[b * 3 + 1] * height);
  });
  joints.forEach((circle, k) => {
    circle.style.display = visible(k) ? '' : 'none';
    if (!visible(k)) return;
    circle.setAttribute('cx', points[k * 3] * width);
    circle.setAttribute('cy', points[k * 3 + 1] * height);
    circle.setAttribute('fill', confidenceColour(points[k * 3 + 2]));
  });
  const cycle = cycles.find((c) => c.startS <= timeS && timeS <= c.endS);
  const colour = cycle ? VERDICT_COLOURS[cycle.verdict] ?? '#ffffff' : '#ffffff';
  limbs.forEach((line) => line.setAttribute('stroke', colour));
  caption.textContent = cycle ? `${cycle.startS.toFixed(1)}–${cycle.endS.toFixed(1)} s: ${cycle.explanation}` : '';
  player.dataset.cycle = cycle ? String(cycles.indexOf(cycle)) : '';
  seek.value = String(i);
  clock.textContent = `${timeS.toFixed(1)} s`;
  player.dataset.frame = String(i);
}

// Frames carry their own times (live sessions drop frames when nobody is seen), so playback follows timeS, not the
// index.
function tick(now) {
  if (!playing) return;
  const elapsed = (now - startedAt) / 1000 + frames[0].timeS;
  let i = index;
  while (i + 1 < frames.length && frames[i + 1].timeS <= elapsed) i++;
  if (i !== index) show(i);
  if (i + 1 >= frames.length) {
    setPlaying(false);
    return;
  }
  requestAnimationFrame(tick);
}

function setPlaying(on) {
  playing = on;
  toggle.textContent = on ? 'Pause' : 'Play';
  player.dataset.playing = String(on);
  if (!on) return;
  if (index + 1 >= frames.length) show(0);
  startedAt = performance.now() - (frames[index].timeS - frames[0].timeS) * 1000;
  requestAnimationFrame(tick);
}

// The frame nearest to a time, for jumping to a cycle's peak.
function frameAt(t) {
  let best = 0;
  frames.forEach((f, i) => { if (Math.abs(f.timeS - t) < Math.abs(frames[best].timeS - t)) best = i; });
  return best;
}

let repNumber = 0;
document.getElementById('replay-cycles').replaceChildren(...cycles.map((c) => {
  const item = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  const outline = c.verdict === 'good' ? 'btn-outline-success'
    : c.verdict === 'improper' ? 'btn-outline-warning'
    : 'btn-outline-secondary';
  button.className = `btn btn-sm ${outline}`;
  button.textContent = c.verdict === 'not counted'
    ? `Not counted (${c.peakS.toFixed(1)} s)`
    : `Rep ${++repNumber}: ${c.verdict}`;
  button.title = c.explanation;
  button.addEventListener('click', () => {
    setPlaying(false);
    show(frameAt(c.peakS));
  });
  item.appendChild(button);
  return item;
}));

toggle.addEventListener('click', () => setPlaying(!playing));
seek.addEventListener('input', () => {
  show(Number(seek.value));
  if (playing) setPlaying(true);
});
show(0);
