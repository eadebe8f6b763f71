// Runs a TF.js graph model on the wasm backend for reference outputs (used by PoseGen.Tools.Tests to check converted
// ONNX models). Usage: node run-graph-model.mjs <job.json>
// job.json: { "model": "/abs/model.json", "inputs": [ { "file": "/abs/x.bin", "shape": [1,192,192,3], "dtype": "int32" } ],
//             "output": "/abs/out.json" }
// Each input file holds little-endian values of its dtype. out.json: { "backend", "outputs": [ { "shape", "data" } ] },
// one entry per input, the model's first output, or with "outputName" in job.json that named output.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const tf = require('@tensorflow/tfjs-core');
const { loadGraphModel } = require('@tensorflow/tfjs-converter');
const wasm = require('@tensorflow/tfjs-backend-wasm');

// Node has no fetch for file:// URLs, so model.json and its shards are read here and handed over as ModelArtifacts.
function fileHandler(modelPath) {
  return {
    async load() {
      const model = JSON.parse(await readFile(modelPath, 'utf8'));
      const dir = path.dirname(modelPath);
      const weightSpecs = [];
      const buffers = [];
      for (const group of model.weightsManifest) {
        weightSpecs.push(...group.weights);
        for (const shard of group.paths) buffers.push(await readFile(path.join(dir, shard)));
      }
      const all = Buffer.concat(buffers);
      return {
        modelTopology: model.modelTopology,
        format: model.format,
        generatedBy: model.generatedBy,
        convertedBy: model.convertedBy,
        signature: model.signature,
        userDefinedMetadata: model.userDefinedMetadata,
        weightSpecs,
        weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
      };
    },
  };
}

function typedArray(bytes, dtype) {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return dtype === 'float32' ? new Float32Array(buffer) : new Int32Array(buffer);
}

const job = JSON.parse(await readFile(process.argv[2], 'utf8'));
wasm.setWasmPaths(path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), path.sep));
await tf.setBackend('wasm');
await tf.ready();
const model = await loadGraphModel(fileHandler(job.model));
const outputs = [];
for (const input of job.inputs) {
  const dtype = input.dtype ?? 'int32';
  const x = tf.tensor(typedArray(await readFile(input.file), dtype), input.shape, dtype);
  const y = await model.executeAsync(x, job.outputName);
  const first = Array.isArray(y) ? y[0] : y;
  outputs.push({ shape: first.shape, data: Array.from(await first.data()) });
  tf.dispose([x, y]);
}
await writeFile(job.output, JSON.stringify({ backend: tf.getBackend(), outputs }));
