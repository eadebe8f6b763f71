// Draws detected people as an SVG overlay in image pixel coordinates (the SVG's viewBox is the image size), so the
// overlay scales with the picture at any screen width.
const SVG_NS = 'http://www.w3.org/2000/svg';

// COCO-17 limbs (0-based keypoint indices), as in the COCO keypoint annotations' skeleton.
export const COCO_EDGES = [
  [15, 13], [13, 11], [16, 14], [14, 12], [11, 12], [5, 11], [6, 12], [5, 6], [5, 7], [6, 8], [7, 9], [8, 10],
  [1, 2], [0, 1], [0, 2], [1, 3], [2, 4], [3, 5], [4, 6],
];

// Confidence 0..1 as a hue from red (0) to green (120).
export const confidenceColour = (score) => `hsl(${Math.round(Math.max(0, Math.min(1, score)) * 120)} 85% 45%)`;

function el(name, attrs, parent) {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  parent?.appendChild(node);
  return node;
}

export function drawPeople(svg, result, { threshold = result.keypointThreshold ?? 0.3, boxes = true } = {}) {
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${result.imageWidth} ${result.imageHeight}`);
  // Stroke widths relative to the image, so lines look the same on a 640 px and a 4000 px photo.
  const unit = Math.max(result.imageWidth, result.imageHeight) / 400;
  result.people.forEach((person, index) => {
    const group = el('g', { class: 'person', 'data-person': index }, svg);
    if (boxes) {
      const b = person.box;
      el('rect', {
        x: b.x, y: b.y, width: b.width, height: b.height, fill: 'none', stroke: '#0dcaf0', 'stroke-width': unit,
        'stroke-dasharray': `${unit * 4} ${unit * 2}`,
      }, group);
      const label = el('text', {
        x: b.x + unit, y: Math.max(b.y - unit, unit * 6), fill: '#0dcaf0', 'font-size': unit * 6, 'font-weight': 'bold',
      }, group);
      label.textContent = `#${index + 1} ${(person.score * 100).toFixed(0)}%`;
    }
    for (const [a, b] of COCO_EDGES) {
      const p = person.keypoints[a];
      const q = person.keypoints[b];
      if (p.score < threshold || q.score < threshold) continue;
      // A dark edge under a light core: the bone stays visible on white clothes and on dark backgrounds alike.
      el('line', {
        x1: p.x, y1: p.y, x2: q.x, y2: q.y,
        stroke: '#111111', 'stroke-opacity': 0.8, 'stroke-width': unit * 2.6, 'stroke-linecap': 'round',
      }, group);
      el('line', {
        x1: p.x, y1: p.y, x2: q.x, y2: q.y, stroke: '#ffffff', 'stroke-width': unit * 1.4, 'stroke-linecap': 'round',
      }, group);
    }
    person.keypoints.forEach((k) => {
      const dot = el('circle', {
        cx: k.x, cy: k.y, r: unit * 2.2, fill: confidenceColour(k.score), stroke: '#000', 'stroke-width': unit * 0.4,
        opacity: k.score < threshold ? 0.35 : 1, class: 'keypoint', tabindex: 0,
      }, group);
      el('title', {}, dot).textContent =
        `${k.name}: ${(k.score * 100).toFixed(0)}% (${k.x.toFixed(0)}, ${k.y.toFixed(0)})`;
    });
  });
}

// Joint angles as labels beside their joints ("left knee 95°"), white on a dark outline so they read on any photo.
export function drawAngles(svg, result, angles) {
  const unit = Math.max(result.imageWidth, result.imageHeight) / 400;
  const group = el('g', { class: 'angles' }, svg);
  for (const angle of angles) {
    const label = el('text', {
      x: angle.x + unit * 3, y: angle.y - unit * 2, 'font-size': unit * 7, 'font-weight': 'bold', fill: '#ffffff',
      stroke: '#111111', 'stroke-width': unit * 1.2, 'paint-order': 'stroke', class: 'angle-label',
    }, group);
    label.textContent = `${Math.round(angle.degrees)}°`;
    el('title', {}, label).textContent = `${angle.label}: ${Math.round(angle.degrees)} degrees`;
  }
}

export function keypointTable(result) {
  const table = document.createElement('table');
  table.className = 'table table-sm table-striped align-middle small';
  table.innerHTML = '<thead><tr><th>Person</th><th>Keypoint</th>'
    + '<th class="text-end">x</th><th class="text-end">y</th><th class="text-end">Score</th></tr></thead>';
  const body = table.createTBody();
  result.people.forEach((person, index) => {
    person.keypoints.forEach((k) => {
      const row = body.insertRow();
      row.insertCell().textContent = `#${index + 1}`;
      row.insertCell().textContent = k.name.replaceAll('_', ' ');
      for (const value of [k.x.toFixed(1), k.y.toFixed(1)]) {
        const cell = row.insertCell();
        cell.className = 'text-end';
        cell.textContent = value;
      }
      const score = row.insertCell();
      score.className = 'text-end';
      score.innerHTML =
        `<span class="badge" style="background:${confidenceColour(k.score)}">${(k.score * 100).toFixed(0)}%</span>`;
    });
  });
  return table;
}

// One pose as a single-colour skeleton; jointColour(k, i) may colour each joint (e.g. by error).
export function drawPose(
  svg,
  keypoints,
  { colour = '#0d6efd', threshold = 0.3, jointColour = null, unit = 1, label = '' } = {},
) {
  const group = el('g', { class: 'pose' }, svg);
  for (const [a, b] of COCO_EDGES) {
    const p = keypoints[a];
    const q = keypoints[b];
    if (p.score < threshold || q.score < threshold) continue;
    el('line', {
      x1: p.x, y1: p.y, x2: q.x, y2: q.y,
      stroke: colour, 'stroke-width': unit * 1.8, 'stroke-linecap': 'round', 'stroke-opacity': 0.9,
    }, group);
  }
  keypoints.forEach((k, i) => {
    if (k.score < threshold) return;
    const dot = el('circle', {
      cx: k.x, cy: k.y, r: unit * 2.4, fill: jointColour ? jointColour(k, i) : colour, stroke: '#000',
      'stroke-width': unit * 0.4, class: 'keypoint', tabindex: 0,
    }, group);
    el('title', {}, dot).textContent = `${label}${k.name.replaceAll('_', ' ')}`;
  });
  return group;
}
