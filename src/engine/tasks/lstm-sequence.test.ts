// The LSTM's hand-written backward pass against (1) central differences of a float64 LSTM written in
// plain JS and (2) tfjs's own autodiff of the per-step op chain, on a tiny LSTM on the CPU backend.

import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../optim/testing/node-backends';
import { createRandom } from '../random';
import { lstmSequence, lstmStep } from './lstm-sequence';

const STEPS = 4;
const N = 2;
const U = 3;
const random = createRandom(7);
const draw = (count: number, scale: number) =>
  Array.from({ length: count }, () => (random() * 2 - 1) * scale);
const X = draw(STEPS * N * 4 * U, 1.5); // projections [steps·n, 4u]
const W = draw(U * 4 * U, 0.8); // recurrent kernel [u, 4u]
const R = draw(STEPS * N * U, 1); // the loss's weights on every state

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/** Σ R ⊙ states of the LSTM, in float64 (the reference the formulas are checked against). */
function lossF64(x: readonly number[], w: readonly number[]): number {
  let h = new Array<number>(N * U).fill(0);
  let c = new Array<number>(N * U).fill(0);
  let loss = 0;
  for (let t = 0; t < STEPS; t++) {
    const nextH = new Array<number>(N * U);
    const nextC = new Array<number>(N * U);
    for (let b = 0; b < N; b++) {
      const row = (t * N + b) * 4 * U;
      const a = (col: number) => {
        let s = x[row + col] as number;
        for (let k = 0; k < U; k++) s += (h[b * U + k] as number) * (w[k * 4 * U + col] as number);
        return s;
      };
      for (let j = 0; j < U; j++) {
        const i = sigmoid(a(j));
        const f = sigmoid(a(U + j));
        const g = Math.tanh(a(2 * U + j));
        const o = sigmoid(a(3 * U + j));
        const cell = f * (c[b * U + j] as number) + i * g;
        nextC[b * U + j] = cell;
        nextH[b * U + j] = o * Math.tanh(cell);
        loss += (R[(t * N + b) * U + j] as number) * (nextH[b * U + j] as number);
      }
    }
    h = nextH;
    c = nextC;
  }
  return loss;
}

function centralDifferences(which: 'x' | 'w'): number[] {
  const base = which === 'x' ? X : W;
  const eps = 1e-6;
  return base.map((_, k) => {
    const plus = [...base];
    const minus = [...base];
    plus[k] = (plus[k] as number) + eps;
    minus[k] = (minus[k] as number) - eps;
    const f = (v: number[]) => (which === 'x' ? lossF64(v, W) : lossF64(X, v));
    return (f(plus) - f(minus)) / (2 * eps);
  });
}

const inputs = () => ({
  x: tf.tensor2d(X, [STEPS * N, 4 * U]),
  w: tf.tensor2d(W, [U, 4 * U]),
  r: tf.tensor2d(R, [STEPS * N, U]),
});

/** The same loss through the per-step op chain, differentiated by tfjs. */
function stepChainLoss(x: tf.Tensor2D, w: tf.Tensor2D, r: tf.Tensor2D): tf.Scalar {
  let state = { h: tf.zeros([N, U]), c: tf.zeros([N, U]) };
  const hs: tf.Tensor[] = [];
  for (const xw of tf.split(x, STEPS, 0)) {
    state = lstmStep(xw, state, w);
    hs.push(state.h);
  }
  return tf.sum(tf.mul(tf.concat(hs, 0), r));
}

describe('lstmSequence', () => {
  beforeAll(() => useBackend('cpu'));

  it('forward: the states match the per-step chain and the float64 LSTM', () => {
    const { x, w, r } = inputs();
    const viaSequence = tf.sum(tf.mul(lstmSequence(x, w, STEPS), r)).dataSync()[0] as number;
    const viaSteps = stepChainLoss(x, w, r).dataSync()[0] as number;
    expect(viaSequence).toBeCloseTo(lossF64(X, W), 5);
    expect(viaSteps).toBeCloseTo(viaSequence, 6);
    tf.dispose([x, w, r]);
  });

  it('backward: the hand-written gradients match central differences and tfjs autodiff', () => {
    const { x, w, r } = inputs();
    const [gx, gw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(lstmSequence(a as tf.Tensor2D, b as tf.Tensor2D, STEPS), r)),
    )([x, w]);
    const [ax, aw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      stepChainLoss(a as tf.Tensor2D, b as tf.Tensor2D, r),
    )([x, w]);
    for (const [got, autodiff, which] of [
      [gx, ax, 'x'],
      [gw, aw, 'w'],
    ] as const) {
      const values = Array.from(got?.dataSync() ?? []);
      const numeric = centralDifferences(which);
      expect(values).toHaveLength(numeric.length);
      // Not all zero (the check would be empty), and float32 agreement with both references.
      expect(Math.max(...numeric.map(Math.abs))).toBeGreaterThan(0.05);
      const chain = Array.from(autodiff?.dataSync() ?? []);
      for (const [k, v] of numeric.entries())
        expect(Math.abs((values[k] as number) - v)).toBeLessThan(1e-4 + 1e-4 * Math.abs(v));
      for (const [k, v] of chain.entries())
        expect(Math.abs((values[k] as number) - v)).toBeLessThan(1e-5 + 1e-5 * Math.abs(v));
    }
    tf.dispose([x, w, r, gx, gw, ax, aw] as tf.Tensor[]);
  });

  it('leaks nothing: tf.memory().numTensors stays flat over repeated loss + gradient steps', () => {
    const { x, w, r } = inputs();
    const step = () =>
      tf.tidy(() => {
        const { value, grads } = tf.variableGrads(
          () => tf.sum(tf.mul(lstmSequence(x, wv, STEPS), r)) as tf.Scalar,
          [wv],
        );
        wv.assign(tf.sub(wv, tf.mul(0.01, grads[wv.name] as tf.Tensor)));
        return value.dataSync()[0] as number;
      });
    const wv = tf.variable(w);
    step();
    const before = tf.memory().numTensors;
    const losses = [1, 2, 3, 4, 5].map(step);
    expect(tf.memory().numTensors).toBe(before);
    // Plain gradient descent on Σ R ⊙ h lowers it: the gradient's sign is right.
    expect(losses[4]).toBeLessThan(losses[0] as number);
    tf.dispose([x, w, r, wv]);
  });
});
