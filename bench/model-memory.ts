// `npm run bench:memory`: what an experiment really costs, for the model-size budget
// (src/engine/model-size.ts, docs/RELIABILITY.md). For a few model sizes and run counts, on Node's WASM
// backend: tensor bytes held while training (tf.memory), the peak of one step and of one snapshot
// (tf.profile), and the JS heap + array buffers the worker side holds (after a forced GC), next to the
// estimate the budget uses. Run with `node --expose-gc`. The CPU backend, so that tensors are plain array
// buffers and "JS heap + array buffers" is everything the worker side holds (WASM memory never shrinks).

import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { nodeAssetLoader } from '../src/engine/data/node-asset-loader';
import type { ExperimentConfig } from '../src/engine/experiment';
import { experimentSize } from '../src/engine/model-size';
import { Session } from '../src/engine/session/session';
import type { TaskConfig } from '../src/engine/tasks/configs';
import { registerFusedKernel } from '../src/optim/fused/register';

const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const jsBytes = () => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

const CASES: { name: string; task: TaskConfig; runs: number }[] = [
  {
    name: 'MNIST MLP 128-64',
    task: { kind: 'mnist', model: 'mlp', hidden: [128, 64], activation: 'relu', batchSize: 64 },
    runs: 2,
  },
  {
    name: 'MNIST MLP 512-512',
    task: { kind: 'mnist', model: 'mlp', hidden: [512, 512], activation: 'relu', batchSize: 64 },
    runs: 2,
  },
  {
    name: 'MNIST MLP 1024-1024',
    task: { kind: 'mnist', model: 'mlp', hidden: [1024, 1024], activation: 'relu', batchSize: 64 },
    runs: 1,
  },
  {
    name: 'MNIST MLP 1024-1024',
    task: { kind: 'mnist', model: 'mlp', hidden: [1024, 1024], activation: 'relu', batchSize: 64 },
    runs: 4,
  },
  {
    name: 'MNIST MLP 1024-1024, batch 1024',
    task: { kind: 'mnist', model: 'mlp', hidden: [1024, 1024], activation: 'relu', batchSize: 1024 },
    runs: 1,
  },
  {
    name: 'char-GRU 256, emb 64, seq 64, batch 64',
    task: { kind: 'charlm', hidden: 256, embedding: 64, sequenceLength: 64, batchSize: 64 },
    runs: 2,
  },
];

async function main(): Promise<void> {
  const require = createRequire(import.meta.url);
  setWasmPaths(
    `${path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`,
  );
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  await tf.ready();
  await registerFusedKernel('cpu');
  const loader = nodeAssetLoader(path.resolve(process.cwd(), 'public'));
  const names = ['adam', 'sadam', 'amsgrad', 'samsgrad'] as const;
  const rows: string[] = [];
  for (const c of CASES) {
    const experiment: ExperimentConfig = {
      task: c.task,
      runs: names.slice(0, c.runs).map((name) => ({ id: name, label: name, spec: { name, lr: 1e-3 } })),
      seeds: { data: 1, init: 1, batches: 1 },
    };
    await new Promise((r) => setTimeout(r, 50));
    const jsBefore = jsBytes();
    const session = await Session.create(experiment, loader);
    session.advance(1);
    const stepPeak = (await tf.profile(() => session.advance(1))).peakBytes;
    let snapshot: unknown;
    const snapPeak = (
      await tf.profile(async () => {
        snapshot = await session.snapshot();
      })
    ).peakBytes;
    const checkpoint = await session.checkpoint();
    const held = tf.memory().numBytes;
    const js = jsBytes() - jsBefore; // snapshot and checkpoint still referenced below
    const size = experimentSize(experiment);
    const params = size.paramsPerRun * size.runs;
    // What the worker holds per parameter per run: tensors + its own JS copies (field, checkpoint).
    const perParam = js / params;
    rows.push(
      [
        `${c.name} × ${c.runs}`,
        params.toLocaleString('en-US'),
        (held / MB).toFixed(1),
        (Math.max(stepPeak, snapPeak) / MB).toFixed(1),
        (js / MB).toFixed(1),
        perParam.toFixed(1),
        (size.activationBytes / MB).toFixed(1),
        (size.totalBytes / MB).toFixed(0),
      ].join(' | '),
    );
    process.stdout.write(`${rows.at(-1)}\n`);
    if (!snapshot || !checkpoint) throw new Error('no snapshot');
    session.dispose();
    snapshot = null;
  }
  process.stdout.write(
    '\nexperiment × runs | params (all runs) | tensors held MB | peak of a step or snapshot MB | worker JS + buffers MB (tensors included) | B per param (all JS) | activation estimate MB | budget estimate MB\n',
  );
  process.stdout.write(`${rows.join('\n')}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
