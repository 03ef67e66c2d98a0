// Test helper: the CPU-side tfjs backends available in Node (WebGPU and WebGL are covered by the
// e2e suite in Chromium).
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { registerFusedKernel } from '../fused/register';

const require = createRequire(import.meta.url);
setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`);
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

export const NODE_BACKENDS = ['cpu', 'wasm'] as const;

export async function useBackend(name: (typeof NODE_BACKENDS)[number]): Promise<void> {
  const ok = await tf.setBackend(name);
  if (!ok || tf.getBackend() !== name) throw new Error(`tfjs backend '${name}' failed to initialise`);
  await tf.ready();
  await registerFusedKernel(name);
}
