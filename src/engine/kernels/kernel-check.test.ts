// The self-check's engine-kernel cases on the Node backends: they pass on the kernels as they are, and
// they fail when a kernel computes something else.

import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { describe, expect, it } from 'vitest';
import { NODE_BACKENDS, useBackend } from '../../optim/testing/node-backends';
import { registerConvKernelsWasm } from './conv2d-backprop-filter-wasm';
import { registerConvInputGradWasm } from './conv2d-backprop-input-wasm';
import { checkEngineKernels } from './kernel-check';
import { registerPlainMatMulWasm } from './matmul-transposed-wasm';
import { registerMaxPoolGradWasm } from './maxpool-grad-wasm';
import { registerPixelKernelWasm } from './pixel-kernel-wasm';
import { RECURRENT_KERNELS } from './recurrent-kernels';

describe.each(NODE_BACKENDS)('checkEngineKernels on %s', (backend) => {
  it('checks every engine kernel the backend runs, and they pass', async () => {
    await useBackend(backend);
    registerPlainMatMulWasm();
    registerConvInputGradWasm();
    registerMaxPoolGradWasm();
    registerPixelKernelWasm();
    const before = tf.memory().numTensors;
    const cases = await checkEngineKernels();
    expect(tf.memory().numTensors).toBe(before);
    expect(cases.map((c) => c.id).join('\n')).toMatch(/GruSequence[\s\S]*LstmSequence/);
    expect(cases.some((c) => /the CNN layer/.test(c.id))).toBe(true);
    expect(cases.some((c) => /MNIST pixels/.test(c.id))).toBe(true);
    if (backend === 'wasm') {
      expect(cases.some((c) => /BatchMatMul/.test(c.id))).toBe(true);
      expect(cases.some((c) => /Conv2DBackpropInput/.test(c.id))).toBe(true);
      expect(cases.some((c) => /MaxPoolGrad/.test(c.id))).toBe(true);
      expect(cases.some((c) => c.id.includes('AnisoscopeMnistPixels'))).toBe(true);
    }
    for (const c of cases) {
      expect(c.passed, c.id).toBe(true);
      expect(c.maxParamAbsErr, c.id).toBeLessThan(1e-4);
    }
  });

  it('fails a fused kernel that computes something else', async () => {
    await useBackend(backend);
    const name = RECURRENT_KERNELS.lstm.forward;
    const good = tf.getKernel(name, backend);
    if (!good) throw new Error(`${name} is not registered on ${backend}`);
    tf.unregisterKernel(name, backend);
    tf.registerKernel({
      ...good,
      kernelFunc: (args) => {
        const [states, cache] = good.kernelFunc(args) as tf.TensorInfo[];
        // The output's own buffer: WASM's heap view, or the CPU backend's typed array.
        const host = args.backend as unknown as {
          typedArrayFromHeap?(t: tf.TensorInfo): Float32Array;
          readSync(id: tf.DataId): Float32Array;
        };
        const info = states as tf.TensorInfo;
        const values = host.typedArrayFromHeap ? host.typedArrayFromHeap(info) : host.readSync(info.dataId);
        values[0] = (values[0] as number) + 0.01;
        return [states as tf.TensorInfo, cache as tf.TensorInfo];
      },
    });
    try {
      const lstm = (await checkEngineKernels()).find((c) => c.id.includes('LstmSequence'));
      expect(lstm?.passed).toBe(false);
    } finally {
      tf.unregisterKernel(name, backend);
      tf.registerKernel(good);
    }
  });

  it('fails a convolution filter gradient that computes something else', async () => {
    await useBackend(backend);
    registerConvKernelsWasm();
    const good = tf.getKernel(tf.Conv2DBackpropFilter, backend);
    if (!good) throw new Error(`Conv2DBackpropFilter is not registered on ${backend}`);
    tf.unregisterKernel(tf.Conv2DBackpropFilter, backend);
    tf.registerKernel({
      ...good,
      kernelFunc: (args) => {
        const dW = good.kernelFunc(args) as tf.TensorInfo;
        const host = args.backend as unknown as {
          typedArrayFromHeap?(t: tf.TensorInfo): Float32Array;
          readSync(id: tf.DataId): Float32Array;
        };
        const values = host.typedArrayFromHeap ? host.typedArrayFromHeap(dW) : host.readSync(dW.dataId);
        values[1] = (values[1] as number) * 1.01 + 0.01;
        return dW;
      },
    });
    try {
      const layer = (await checkEngineKernels()).find((c) => /the CNN layer/.test(c.id));
      expect(layer?.passed).toBe(false);
    } finally {
      tf.unregisterKernel(tf.Conv2DBackpropFilter, backend);
      tf.registerKernel(good);
    }
  });
});
