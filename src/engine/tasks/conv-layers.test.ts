import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../../optim/calibrated-optimizer'; // registers every op's gradient
import { NODE_BACKENDS, useBackend } from '../../optim/testing/node-backends';
import { registerConvInputGradWasm } from '../kernels/conv2d-backprop-input-wasm';
import { registerPlainMatMulWasm } from '../kernels/matmul-transposed-wasm';
import { createRandom } from '../random';
import { convReluValid, convReluValidOps } from './conv-layers';

// The fused layer (one FusedConv2D forward, its gradient written out) against relu(conv2d + bias) as
// three tfjs ops on the same backend, and against the CPU backend's ops: the output and the gradients
// of Σ R ⊙ layer(x) with respect to x, kernel and bias, for both of the CNN's layer shapes.

function draw(n: number, seed: number): Float32Array {
  const r = createRandom(seed);
  return Float32Array.from({ length: n }, () => r() * 2 - 1);
}

type Shapes = { x: [number, number, number, number]; kernel: [number, number, number, number] };
const LAYERS: Record<string, Shapes> = {
  first: { x: [3, 28, 28, 1], kernel: [5, 5, 1, 6] },
  second: { x: [3, 12, 12, 6], kernel: [5, 5, 6, 16] },
};

/** [y, ∂/∂x, ∂/∂kernel, ∂/∂bias] of Σ R ⊙ layer(x); ∂/∂x left out (empty) when x is data. */
async function results(s: Shapes, layer: 'fused' | 'ops', xIsData: boolean): Promise<Float32Array[]> {
  const size = (v: number[]) => v.reduce((a, b) => a * b, 1);
  const outShape = [s.x[0], s.x[1] - s.kernel[0] + 1, s.x[2] - s.kernel[1] + 1, s.kernel[3]];
  const out = tf.tidy(() => {
    const x = tf.tensor4d(draw(size(s.x), 1), s.x);
    const kernel = tf.tensor4d(draw(size(s.kernel), 2), s.kernel);
    const bias = tf.tensor1d(draw(s.kernel[3], 3).map((v) => v * 0.3));
    const R = tf.tensor(draw(size(outShape), 4), outShape);
    // x passes through an op first, as in the model (the images are a reshape of the batch, the second
    // layer's input a pooling): the forward pass disposes such intermediates before the gradient runs.
    const f = (a: tf.Tensor, k: tf.Tensor, b: tf.Tensor) =>
      layer === 'fused'
        ? convReluValid(tf.mul(a, 1) as tf.Tensor4D, k, b, xIsData)
        : convReluValidOps(tf.mul(a, 1) as tf.Tensor4D, k, b);
    if (xIsData) {
      const [dk, db] = tf.grads((k: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(f(x, k, b), R)))([
        kernel,
        bias,
      ]);
      return [f(x, kernel, bias), tf.zeros([0]), dk as tf.Tensor, db as tf.Tensor];
    }
    const grads = tf.grads((a: tf.Tensor, k: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(f(a, k, b), R)))([
      x,
      kernel,
      bias,
    ]);
    return [f(x, kernel, bias), ...grads];
  });
  const values = (await Promise.all(out.map((t) => t.data()))) as Float32Array[];
  tf.dispose(out);
  return values;
}

function expectClose(got: Float32Array[], want: Float32Array[]): void {
  expect(got.map((v) => v.length)).toEqual(want.map((v) => v.length));
  for (const [i, w] of want.entries()) {
    const scale = Math.max(1, ...Array.from(w, Math.abs));
    const g = got[i] as Float32Array;
    for (let k = 0; k < w.length; k++)
      expect(Math.abs((g[k] as number) - (w[k] as number)) / scale).toBeLessThan(1e-5);
  }
}

describe.each(NODE_BACKENDS)('convReluValid on %s', (backend) => {
  describe.each(Object.entries(LAYERS))('the CNN’s %s layer', (_, shapes) => {
    it.each([false, true])(
      'matches relu(conv2d + bias) and its gradients on the CPU (x is data: %s)',
      async (xIsData) => {
        await useBackend('cpu');
        const want = await results(shapes, 'ops', xIsData);
        await useBackend(backend);
        registerPlainMatMulWasm();
        registerConvInputGradWasm();
        const before = tf.memory().numTensors;
        const got = await results(shapes, 'fused', xIsData);
        expect(tf.memory().numTensors).toBe(before);
        expectClose(got, want);
        // A gradient that is not all zeros (the relu lets some through), so the comparison means something.
        expect((got[2] as Float32Array).some((v) => v !== 0)).toBe(true);
        expectClose(await results(shapes, 'ops', xIsData), want);
      },
    );
  });
});
