// Draws one skeleton on a canvas whose pixels match the video frame (keypoints as flat x, y, score in frame pixels).
import { COCO_EDGES, confidenceColour } from './skeleton.js';

// The bones whose two ends are both confident, as straight strokes in the context's current style.
function strokeBones(context, points, threshold) {
  for (const [a, b] of COCO_EDGES) {
    if (points[a * 3 + 2] < threshold || points[b * 3 + 2] < threshold) continue;
    context.beginPath();
    context.moveTo(points[a * 3], points[a * 3 + 1]);
    context.lineTo(points[b * 3], points[b * 3 + 1]);
    context.stroke();
  }
}

// The target pose of a practice session as a ghost: a wide translucent outline under the person's own skeleton.
export function drawGhost(canvas, points, threshold = 0.3) {
  if (!points) return;
  const context = canvas.getContext('2d');
  const unit = Math.max(canvas.width, canvas.height) / 300;
  context.save();
  context.lineWidth = unit * 6;
  context.lineCap = 'round';
  context.strokeStyle = 'rgba(64, 200, 255, 0.45)';
  strokeBones(context, points, threshold);
  context.restore();
  canvas.dataset.ghost = 'drawn';
}

export function drawSkeleton(canvas, points, width, height, threshold = 0.3) {
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  const context = canvas.getContext('2d');
  context.clearRect(0, 0, width, height);
  if (!points) return;
  const unit = Math.max(width, height) / 300;
  context.lineWidth = unit * 1.6;
  context.lineCap = 'round';
  context.strokeStyle = 'rgba(255, 255, 255, 0.85)';
  strokeBones(context, points, threshold);
  for (let k = 0; k < 17; k++) {
    const score = points[k * 3 + 2];
    if (score < threshold) continue;
    context.beginPath();
    context.arc(points[k * 3], points[k * 3 + 1], unit * 2.2, 0, Math.PI * 2);
    context.fillStyle = confidenceColour(score);
    context.fill();
  }
}
