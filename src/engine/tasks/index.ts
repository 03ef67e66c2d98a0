// Builds a task from its config. Tasks whose data ship as files (MNIST, text) load them lazily
// through the injected asset loader, only when chosen.

import { registerConvInputGradWasm } from '../kernels/conv2d-backprop-input-wasm';
import { registerPlainMatMulWasm } from '../kernels/matmul-transposed-wasm';
import { registerMaxPoolGradWasm } from '../kernels/maxpool-grad-wasm';
import { registerPixelKernelWasm } from '../kernels/pixel-kernel-wasm';
import type { Seeds } from '../random';
import { createCharLmTask } from './char-lm';
import { createClassify2d } from './classify-2d';
import type { TaskConfig } from './configs';
import { createMnistTask } from './mnist';
import { createSurfaceTask } from './surfaces';
import type { AssetLoader, Task } from './task';

export * from './configs';
export type { AssetLoader } from './task';

/**
 * The engine's WASM training kernels: matMul gradients (transposed operands) as plain products, the
 * convolution input gradient as one product + col2im, the max-pool gradient as one JS pass, and MNIST's
 * pixels made floats in the heap. Idempotent, and a no-op until the WASM backend's package has loaded;
 * every task is built after it (the bench's plain MLPs call it too, so that they time the kernels the
 * app trains with).
 */
export function registerWasmTrainingKernels(): void {
  registerPlainMatMulWasm();
  registerConvInputGradWasm();
  registerMaxPoolGradWasm();
  registerPixelKernelWasm();
}

export async function createTask(config: TaskConfig, seeds: Seeds, loader?: AssetLoader): Promise<Task> {
  registerWasmTrainingKernels();
  switch (config.kind) {
    case 'mnist':
      if (!loader) throw new Error('the MNIST task needs an asset loader for its data files');
      return createMnistTask(config, seeds, loader);
    case 'charlm':
      if (!loader) throw new Error('the language model needs an asset loader for its text');
      return createCharLmTask(config, seeds, loader);
    case 'classify2d':
      return createClassify2d(config, seeds);
    case 'surface':
      return createSurfaceTask(config, seeds);
  }
}
