// MNIST's pixel kernel: the committed bytes are the assembled text, and on WASM it makes exactly the
// floats of the JS decoding (every byte value), in the [count, 784] layout the task uploads; elsewhere
// the task decodes in JS. The self-check repeats the comparison on the browser's backends.

import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { assemblePixelKernel } from '../../../scripts/build-wasm-kernels';
import { NODE_BACKENDS, useBackend } from '../../optim/testing/node-backends';
import { decodeMnistPixels, MNIST_PIXELS } from '../data/mnist-format';
import { pixelsOnDevice } from '../tasks/mnist-pixels';
import { pixelKernelActive, pixelKernelBytes, registerPixelKernelWasm } from './pixel-kernel-wasm';

it('is the assembled text of pixel-kernel-wat.ts (npm run build:wasm)', async () => {
  expect(pixelKernelBytes()).toEqual(await assemblePixelKernel());
});

describe.each(NODE_BACKENDS)('pixelsOnDevice on %s', (backend) => {
  it('holds byte / 255 of every byte value exactly, for the first `count` images', async () => {
    await useBackend(backend);
    registerPixelKernelWasm();
    expect(pixelKernelActive()).toBe(backend === 'wasm');
    const bytes = Uint8Array.from({ length: 3 * MNIST_PIXELS }, (_, i) => (i * 13 + 5) % 256);
    const before = tf.memory().numTensors;
    const floats = tf.tidy(() => pixelsOnDevice(bytes, 2));
    expect(tf.memory().numTensors).toBe(before + 1); // the uploaded bytes are gone
    expect(floats.shape).toEqual([2, MNIST_PIXELS]);
    expect(floats.dtype).toBe('float32');
    const got = await floats.data();
    floats.dispose();
    expect(new Set(bytes.subarray(0, 2 * MNIST_PIXELS)).size).toBe(256);
    expect(got).toEqual(decodeMnistPixels(bytes.subarray(0, 2 * MNIST_PIXELS)));
  });

  it('takes bytes at any offset, and refuses too few of them', async () => {
    await useBackend(backend);
    registerPixelKernelWasm();
    const buffer = Uint8Array.from({ length: 1 + MNIST_PIXELS }, (_, i) => (i * 7) % 256);
    const unaligned = buffer.subarray(1); // byteOffset 1: not a whole int32 word
    const floats = tf.tidy(() => pixelsOnDevice(unaligned, 1));
    expect(await floats.data()).toEqual(decodeMnistPixels(unaligned));
    floats.dispose();
    expect(() => tf.tidy(() => pixelsOnDevice(unaligned, 2))).toThrow(/fewer than 2 images/);
  });
});
