// The CNN's layers: tf.conv2d (every backend has its forward pass and both gradients; WASM's missing
// filter gradient is registered by kernels/conv2d-backprop-filter-wasm.ts) and a 2×2 max-pool.

import * as tf from '@tensorflow/tfjs-core';
import { registerConvKernelsWasm } from '../kernels/conv2d-backprop-filter-wasm';

// Registration is global and idempotent; it must precede the first gradient on WASM.
registerConvKernelsWasm();

/** 'valid' convolution, stride 1: x [n, h, w, c], kernel [k, k, c, f] → [n, h−k+1, w−k+1, f], plus bias [f]. */
export function convValid(x: tf.Tensor4D, kernel: tf.Tensor, bias: tf.Tensor): tf.Tensor4D {
  return tf.add(tf.conv2d(x, kernel as tf.Tensor4D, 1, 'valid'), bias) as tf.Tensor4D;
}

export function maxPool2(x: tf.Tensor4D): tf.Tensor4D {
  return tf.maxPool(x, 2, 2, 'valid');
}
