// The engine's own kernels checked on whatever backend is running, as part of the self-check (the
// optimizer's fused update is checked there the same way): each fused recurrent kernel against the
// tf-op path it replaces (states and both gradients of Σ R ⊙ states), and WASM's matMul with transposed
// operands, its convolution input gradient and its max-pool gradient against plain JS, and the CNN's
// convolution layer (forward and gradients) and MNIST's pixels as the task uploads them on every backend.
// Only kernels the backend actually runs are checked. Async reads only.

import * as tf from '@tensorflow/tfjs-core';
import type { SelfCheckCase } from '../../optim/self-check';
import { decodeMnistPixels, MNIST_PIXELS } from '../data/mnist-format';
import { createRandom } from '../random';
import { convReluValid } from '../tasks/conv-layers';
import { gruSequence } from '../tasks/gru-sequence';
import { lstmSequence } from '../tasks/lstm-sequence';
import { pixelsOnDevice } from '../tasks/mnist-pixels';
import { convInputGradWasmActive } from './conv2d-backprop-input-wasm';
import { plainMatMulWasmActive } from './matmul-transposed-wasm';
import { maxPoolGradWasmActive } from './maxpool-grad-wasm';
import { MNIST_PIXELS_KERNEL, pixelKernelActive } from './pixel-kernel-wasm';
import {
  type FusedCell,
  RECURRENT_KERNELS,
  recurrentKernelsAvailable,
  setRecurrentKernelsEnabled,
} from './recurrent-kernels';

/** Float32 agreement, relative to the largest reference value (≥ 1): the self-check's 1e-4. */
export const KERNEL_TOLERANCE = 1e-4;

const STEPS = 6;
const N = 3;
const UNITS = 5;

function draw(count: number, scale: number, seed: number): Float32Array {
  const r = createRandom(seed);
  return Float32Array.from({ length: count }, () => (r() * 2 - 1) * scale);
}

function worstDifference(got: ArrayLike<number>[], want: ArrayLike<number>[]): number {
  let worst = 0;
  for (const [i, w] of want.entries()) {
    const g = got[i] ?? [];
    let scale = 1;
    for (let k = 0; k < w.length; k++) scale = Math.max(scale, Math.abs(w[k] as number));
    if (g.length !== w.length) return Number.POSITIVE_INFINITY;
    for (let k = 0; k < w.length; k++)
      worst = Math.max(worst, Math.abs((g[k] as number) - (w[k] as number)) / scale);
  }
  return Number.isNaN(worst) ? Number.POSITIVE_INFINITY : worst;
}

/** States, ∂L/∂x and ∂L/∂U of L = Σ R ⊙ states through the fused kernels or the tf-op path. */
async function sequenceResults(cell: FusedCell, fused: boolean): Promise<Float32Array[]> {
  const width = RECURRENT_KERNELS[cell].gates * UNITS;
  const rows = STEPS * N;
  const sequence = cell === 'gru' ? gruSequence : lstmSequence;
  setRecurrentKernelsEnabled(fused);
  let out: tf.Tensor[];
  try {
    out = tf.tidy(() => {
      const x = tf.tensor2d(draw(rows * width, 1.5, 11), [rows, width]);
      const U = tf.tensor2d(draw(UNITS * width, 0.5, 12), [UNITS, width]);
      const R = tf.tensor2d(draw(rows * UNITS, 1, 13), [rows, UNITS]);
      const f = (a: tf.Tensor, b: tf.Tensor) => sequence(a as tf.Tensor2D, b as tf.Tensor2D, STEPS);
      const [dx, dU] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(f(a, b), R)))([x, U]);
      return [f(x, U), dx as tf.Tensor, dU as tf.Tensor];
    });
  } finally {
    setRecurrentKernelsEnabled(true);
  }
  try {
    return (await Promise.all(out.map((t) => t.data()))) as Float32Array[];
  } finally {
    tf.dispose(out);
  }
}

async function recurrentCase(cell: FusedCell): Promise<SelfCheckCase> {
  const fused = await sequenceResults(cell, true);
  const ops = await sequenceResults(cell, false);
  const err = worstDifference(fused, ops);
  return {
    id: `kernel ${RECURRENT_KERNELS[cell].forward} + gradient vs tf ops`,
    maxParamAbsErr: err,
    maxAlrRelErr: 0,
    passed: err < KERNEL_TOLERANCE,
    fused: true,
  };
}

