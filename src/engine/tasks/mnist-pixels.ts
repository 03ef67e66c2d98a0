// MNIST's pixel bytes as the floats the models read (byte / 255), on the current backend. On WASM the
// floats are made inside the backend's heap (kernels/pixel-kernel-wasm.ts: only the bytes are copied in);
// elsewhere they are decoded in JS and uploaded. Every backend holds exactly decodeMnistPixels' floats.

import * as tf from '@tensorflow/tfjs-core';
import { decodeMnistPixels, MNIST_PIXELS } from '../data/mnist-format';
import { MNIST_PIXELS_KERNEL, pixelKernelActive } from '../kernels/pixel-kernel-wasm';

/** The first `count` images of `bytes` as a [count, 784] float32 tensor (call inside a tidy). */
export function pixelsOnDevice(bytes: Uint8Array, count: number): tf.Tensor2D {
  const n = count * MNIST_PIXELS;
  const images = bytes.subarray(0, n);
  if (images.length !== n)
    throw new Error(`MNIST pixels: ${images.length} bytes hold fewer than ${count} images`);
  if (!pixelKernelActive()) return tf.tensor2d(decodeMnistPixels(images), [count, MNIST_PIXELS]);
  // The bytes as int32 words, uploaded without a JS copy where they are 4-byte aligned (a file's own buffer).
  const aligned = images.byteOffset % 4 === 0 ? images : images.slice();
  const packed = tf.tensor1d(new Int32Array(aligned.buffer, aligned.byteOffset, n / 4), 'int32');
  return tf.engine().runKernel(MNIST_PIXELS_KERNEL, { packed }, { count }) as tf.Tensor2D;
}
