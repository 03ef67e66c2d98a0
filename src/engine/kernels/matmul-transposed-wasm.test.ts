// WASM's BatchMatMul, wrapped so transposed operands are laid out before a plain product, against the
// CPU backend on the same numbers: every transpose combination, plain and batched (with broadcasting).

import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { useBackend } from '../../optim/testing/node-backends';
import { createRandom } from '../random';
import { registerPlainMatMulWasm } from './matmul-transposed-wasm';

interface Case {
  a: number[];
  b: number[];
  transposeA: boolean;
  transposeB: boolean;
}

const CASES: Case[] = [];
for (const transposeA of [false, true])
  for (const transposeB of [false, true]) {
    // The MLP's first-layer gradients: xᵀ·dy [784, 64]·[64, 128] and dy·Wᵀ [64, 128]·[128, 784].
    CASES.push({
      a: transposeA ? [64, 784] : [784, 64],
      b: transposeB ? [128, 64] : [64, 128],
      transposeA,
      transposeB,
    });
    // Batched, b broadcast over a's batch.
    CASES.push({
      a: transposeA ? [3, 5, 7] : [3, 7, 5],
      b: transposeB ? [1, 4, 5] : [1, 5, 4],
      transposeA,
      transposeB,
    });
  }

function values(shape: number[], seed: number): Float32Array {
  const r = createRandom(seed);
  return Float32Array.from({ length: tf.util.sizeFromShape(shape) }, () => r() * 2 - 1);
}

function product(c: Case): { shape: number[]; values: Float32Array } {
  const out = tf.tidy(() =>
    tf.matMul(tf.tensor(values(c.a, 1), c.a), tf.tensor(values(c.b, 2), c.b), c.transposeA, c.transposeB),
  );
  const result = { shape: out.shape, values: out.dataSync() as Float32Array };
  out.dispose();
  return result;
}

let wrappedOnce = false;

describe('WASM matMul with transposed operands', () => {
  it.each(CASES)(
    'matches the CPU backend: a $a, b $b, transposeA $transposeA, transposeB $transposeB',
    async (c) => {
      await useBackend('cpu');
      const want = product(c);
      await useBackend('wasm');
      const plain = tf.getKernel(tf.BatchMatMul, 'wasm')?.kernelFunc;
      registerPlainMatMulWasm();
      registerPlainMatMulWasm(); // idempotent: wraps once
      const wrapper = tf.getKernel(tf.BatchMatMul, 'wasm')?.kernelFunc;
      expect(wrapper).toBeDefined();
      if (!wrappedOnce) expect(wrapper).not.toBe(plain); // the first case sees the registration happen
      wrappedOnce = true;
      const before = tf.memory();
      const got = product(c);
      expect(tf.memory().numTensors).toBe(before.numTensors);
      expect(tf.memory().numDataBuffers).toBe(before.numDataBuffers); // the laid-out copies are freed
      expect(got.shape).toEqual(want.shape);
      const inner = c.transposeA ? (c.a[c.a.length - 2] as number) : (c.a[c.a.length - 1] as number);
      let worst = 0;
      for (let k = 0; k < want.values.length; k++)
        worst = Math.max(worst, Math.abs((got.values[k] as number) - (want.values[k] as number)));
      expect(worst).toBeLessThan(1e-6 * inner);
    },
  );
});
