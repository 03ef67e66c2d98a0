import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../../optim/calibrated-optimizer'; // registers every op's gradient
import { useBackend } from '../../optim/testing/node-backends';
import { createRandom } from '../random';
import {
  maxPoolGradLoop,
  maxPoolGradWasmActive,
  maxPoolGradWindows,
  type PoolGeometry,
  registerMaxPoolGradWasm,
} from './maxpool-grad-wasm';

// tf.maxPool's gradient on WASM (this kernel) against the tfjs CPU backend on the same numbers. The
// inputs are coarse (a few distinct values, many zeros after relu), so windows hold ties: the first
// maximum in row-major order must be the one that receives dy, as on the CPU.

interface Case {
  name: string;
  x: [number, number, number, number];
  filter: number | [number, number];
  strides: number | [number, number];
  pad: 'valid' | 'same';
}

const CASES: Case[] = [
  {
    name: 'the CNN’s first pool (24×24×6, 2×2, stride 2)',
    x: [4, 24, 24, 6],
    filter: 2,
    strides: 2,
    pad: 'valid',
  },
  { name: 'the CNN’s second pool (8×8×16)', x: [3, 8, 8, 16], filter: 2, strides: 2, pad: 'valid' },
  {
    name: 'overlapping 3×3 windows, stride 2, same padding',
    x: [2, 9, 7, 3],
    filter: 3,
    strides: 2,
    pad: 'same',
  },
  {
    name: 'non-square window, uneven strides',
    x: [2, 7, 10, 2],
    filter: [2, 3],
    strides: [1, 2],
    pad: 'valid',
  },
];

function coarse(n: number, seed: number): Float32Array {
  const r = createRandom(seed);
  return Float32Array.from({ length: n }, () => Math.round(r() * 6 - 3) / 2);
}

function run(c: Case): { y: Float32Array; dx: Float32Array } {
  const size = c.x.reduce((a, b) => a * b, 1);
  const out = tf.tidy(() => {
    const x = tf.tensor4d(coarse(size, 7), c.x);
    const pool = (a: tf.Tensor) => tf.maxPool(tf.relu(a) as tf.Tensor4D, c.filter, c.strides, c.pad);
    const y = pool(x);
    const upstream = tf.tensor(coarse(y.size, 8), y.shape);
    const dx = tf.grad((a: tf.Tensor) => tf.sum(tf.mul(pool(a), upstream)))(x);
    return [y, dx];
  });
  const [y, dx] = out.map((t) => t.dataSync() as Float32Array) as [Float32Array, Float32Array];
  tf.dispose(out);
  return { y, dx };
}

describe('MaxPoolGrad on WASM', () => {
  it.each(CASES)('$name: dx matches the CPU backend, ties included', async (c) => {
    await useBackend('cpu');
    const reference = run(c);
    await useBackend('wasm');
    registerMaxPoolGradWasm();
    expect(maxPoolGradWasmActive()).toBe(true);
    const before = tf.memory().numTensors;
    const got = run(c);
    expect(tf.memory().numTensors).toBe(before);
    expect(Array.from(got.y)).toEqual(Array.from(reference.y));
    expect(got.dx.length).toBe(reference.dx.length);
    let worst = 0;
    for (let i = 0; i < got.dx.length; i++)
      worst = Math.max(worst, Math.abs((got.dx[i] as number) - (reference.dx[i] as number)));
    expect(worst).toBeLessThan(1e-6);
    expect(reference.dx.some((v) => v !== 0)).toBe(true);
  });

  it('leaves no heap buffers behind', async () => {
    await useBackend('wasm');
    registerMaxPoolGradWasm();
    run(CASES[0] as Case);
    const bytes = tf.memory().numBytes;
    const buffers = tf.memory().numDataBuffers;
    run(CASES[0] as Case);
    expect(tf.memory().numBytes).toBe(bytes);
    expect(tf.memory().numDataBuffers).toBe(buffers);
  });
});

describe('the 2×2, stride-2 path (the CNN’s pools)', () => {
  it.each([
    [3, 24, 24, 6],
    [2, 9, 7, 3], // odd sizes: the last row and column belong to no window
  ])('gives the general loop’s dx for x %j, ties, NaN and −∞ included', (batch, inH, inW, channels) => {
    const g: PoolGeometry = {
      batch,
      inH,
      inW,
      channels,
      outH: inH >> 1,
      outW: inW >> 1,
      kH: 2,
      kW: 2,
      strideH: 2,
      strideW: 2,
      top: 0,
      left: 0,
    };
    const x = coarse(batch * inH * inW * channels, 9);
    x[0] = Number.NaN;
    x[channels] = Number.NEGATIVE_INFINITY;
    for (const at of [0, 1, inW * channels, inW * channels + 1].map((k) => k * channels + 1))
      x[at] = Number.NEGATIVE_INFINITY; // a window with nothing to pass dy to
    const dy = coarse(batch * g.outH * g.outW * channels, 10);
    const fast = new Float32Array(x.length).fill(7);
    const general = new Float32Array(x.length).fill(7);
    maxPoolGradLoop(x, dy, g, fast);
    maxPoolGradWindows(x, dy, g, general);
    expect(Array.from(fast)).toEqual(Array.from(general));
    expect(fast.some((v) => v !== 0)).toBe(true);
  });
});
