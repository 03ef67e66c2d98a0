import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import '../../optim/calibrated-optimizer'; // registers every op's gradient
import { useBackend } from '../../optim/testing/node-backends';
import { createRandom } from '../random';
import {
  lastBackpropFilterRoute,
  registerConvKernelsWasm,
  setBackpropFilterRoute,
} from './conv2d-backprop-filter-wasm';
import { convInputGradWasmActive, registerConvInputGradWasm } from './conv2d-backprop-input-wasm';

// tf.conv2d's forward pass and both gradients on WASM (with this kernel for the filter gradient)
// against the tfjs CPU backend on the same numbers. Tolerance: float32 sums of up to K products of
// O(1) terms differ by ≲ K·2⁻²⁴ relative to Σ|terms|; we bound by 1e-5 · (1 + Σ|x·dy|) per entry.

interface Case {
  name: string;
  x: [number, number, number, number];
  filter: [number, number, number, number];
  strides: number | [number, number];
  pad: 'valid' | 'same';
}

const CASES: Case[] = [
  {
    name: 'the CNN’s first layer (28×28×1, 5×5×1×6, valid)',
    x: [4, 28, 28, 1],
    filter: [5, 5, 1, 6],
    strides: 1,
    pad: 'valid',
  },
  {
    name: 'the CNN’s second layer (12×12×6, 5×5×6×16, valid)',
    x: [4, 12, 12, 6],
    filter: [5, 5, 6, 16],
    strides: 1,
    pad: 'valid',
  },
  { name: 'same padding, stride 2', x: [2, 9, 7, 3], filter: [3, 3, 3, 4], strides: 2, pad: 'same' },
  // (Not numeric padding: tfjs-wasm 4.22's own Conv2D forward pass fails on it, out of bounds.)
  {
    name: 'same padding, uneven strides, non-square filter',
    x: [3, 8, 10, 2],
    filter: [2, 4, 2, 5],
    strides: [2, 1],
    pad: 'same',
  },
];

function values(n: number, seed: number): Float32Array {
  const r = createRandom(seed);
  return Float32Array.from({ length: n }, () => r() * 2 - 1);
}

interface Result {
  y: Float32Array;
  dW: Float32Array;
  dx: Float32Array;
  bound: Float32Array;
}

function run(c: Case): Result {
  const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
  const out = tf.tidy(() => {
    const x = tf.tensor4d(values(size(c.x), 1), c.x);
    const w = tf.tensor4d(values(size(c.filter), 2), c.filter);
    const y = tf.conv2d(x, w, c.strides, c.pad);
    const upstream = tf.tensor(values(y.size, 3), y.shape);
    const [dx, dW] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.strides, c.pad), upstream)),
    )([x, w]);
    // Σ|x|·|dy| per filter entry: the scale of the sums behind each dW entry.
    const absUpstream = tf.abs(upstream);
    const bound = tf.grad((b: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2d(tf.abs(x) as tf.Tensor4D, b as tf.Tensor4D, c.strides, c.pad), absUpstream)),
    )(w);
    if (!dx || !dW) throw new Error('no gradient');
    return [y, dW, dx, bound];
  });
  const [y, dW, dx, bound] = out.map((t) => t.dataSync() as Float32Array) as [
    Float32Array,
    Float32Array,
    Float32Array,
    Float32Array,
  ];
  tf.dispose(out);
  return { y, dW, dx, bound };
}

function expectClose(actual: Float32Array, expected: Float32Array, scale: Float32Array | number): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) {
    const s = typeof scale === 'number' ? scale : (scale[i] as number);
    worst = Math.max(worst, Math.abs((actual[i] as number) - (expected[i] as number)) / (1 + s));
  }
  expect(worst).toBeLessThan(1e-5);
}

describe('Conv2DBackpropFilter on WASM', () => {
  afterAll(() => setBackpropFilterRoute('conv'));

  it.each(CASES)('$name: forward, dx and dW match the CPU backend (every route)', async (c) => {
    await useBackend('cpu');
    const reference = run(c);
    await useBackend('wasm');
    registerConvKernelsWasm();
    registerConvInputGradWasm(); // dx by conv2d-backprop-input-wasm.ts
    for (const route of ['conv', 'matmul', 'loop'] as const) {
      setBackpropFilterRoute(route);
      const before = tf.memory().numTensors;
      const got = run(c);
      expect(tf.memory().numTensors).toBe(before);
      // The convolution route runs where it applies (stride 1, 'valid'); the others fall back to matMul.
      const applies = c.strides === 1 && c.pad === 'valid';
      expect(lastBackpropFilterRoute()).toBe(route === 'conv' && !applies ? 'matmul' : route);
      expectClose(got.y, reference.y, 1);
      expectClose(got.dx, reference.dx, 1);
      expectClose(got.dW, reference.dW, reference.bound);
    }
  });

  it('the WASM backend really uses these kernels (and leaves no heap buffers behind)', async () => {
    await useBackend('wasm');
    registerConvKernelsWasm();
    registerConvInputGradWasm();
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
    expect(convInputGradWasmActive()).toBe(true);
    run(CASES[1] as Case);
    const bytes = tf.memory().numBytes;
    const dataBuffers = tf.memory().numDataBuffers;
    run(CASES[1] as Case);
    expect(tf.memory().numBytes).toBe(bytes);
    expect(tf.memory().numDataBuffers).toBe(dataBuffers);
  });
});