/** aᵀ·bᵀ (both transposed operands at once) on the backend against the same sums in float64. */
async function matMulCase(): Promise<SelfCheckCase> {
  const [m, k, n] = [7, 9, 4];
  const a = draw(k * m, 1, 21); // [k, m], used transposed
  const b = draw(n * k, 1, 22); // [n, k], used transposed
  const want = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let q = 0; q < k; q++) s += (a[q * m + i] as number) * (b[j * k + q] as number);
      want[i * n + j] = s;
    }
  const product = tf.tidy(() => tf.matMul(tf.tensor2d(a, [k, m]), tf.tensor2d(b, [n, k]), true, true));
  const got = await product.data();
  product.dispose();
  const err = worstDifference([got], [want]);
  return {
    id: 'kernel BatchMatMul with transposed operands vs float64',
    maxParamAbsErr: err,
    maxAlrRelErr: 0,
    passed: err < KERNEL_TOLERANCE,
    fused: true,
  };
}

/** The input gradient of a 'valid' 3×3 convolution (stride 1) on the backend against float64 sums. */
async function convInputCase(): Promise<SelfCheckCase> {
  const [batch, size, inC, outC, k] = [2, 6, 3, 4, 3];
  const out = size - k + 1;
  const dy = draw(batch * out * out * outC, 1, 31);
  const w = draw(k * k * inC * outC, 1, 32);
  const want = new Float64Array(batch * size * size * inC);
  for (let b = 0; b < batch; b++)
    for (let yR = 0; yR < out; yR++)
      for (let yC = 0; yC < out; yC++)
        for (let r = 0; r < k; r++)
          for (let c = 0; c < k; c++)
            for (let i = 0; i < inC; i++)
              for (let o = 0; o < outC; o++) {
                const at = ((b * size + yR + r) * size + yC + c) * inC + i;
                want[at] =
                  (want[at] as number) +
                  (dy[((b * out + yR) * out + yC) * outC + o] as number) *
                    (w[((r * k + c) * inC + i) * outC + o] as number);
              }
  const dx = tf.tidy(() =>
    tf.conv2dTranspose(
      tf.tensor4d(dy, [batch, out, out, outC]),
      tf.tensor4d(w, [k, k, inC, outC]),
      [batch, size, size, inC],
      1,
      'valid',
    ),
  );
  const got = await dx.data();
  dx.dispose();
  const err = worstDifference([got], [want]);
  return {
    id: 'kernel Conv2DBackpropInput vs float64',
    maxParamAbsErr: err,
    maxAlrRelErr: 0,
    passed: err < KERNEL_TOLERANCE,
    fused: true,
  };
}

/** The gradient of a 2×2 max-pool (stride 2) on the backend against plain JS: ties go to the first maximum. */
async function maxPoolCase(): Promise<SelfCheckCase> {
  const [batch, size, channels] = [2, 6, 3];
  const out = size / 2;
  // A few distinct values, so that windows hold ties.
  const x = Float32Array.from(draw(batch * size * size * channels, 1, 41), (v) => Math.round(v * 2) / 2);
  const dy = draw(batch * out * out * channels, 1, 42);
  const want = new Float64Array(x.length);
  for (let b = 0; b < batch; b++)
    for (let yR = 0; yR < out; yR++)
      for (let yC = 0; yC < out; yC++)
        for (let d = 0; d < channels; d++) {
          let where = -1;
          for (let r = 0; r < 2; r++)
            for (let c = 0; c < 2; c++) {
              const at = ((b * size + 2 * yR + r) * size + 2 * yC + c) * channels + d;
              if (where < 0 || (x[at] as number) > (x[where] as number)) where = at;
            }
          want[where] = dy[((b * out + yR) * out + yC) * channels + d] as number;
        }
  const dx = tf.tidy(() => {
    const upstream = tf.tensor4d(dy, [batch, out, out, channels]);
    return tf.grad((a: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(a as tf.Tensor4D, 2, 2, 'valid'), upstream)))(
      tf.tensor4d(x, [batch, size, size, channels]),
    );
  });
  const got = await dx.data();
  dx.dispose();
  const err = worstDifference([got], [want]);
  return {
    id: 'kernel MaxPoolGrad vs plain JS',
    maxParamAbsErr: err,
    maxAlrRelErr: 0,
    passed: err < KERNEL_TOLERANCE,
    fused: true,
  };
}

/**
 * The CNN's layer (convReluValid: FusedConv2D forward, Conv2DBackpropInput and Conv2DBackpropFilter in
 * its gradient — on WASM the engine's own) on the backend: relu(conv(x, W) + b) and the gradients of
 * Σ R ⊙ layer with respect to x, W and b, against the same sums in float64.
 */
