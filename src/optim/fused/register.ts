// Registers the fused optimizer kernel for one backend, loading only that backend's implementation
// (the WebGPU and WebGL shaders stay out of the other backends' bundles). Safe to call repeatedly.

import * as tf from '@tensorflow/tfjs-core';
import { FUSED_UPDATE_KERNEL } from './kernel';

/** Each backend's kernel chunk, imported on demand (a module is fetched once, however often asked). */
const chunks = {
  cpu: () => import('./register-cpu'),
  wasm: () => import('./register-wasm'),
  webgpu: () => import('./register-webgpu'),
  webgl: () => import('./register-webgl'),
} as const;

function isChunk(backend: string): backend is keyof typeof chunks {
  return backend in chunks;
}

/**
 * Starts fetching `backend`'s kernel chunk without registering it, so that it loads side by side with
 * the backend's own code. Registering must wait for that code: the WebGL config reads its flags.
 */
export function prefetchFusedKernel(backend: string): void {
  if (isChunk(backend)) void chunks[backend]().catch(() => undefined); // registering reports failures
}

async function configFor(backend: string): Promise<tf.KernelConfig | null> {
  if (!isChunk(backend)) return null;
  switch (backend) {
    case 'cpu':
      return (await chunks.cpu()).fusedUpdateCpuConfig;
    case 'wasm': {
      const wasm = await chunks.wasm();
      await wasm.wasmSimdReady; // the SIMD kernel compiles asynchronously; the JS loop covers until then
      return wasm.fusedUpdateWasmConfig;
    }
    case 'webgpu':
      return (await chunks.webgpu()).fusedUpdateWebgpuConfig;
    case 'webgl':
      return (await chunks.webgl()).webglFusedConfig();
  }
}

/** Registers the kernel for `backend` if one exists; returns whether the backend now has it. */
export async function registerFusedKernel(backend: string): Promise<boolean> {
  if (tf.getKernel(FUSED_UPDATE_KERNEL, backend)) return true;
  const config = await configFor(backend);
  if (!config) return false;
  if (!tf.getKernel(FUSED_UPDATE_KERNEL, backend)) tf.registerKernel(config);
  return true;
}
