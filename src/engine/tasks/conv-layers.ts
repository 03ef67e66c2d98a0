// Convolution written as im2col + matMul. tfjs-wasm 4.22 has no Conv2DBackpropFilter kernel, so
// tf.conv2d cannot train there; slices, concat and matMul have gradients on every backend, which
// keeps the CNN identical (and trainable) on WebGPU, WebGL, WASM and CPU.

import * as tf from '@tensorflow/tfjs-core';

/** 'valid' k×k convolution, stride 1: x [n, h, w, c] with kernel [k·k·c, f] → [n, h−k+1, w−k+1, f]. */
export function convValid(x: tf.Tensor4D, kernel: tf.Tensor, bias: tf.Tensor, k: number): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const oh = h - k + 1;
  const ow = w - k + 1;
  const shifted: tf.Tensor[] = [];
  for (let di = 0; di < k; di++) {
    for (let dj = 0; dj < k; dj++) shifted.push(tf.slice(x, [0, di, dj, 0], [n, oh, ow, c]));
  }
  // [n, oh, ow, k·k·c]: the patch of every output position, in (di, dj, channel) order.
  const patches = tf.reshape(tf.concat(shifted, 3), [n * oh * ow, k * k * c]);
  return tf.reshape(tf.add(tf.matMul(patches, kernel), bias), [n, oh, ow, -1]) as tf.Tensor4D;
}

export function maxPool2(x: tf.Tensor4D): tf.Tensor4D {
  return tf.maxPool(x, 2, 2, 'valid');
}