async function convLayerCase(): Promise<SelfCheckCase> {
  const [batch, size, inC, outC, k] = [2, 7, 3, 4, 3];
  const out = size - k + 1;
  const x = draw(batch * size * size * inC, 1, 51);
  const w = draw(k * k * inC * outC, 1, 52);
  const bias = draw(outC, 0.5, 53);
  const R = draw(batch * out * out * outC, 1, 54);
  const y = new Float64Array(batch * out * out * outC);
  const dx = new Float64Array(x.length);
  const dW = new Float64Array(w.length);
  const db = new Float64Array(outC);
  const visit = (f: (yAt: number, xAt: number, wAt: number, o: number) => void) => {
    for (let b = 0; b < batch; b++)
      for (let yR = 0; yR < out; yR++)
        for (let yC = 0; yC < out; yC++)
          for (let o = 0; o < outC; o++)
            for (let r = 0; r < k; r++)
              for (let c = 0; c < k; c++)
                for (let i = 0; i < inC; i++)
                  f(
                    ((b * out + yR) * out + yC) * outC + o,
                    ((b * size + yR + r) * size + yC + c) * inC + i,
                    ((r * k + c) * inC + i) * outC + o,
                    o,
                  );
  };
  visit((yAt, xAt, wAt) => {
    y[yAt] = (y[yAt] as number) + (x[xAt] as number) * (w[wAt] as number);
  });
  for (let at = 0; at < y.length; at++) y[at] = Math.max(0, (y[at] as number) + (bias[at % outC] as number));
  const dz = (yAt: number) => ((y[yAt] as number) > 0 ? (R[yAt] as number) : 0);
  visit((yAt, xAt, wAt) => {
    dx[xAt] = (dx[xAt] as number) + dz(yAt) * (w[wAt] as number);
    dW[wAt] = (dW[wAt] as number) + dz(yAt) * (x[xAt] as number);
  });
  for (let at = 0; at < y.length; at++) db[at % outC] = (db[at % outC] as number) + dz(at);
  const got = tf.tidy(() => {
    const layer = (a: tf.Tensor, f: tf.Tensor, c: tf.Tensor) => convReluValid(a as tf.Tensor4D, f, c);
    const inputs = [
      tf.tensor4d(x, [batch, size, size, inC]),
      tf.tensor4d(w, [k, k, inC, outC]),
      tf.tensor1d(bias),
    ];
    const upstream = tf.tensor4d(R, [batch, out, out, outC]);
    const grads = tf.grads((a: tf.Tensor, f: tf.Tensor, c: tf.Tensor) =>
      tf.sum(tf.mul(layer(a, f, c), upstream)),
    )(inputs);
    return [layer(inputs[0] as tf.Tensor, inputs[1] as tf.Tensor, inputs[2] as tf.Tensor), ...grads];
  });
  const values = await Promise.all(got.map((t) => t.data()));
  tf.dispose(got);
  const err = worstDifference(values as Float32Array[], [y, dx, dW, db]);
  return {
    id: 'kernel FusedConv2D + Conv2DBackpropInput + Conv2DBackpropFilter (the CNN layer) vs float64',
    maxParamAbsErr: err,
    maxAlrRelErr: 0,
    passed: err < KERNEL_TOLERANCE,
    fused: true,
  };
}

/**
 * MNIST's pixels as the task uploads them (tasks/mnist-pixels.ts: on WASM the pixel kernel, elsewhere the
 * JS decoding) against the JS decoding, exactly: every byte value, in the [count, 784] layout.
 */
async function mnistPixelsCase(): Promise<SelfCheckCase> {
  const count = 2;
  const bytes = Uint8Array.from({ length: count * MNIST_PIXELS }, (_, i) => (i * 7) % 256);
  const want = decodeMnistPixels(bytes);
  const onDevice = tf.tidy(() => pixelsOnDevice(bytes, count));
  const shapeRight = onDevice.shape.join() === [count, MNIST_PIXELS].join() && onDevice.dtype === 'float32';
  const got = await onDevice.data();
  onDevice.dispose();
  const exact = shapeRight && got.length === want.length && want.every((v, i) => got[i] === v);
  return {
    id: `kernel ${pixelKernelActive() ? MNIST_PIXELS_KERNEL : 'none (decoded in JS)'}: MNIST pixels as uploaded vs the JS decoding, exactly`,
    maxParamAbsErr: exact ? 0 : Number.POSITIVE_INFINITY,
    maxAlrRelErr: 0,
    passed: exact,
    fused: true,
  };
}

/** One case per engine kernel the active backend runs; the CNN's layer and MNIST's pixels on every backend. */
export async function checkEngineKernels(): Promise<SelfCheckCase[]> {
  const cases: SelfCheckCase[] = [];
  for (const cell of ['gru', 'lstm'] as const)
    if (recurrentKernelsAvailable(cell)) cases.push(await recurrentCase(cell));
  cases.push(await convLayerCase());
  cases.push(await mnistPixelsCase());
  if (tf.getBackend() === 'wasm' && plainMatMulWasmActive()) cases.push(await matMulCase());
  if (tf.getBackend() === 'wasm' && convInputGradWasmActive()) cases.push(await convInputCase());
  if (tf.getBackend() === 'wasm' && maxPoolGradWasmActive()) cases.push(await maxPoolCase());
  return cases;
}
