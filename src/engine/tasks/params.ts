// Initial parameter values drawn in plain JS from the init stream, so that every run and every
// backend starts from bit-identical weights (tf.random's seeds differ across backends).

import * as tf from '@tensorflow/tfjs-core';
import { createNormal } from '../random';
import type { Activation } from './configs';
import type { ParamMap, ParamSpec } from './task';

/** Glorot/Xavier uniform: U(−a, a), a = √(6 / (fanIn + fanOut)). */
export function glorotUniform(
  name: string,
  shape: number[],
  fanIn: number,
  fanOut: number,
  random: () => number,
): ParamSpec {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < values.length; i++) values[i] = (random() * 2 - 1) * limit;
  return { name, shape, values };
}

export function normalInit(name: string, shape: number[], std: number, random: () => number): ParamSpec {
  const normal = createNormal(random);
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < values.length; i++) values[i] = normal() * std;
  return { name, shape, values };
}

export function zerosInit(name: string, shape: number[]): ParamSpec {
  return { name, shape, values: new Float32Array(shape.reduce((a, b) => a * b, 1)) };
}

export function constantInit(name: string, values: number[]): ParamSpec {
  return { name, shape: [values.length], values: Float32Array.from(values) };
}

export function activate(x: tf.Tensor, activation: Activation): tf.Tensor {
  if (activation === 'tanh') return tf.tanh(x);
  if (activation === 'relu') return tf.relu(x);
  if (activation === 'sigmoid') return tf.sigmoid(x);
  return x;
}

/** Dense layers `${prefix}${i}/kernel|bias` for the given sizes (inputs first). */
export function mlpParams(prefix: string, sizes: number[], random: () => number): ParamSpec[] {
  const out: ParamSpec[] = [];
  for (let i = 1; i < sizes.length; i++) {
    const fanIn = sizes[i - 1] as number;
    const fanOut = sizes[i] as number;
    out.push(glorotUniform(`${prefix}${i}/kernel`, [fanIn, fanOut], fanIn, fanOut, random));
    out.push(zerosInit(`${prefix}${i}/bias`, [fanOut]));
  }
  return out;
}

/** Applies the MLP built by mlpParams; the last layer is linear (logits). */
export function mlpForward(
  x: tf.Tensor,
  params: ParamMap,
  prefix: string,
  layers: number,
  activation: Activation,
): tf.Tensor {
  let h = x;
  for (let i = 1; i <= layers; i++) {
    const kernel = params[`${prefix}${i}/kernel`];
    const bias = params[`${prefix}${i}/bias`];
    if (!kernel || !bias) throw new Error(`missing parameters of layer ${prefix}${i}`);
    h = tf.add(tf.matMul(h, kernel), bias);
    if (i < layers) h = activate(h, activation);
  }
  return h;
}

/** Mean softmax cross-entropy of logits [n, k] against integer labels [n]. */
export function softmaxCrossEntropy(logits: tf.Tensor, labels: tf.Tensor, classes: number): tf.Scalar {
  const oneHot = tf.oneHot(tf.cast(labels, 'int32'), classes);
  const logProbs = tf.logSoftmax(logits);
  return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, logProbs), -1))) as tf.Scalar;
}

export function accuracyOf(logits: tf.Tensor, labels: tf.Tensor): tf.Scalar {
  return tf.mean(tf.cast(tf.equal(tf.argMax(logits, -1), tf.cast(labels, 'int32')), 'float32')) as tf.Scalar;
}
