// `npm run bench:node`: update ratio, engine ratio and the scaling table on Node's cpu and wasm
// backends. Prints a table and writes its metrics as JSON to the path in argv[2] (default
// bench-node.json; `npm run bench` merges it into bench-results.json).

import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { nodeAssetLoader } from '../src/engine/data/node-asset-loader';
import { registerFusedKernel } from '../src/optim/fused/register';
import { type EngineRatio, measureEngineRatio } from './engine';
import { measureScaling, measureUpdateRatio, median, SCALING_MODELS, type ScalingRow } from './measure';
import { type Spread, spreadOf } from './spread.mjs';

const QUICK = process.env.BENCH_QUICK === '1';

async function main(): Promise<void> {
  const out = process.argv[2] ?? 'bench-node.json';
  const require = createRequire(import.meta.url);
  setWasmPaths(
    `${path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`,
  );
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  tf.env().set('PROD', true);
  const loader = nodeAssetLoader(path.resolve(process.cwd(), 'public'));
  const metrics: Record<string, number> = {};
  const spread: Record<string, Spread> = {};
  const detail: Record<string, unknown> = {};
  const scaling: Record<string, ScalingRow[]> = {};
  for (const backend of ['wasm', 'cpu'] as const) {
    if (!(await tf.setBackend(backend))) {
      process.stderr.write(`node: the ${backend} backend failed to start; skipped\n`);
      continue;
    }
    await tf.ready();
    // The fused update kernel, as the app registers it (src/engine/load-backend.ts): without it the
    // optimizer falls back to tf ops and updateRatio measures the wrong path.
    await registerFusedKernel(backend);
    const u = await measureUpdateRatio(QUICK ? 20 : backend === 'cpu' ? 60 : 150);
    metrics[`updateRatio.${backend}`] = u.ratio;
    detail[`update.node.${backend}`] = u;
    process.stderr.write(
      `node ${backend}: update sadam ${u.sadamMs.toFixed(2)} ms / adam ${u.adamMs.toFixed(2)} ms = ${u.ratio.toFixed(2)}\n`,
    );
    // A median of repeats, each a fresh Session, as in the browser: one repeat swung 0.83–1.00 here.
    const repeats: EngineRatio[] = [];
    for (let i = 0; i < (QUICK ? 1 : 5); i++)
      repeats.push(await measureEngineRatio(loader, QUICK ? 4 : backend === 'cpu' ? 8 : 16));
    const ratios = repeats.map((r) => r.ratio);
    metrics[`engineRatio.${backend}`] = median(ratios);
    spread[`engineRatio.${backend}`] = spreadOf(ratios);
    detail[`engine.node.${backend}`] = { repeats };
    process.stderr.write(
      `node ${backend}: Session / loop steps/s, median of ${repeats.length}: ${median(ratios).toFixed(2)} (ratio of medians ${median(repeats.map((r) => r.ratioOfMedians)).toFixed(2)}) [${repeats.map((e) => `${e.sessionStepsPerS.toFixed(1)}/${e.loopStepsPerS.toFixed(1)}`).join(', ')}]\n`,
    );
    scaling[backend] = [];
    for (const layers of SCALING_MODELS) {
      const row = await measureScaling(layers, QUICK ? 300 : 2500);
      scaling[backend].push(row);
      metrics[`stepsPerS.${backend}.${row.layers}.adam`] = row.adamStepsPerS;
      metrics[`stepsPerS.${backend}.${row.layers}.sadam`] = row.sadamStepsPerS;
      process.stderr.write(
        `node ${backend}: ${row.layers} (${row.params} params) adam ${row.adamStepsPerS.toFixed(1)} / sadam ${row.sadamStepsPerS.toFixed(1)} steps/s\n`,
      );
    }
  }
  const info = {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    tfjs: tf.version_core,
  };
  await writeFile(out, `${JSON.stringify({ metrics, spread, info, detail, scaling }, null, 2)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
