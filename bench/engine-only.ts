// Only `engineRatio.wasm` of `npm run bench:node` (bench/engine.ts, same setup as node-bench.ts), repeated,
// for comparing two builds of the engine in alternating processes.
//   npx vite build --mode cli --ssr bench/engine-only.ts --logLevel warn && node dist-cli/engine-only.js [repeats] [blocks]

import '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { nodeAssetLoader } from '../src/engine/data/node-asset-loader';
import { registerFusedKernel } from '../src/optim/fused/register';
import { measureEngineRatio } from './engine';

// BENCH_CPU=1 times blocks by this process's CPU time: steadier than wall time on a loaded machine
// (the asynchronous reads on WASM run on this thread, so nothing is left out).
const cpu = process.env.BENCH_CPU === '1';
const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function main(): Promise<void> {
  const repeats = Number(process.argv[2] ?? 3);
  const blocks = Number(process.argv[3] ?? 16);
  const require = createRequire(import.meta.url);
  setWasmPaths(
    `${path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`,
  );
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  tf.env().set('PROD', true);
  await tf.setBackend('wasm');
  await tf.ready();
  await registerFusedKernel('wasm');
  const loader = nodeAssetLoader(path.resolve(process.cwd(), 'public'));
  for (let i = 0; i < repeats; i++) {
    const e = await measureEngineRatio(loader, blocks, 10, cpu ? cpuNow : undefined);
    process.stdout.write(
      `${JSON.stringify({ ratio: e.ratio, session: e.sessionStepsPerS, loop: e.loopStepsPerS })}\n`,
    );
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
