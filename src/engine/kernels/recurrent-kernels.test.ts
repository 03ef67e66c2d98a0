// The fused recurrent kernels against the tf-op path they replace (gru-sequence.ts / lstm-sequence.ts
// with the kernels switched off), on every backend they are registered for: the states, ∂L/∂x and ∂L/∂U
// of L = Σ R ⊙ states, to float32 tolerance; and no tensor or data buffer left behind.

import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { afterAll, describe, expect, it } from 'vitest';
import { NODE_BACKENDS, useBackend } from '../../optim/testing/node-backends';
import { createRandom } from '../random';
import { gruSequence } from '../tasks/gru-sequence';
import { lstmSequence } from '../tasks/lstm-sequence';
import {
  type FusedCell,
  RECURRENT_KERNELS,
  recurrentKernelsAvailable,
  setRecurrentKernelsEnabled,
} from './recurrent-kernels';

const SEQUENCE = { gru: gruSequence, lstm: lstmSequence } as const;

interface Case {
  name: string;
  steps: number;
  n: number;
  u: number;
}

const CASES: Case[] = [
  { name: 'small', steps: 5, n: 3, u: 4 },
  { name: 'one step', steps: 1, n: 2, u: 3 },
  { name: 'the char model’s size (24 steps, batch 32, 64 units)', steps: 24, n: 32, u: 64 },
];

function draw(count: number, scale: number, seed: number): Float32Array {
  const r = createRandom(seed);
  return Float32Array.from({ length: count }, () => (r() * 2 - 1) * scale);
}

interface Result {
  states: Float32Array;
  dx: Float32Array;
  dU: Float32Array;
}

/** States and both gradients of Σ R ⊙ states, through whichever path is switched on. */
function run(cell: FusedCell, c: Case, fused: boolean): Result {
  setRecurrentKernelsEnabled(fused);
  try {
    expect(recurrentKernelsAvailable(cell)).toBe(fused);
    const width = RECURRENT_KERNELS[cell].gates * c.u;
    const rows = c.steps * c.n;
    const out = tf.tidy(() => {
      const x = tf.tensor2d(draw(rows * width, 1.5, 1), [rows, width]);
      // The recurrent kernel's scale of a trained model (Glorot's limit is √(6 / (u + gates·u)) ≈ 0.15 at
      // 64 units); much larger ones make the sequence chaotic, and any two roundings drift apart.
      const U = tf.tensor2d(draw(c.u * width, Math.min(0.8, 1.2 / Math.sqrt(c.u)), 2), [c.u, width]);
      const R = tf.tensor2d(draw(rows * c.u, 1, 3), [rows, c.u]);
      const f = (a: tf.Tensor, b: tf.Tensor) => SEQUENCE[cell](a as tf.Tensor2D, b as tf.Tensor2D, c.steps);
      const [dx, dU] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(f(a, b), R)))([x, U]);
      return [f(x, U), dx, dU] as tf.Tensor[];
    });
    const [states, dx, dU] = out.map((t) => t.dataSync() as Float32Array) as [
      Float32Array,
      Float32Array,
      Float32Array,
    ];
    tf.dispose(out);
    return { states, dx, dU };
  } finally {
    setRecurrentKernelsEnabled(true);
  }
}

const largest = (a: Float32Array) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

/** Float32 agreement: the paths round differently (float64 loops vs float32 ops), by a few ulps a step. */
function expectClose(got: Float32Array, want: Float32Array, what: string): void {
  expect(got.length, what).toBe(want.length);
  const scale = Math.max(1, largest(want));
  let worst = 0;
  for (let k = 0; k < want.length; k++)
    worst = Math.max(worst, Math.abs((got[k] as number) - (want[k] as number)) / scale);
  expect(worst, what).toBeLessThan(2e-5);
}

describe.each(NODE_BACKENDS)('fused recurrent kernels on %s', (backend) => {
  afterAll(() => setRecurrentKernelsEnabled(true));

  for (const cell of ['gru', 'lstm'] as const) {
    it.each(CASES)(`${cell}: states and gradients match the tf-op path ($name)`, async (c) => {
      await useBackend(backend);
      const fused = run(cell, c, true);
      const ops = run(cell, c, false);
      // Not all zero (the comparison would be empty).
      expect(largest(ops.dU)).toBeGreaterThan(c.steps > 1 ? 1e-3 : -1);
      expect(largest(ops.dx)).toBeGreaterThan(1e-3);
      expectClose(fused.states, ops.states, 'states');
      expectClose(fused.dx, ops.dx, '∂L/∂x');
      expectClose(fused.dU, ops.dU, '∂L/∂U');
    });

    it(`${cell}: leaves no tensor and no data buffer behind over training steps`, async () => {
      await useBackend(backend);
      const c = CASES[0] as Case;
      const width = RECURRENT_KERNELS[cell].gates * c.u;
      const x = tf.tensor2d(draw(c.steps * c.n * width, 1, 4), [c.steps * c.n, width]);
      const U = tf.variable(tf.tensor2d(draw(c.u * width, 0.5, 5), [c.u, width]));
      const step = () =>
        tf.tidy(() => {
          const { value, grads } = tf.variableGrads(
            () => tf.sum(tf.square(SEQUENCE[cell](x, U as tf.Tensor2D, c.steps))) as tf.Scalar,
            [U],
          );
          U.assign(tf.sub(U, tf.mul(0.01, grads[U.name] as tf.Tensor)));
          return value.dataSync()[0] as number;
        });
      step();
      const before = tf.memory();
      const losses = [1, 2, 3, 4, 5].map(step);
      expect(tf.memory().numTensors).toBe(before.numTensors);
      expect(tf.memory().numDataBuffers).toBe(before.numDataBuffers);
      // Gradient descent on Σ states² lowers it: the gradient's sign is right.
      expect(losses[4]).toBeLessThan(losses[0] as number);
      tf.dispose([x, U]);
    });
  }

  it('rejects mismatched shapes with the reason', async () => {
    await useBackend(backend);
    const x = tf.zeros([6, 9]);
    const U = tf.zeros([4, 12]);
    expect(() => tf.engine().runKernel(RECURRENT_KERNELS.gru.forward, { x, U }, { steps: 2 })).toThrow(
      /\[u, 3·u\]/,
    );
    tf.dispose([x, U]);
  });
});
