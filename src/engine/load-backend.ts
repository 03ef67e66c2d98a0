// Loads one tfjs backend package on demand (dynamic import: only the chosen backend's code is fetched) and
// sets the flags it needs before tfjs initialises it.
import * as tf from '@tensorflow/tfjs-core';
import { prefetchFusedKernel, registerFusedKernel } from '../optim/fused/register';
import type { BackendName } from './protocol';

export interface LoadOptions {
  /** Let tfjs-webgl run on a software rasteriser (it refuses by default via failIfMajorPerformanceCaveat). */
  allowSoftwareWebGl: boolean;
}

export async function loadBackend(name: BackendName, options: LoadOptions): Promise<void> {
  // The optimizer's fused update kernel for this backend (src/optim/fused/), loaded with it: its chunk is
  // fetched side by side with the backend's (they were a waterfall on the first step's path: issue #12's
  // start-up timeline), and registered once the backend's code is in (the WebGL config reads its flags).
  prefetchFusedKernel(name);
  await importBackend(name, options);
  await registerFusedKernel(name);
}

async function importBackend(name: BackendName, options: LoadOptions): Promise<void> {
  switch (name) {
    case 'webgpu':
      await import('@tensorflow/tfjs-backend-webgpu');
      // The packed matmul shader: ~3× faster than tfjs's auto choice on SwiftShader (docs/backends.md).
      tf.env().set('WEBGPU_MATMUL_PROGRAM_TYPE', 3);
      return;
    case 'webgl':
      await import('@tensorflow/tfjs-backend-webgl');
      tf.env().set('SOFTWARE_WEBGL_ENABLED', options.allowSoftwareWebGl);
      return;
    case 'wasm': {
      const { configureWasm } = await import('./wasm-setup');
      configureWasm();
      return;
    }
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      return;
  }
}
