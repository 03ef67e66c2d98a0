// Where the Session's time goes beside bench/engine.ts's hand-written loop, on Node's WASM backend
// (fig1-mnist, two runs). Interleaved blocks of 10 steps, medians: the steps alone (advance + settle),
// the snapshot read without evaluation (session.read(false)), and the snapshot's JS statistics on its
// own fields (percentiles, per-layer percentiles, log histogram) for both runs. BENCH_CPU=1 times by
// this process's CPU time (steadier on a loaded machine); BLOCKS sets the count; DUMP=path writes the
// two A-LR fields (path-0.f32, path-1.f32) for off-line study.
//   npx vite build --mode cli --ssr bench/snapshot-profile.ts --logLevel warn && node dist-cli/snapshot-profile.js

import '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { nodeAssetLoader } from '../src/engine/data/node-asset-loader';
import { sceneById } from '../src/engine/scenes';
import { fieldBuffers } from '../src/engine/session/field-buffers';
import { Session } from '../src/engine/session/session';
import { transferables } from '../src/engine/session/snapshot';
import { registerFusedKernel } from '../src/optim/fused/register';
import { logHistogram } from '../src/stats/histogram';
import { percentiles } from '../src/stats/percentiles';
import { median, now as wallNow } from './measure';

// CPU time of this process (BENCH_CPU=1): steadier than wall time on a loaded machine.
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const now = process.env.BENCH_CPU === '1' ? cpuNow : wallNow;

async function main(): Promise<void> {
  const require = createRequire(import.meta.url);
  setWasmPaths(
    `${path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`,
  );
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  tf.env().set('PROD', true);
  await tf.setBackend('wasm');
  await tf.ready();
  await registerFusedKernel('wasm');
  const scene = sceneById('fig1-mnist');
  if (!scene) throw new Error('no fig1-mnist scene');
  const session = await Session.create(
    scene.experiment,
    nodeAssetLoader(path.resolve(process.cwd(), 'public')),
  );
  const blocks = Number(process.env.BLOCKS ?? 30);
  const times: Record<string, number[]> = { steps: [], read: [], percentiles: [], histogram: [] };
  const scratch = new Float32Array(200_000);
  for (let i = 0; i < blocks + 3; i++) {
    let t = now();
    session.advance(10);
    await session.settle();
    const steps = now() - t;
    t = now();
    const snap = await session.read(false);
    const read = now() - t;
    t = now();
    for (const r of snap.runs) percentiles(r.alr, scratch);
    const pct = now() - t;
    t = now();
    for (const r of snap.runs) logHistogram(r.alr);
    const hist = now() - t;
    fieldBuffers.give(transferables(snap)); // as the app's page hands them back (bench/engine.ts)
    if (i < 3) continue;
    times.steps?.push(steps);
    times.read?.push(read);
    times.percentiles?.push(pct);
    times.histogram?.push(hist);
  }
  for (const [k, v] of Object.entries(times))
    process.stderr.write(`${k}: median ${median(v).toFixed(2)} ms (of ${v.length})\n`);
  if (process.env.DUMP) {
    const snap = await session.read(false);
    const { writeFileSync } = await import('node:fs');
    for (const [i, r] of snap.runs.entries()) writeFileSync(`${process.env.DUMP}-${i}.f32`, r.alr);
  }
  session.dispose();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
