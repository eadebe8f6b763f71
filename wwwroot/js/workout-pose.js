// MoveNet single-pose in the browser with onnxruntime-web, tracking the person from frame to frame the way MoveNet's
// own pipeline does: the next frame's input is a square around the hips sized from this frame's keypoints, and the
// whole frame (letterboxed) is used whenever nobody was found confidently.
const ORT_DIR = '/lib/onnxruntime-web/';

// MoveNet's cropping: a keypoint takes part when its score is at least 0.2; the torso may fill about half the crop.
const MIN_CROP_SCORE = 0.2;
const TORSO_MARGIN = 1.9;
const BODY_MARGIN = 1.2;
const TORSO = [5, 6, 11, 12];
const INPUT_SIZE = { lightning: 192, thunder: 256 };

// The part of the video an input shows: input pixel (u, v) covers source pixel (left + u * scale, top + v * scale).
// Twin of InputWindow.Letterbox in src/PoseGen.Inference/MoveNet/InputWindow.cs: change both together.
export const letterbox = (width, height, size) => {
  const side = Math.max(width, height);
  return { left: (width - side) / 2, top: (height - side) / 2, scale: side / size };
};

const square = (cx, cy, side, size) => ({ left: cx - side / 2, top: cy - side / 2, scale: side / size });

// The crop around a person found in the previous frame (keypoints as flat x, y, score in source pixels), or null when
// the torso is not confidently visible or the crop would cover the whole frame anyway. Twin of
// CropRegion.AroundKeypoints in src/PoseGen.Inference/MoveNet/CropRegion.cs: change both together.
export function cropAround(points, width, height, size, minScore = MIN_CROP_SCORE) {
  const score = (i) => points[i * 3 + 2];
  const shoulders = score(5) >= minScore || score(6) >= minScore;
  const hips = score(11) >= minScore || score(12) >= minScore;
  if (!shoulders || !hips) return null;
  // Centre between the confident hips: a missed hip would drag the mean away.
  const left = score(11) >= minScore;
  const right = score(12) >= minScore;
  const cx = left && right ? (points[33] + points[36]) / 2 : left ? points[33] : points[36];
  const cy = left && right ? (points[34] + points[37]) / 2 : left ? points[34] : points[37];
  const range = (i) => Math.max(Math.abs(points[i * 3] - cx), Math.abs(points[i * 3 + 1] - cy));
  let torso = 0;
  let body = 0;
  for (const i of TORSO) if (score(i) >= minScore) torso = Math.max(torso, range(i));
  for (let i = 0; i < 17; i++) if (score(i) >= minScore) body = Math.max(body, range(i));
  let half = Math.max(torso * TORSO_MARGIN, body * BODY_MARGIN);
  // Never reach past the farthest frame edge: beyond it there is only padding.
  half = Math.min(half, Math.max(cx, width - cx, cy, height - cy));
  if (half * 2 >= Math.max(width, height) || half < 1) return null;
  return square(cx, cy, half * 2, size);
}

async function loadOrt() {
  const adapter = navigator.gpu ? await navigator.gpu.requestAdapter().catch(() => null) : null;
  const ort = await import(adapter ? `${ORT_DIR}ort.webgpu.min.mjs` : `${ORT_DIR}ort.wasm.min.mjs`);
  ort.env.wasm.wasmPaths = ORT_DIR;
  // Threads need SharedArrayBuffer, which only cross-origin isolated pages have (the Workout page sends COOP/COEP).
  ort.env.wasm.numThreads = self.crossOriginIsolated ? Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1)) : 1;
  return { ort, backend: adapter ? 'webgpu' : 'wasm' };
}

export class PoseTracker {
  static async create(model) {
    const { ort, backend } = await loadOrt();
    const response = await fetch(`/Workout/Model/${model}`, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`The ${model} model is not installed on the server (HTTP ${response.status}).`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const providers = backend === 'webgpu' ? ['webgpu', 'wasm'] : ['wasm'];
    const session = await ort.InferenceSession.create(bytes, {
      executionProviders: providers,
      graphOptimizationLevel: 'all',
    });
    const threads = ort.env.wasm.numThreads;
    const described = backend === 'wasm' ? `${backend}, ${threads} thread${threads > 1 ? 's' : ''}` : backend;
    return new PoseTracker(ort, session, INPUT_SIZE[model], described);
  }

  constructor(ort, session, size, backend) {
    this.ort = ort;
    this.session = session;
    this.size = size;
    this.backend = backend;
    this.window = null;
    this.canvas = new OffscreenCanvas(size, size);
    this.context = this.canvas.getContext('2d', { willReadFrequently: true });
    this.input = new Int32Array(size * size * 3);
  }

  // Keypoints of the person in the current video frame: 51 numbers (x, y, score) in video pixels.
  async estimate(video) {
    const width = video.videoWidth;
    const height = video.videoHeight;
    const win = this.window ?? letterbox(width, height, this.size);
    const { context, size } = this;
    // Outside the frame the input is black, as TF.js cropAndResize pads with 0.
    context.fillStyle = '#000';
    context.fillRect(0, 0, size, size);
    context.drawImage(video, -win.left / win.scale, -win.top / win.scale, width / win.scale, height / win.scale);
    const rgba = context.getImageData(0, 0, size, size).data;
    const input = this.input;
    for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
      input[j] = rgba[i];
      input[j + 1] = rgba[i + 1];
      input[j + 2] = rgba[i + 2];
    }
    const feeds = { [this.session.inputNames[0]]: new this.ort.Tensor('int32', input, [1, size, size, 3]) };
    const results = await this.session.run(feeds);
    const output = results[this.session.outputNames[0]];
    const raw = await output.getData();
    output.dispose?.();
    // Output per keypoint: (y, x, score), y and x as fractions of the input square.
    const points = new Float32Array(51);
    for (let k = 0; k < 17; k++) {
      points[k * 3] = win.left + raw[k * 3 + 1] * size * win.scale;
      points[k * 3 + 1] = win.top + raw[k * 3] * size * win.scale;
      points[k * 3 + 2] = raw[k * 3 + 2];
    }
    this.window = cropAround(points, width, height, size);
    return points;
  }

  async release() {
    await this.session.release();
  }
}
