// Registers the fused optimizer kernel for one backend, loading only that backend's implementation
// (the WebGPU and WebGL shaders stay out of the other backends' bundles). Safe to call repeatedly.

import * as tf from '@tensorflow/tfjs-core';
import { FUSED_UPDATE_KERNEL } from './kernel';

async function configFor(backend: string): Promise<tf.KernelConfig | null> {
  switch (backend) {
    case 'cpu':
      return (await import('./register-cpu')).fusedUpdateCpuConfig;
    case 'wasm': {
      const wasm = await import('./register-wasm');
      await wasm.wasmSimdReady; // the SIMD kernel compiles asynchronously; the JS loop covers until then
      return wasm.fusedUpdateWasmConfig;
    }
    case 'webgpu':
      return (await import('./register-webgpu')).fusedUpdateWebgpuConfig;
    case 'webgl':
      return (await import('./register-webgl')).webglFusedConfig();
    default:
      return null;
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
