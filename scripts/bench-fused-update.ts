// Quick check of updateRatio (Sadam official vs tf.train.adam, fig1-mnist MLP) on Node's wasm and cpu
// backends WITH the fused kernel registered, as the app does (bench/node-bench.ts measures more, slower).
// Also the WASM JS-loop fallback (SIMD kernel off). Run: npx vite build --mode cli --ssr scripts/bench-fused-update.ts --logLevel warn && node dist-cli/bench-fused-update.js

import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { measureUpdateRatio } from '../bench/measure';
import { registerFusedKernel } from '../src/optim/fused/register';
import { setWasmSimdEnabled } from '../src/optim/fused/register-wasm';

async function main(): Promise<void> {
  const require = createRequire(import.meta.url);
  setWasmPaths(
    `${path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`,
  );
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  tf.env().set('PROD', true);
  const reps = Number(process.env.REPS ?? 150);
  for (const backend of (process.env.BACKENDS ?? 'wasm,cpu').split(',')) {
    if (!(await tf.setBackend(backend))) continue;
    await tf.ready();
    await registerFusedKernel(backend);
    for (const simd of backend === 'wasm' ? [true, false] : [true]) {
      setWasmSimdEnabled(simd);
      const u = await measureUpdateRatio(reps);
      process.stdout.write(
        `${backend}${backend === 'wasm' ? (simd ? ' SIMD kernel' : ' JS loop') : ''}: sadam ${u.sadamMs.toFixed(3)} ms / adam ${u.adamMs.toFixed(3)} ms = ${u.ratio.toFixed(3)}\n`,
      );
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
