// tfjs-wasm 4.22's BatchMatMul with transposeA or transposeB set runs ~6–15× slower than the plain
// product at this app's sizes (measured in Node: the MLP's first-layer weight gradient xᵀ·dy 25 ms
// against 1.8 ms for transpose(x)·dy; dy·Wᵀ 16 ms against 2.5 ms). Every gradient of a matMul asks for
// one of those. This wraps the backend's own kernel: a transposed operand is laid out transposed once
// (the backend's Transpose kernel, a copy of one operand, cheap next to the product) and the plain
// product runs. Results are the same sums in the same order per output, so values agree to float32
// rounding; matmul-transposed-wasm.test.ts checks every transpose combination against the CPU backend.

import * as tf from '@tensorflow/tfjs-core';

/** The permutation that swaps a rank-r tensor's last two axes. */
function swapLastTwo(rank: number): number[] {
  const perm = Array.from({ length: rank }, (_, i) => i);
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return perm;
}

let wrapped = false;

/** Whether WASM's BatchMatMul is the wrapper now (the self-check then checks it). */
export function plainMatMulWasmActive(): boolean {
  return wrapped;
}

/**
 * Replaces WASM's BatchMatMul with the transpose-then-multiply wrapper, once. Must run before the WASM
 * backend initialises or after: the original kernel's setup function is carried over either way.
 */
export function registerPlainMatMulWasm(): void {
  if (wrapped) return;
  const original = tf.getKernel(tf.BatchMatMul, 'wasm');
  const transpose = tf.getKernel(tf.Transpose, 'wasm');
  if (!original || !transpose) return; // the WASM backend is not in this bundle
  wrapped = true;
  const kernelFunc: tf.KernelFunc = (args) => {
    const { inputs, backend, attrs } = args;
    const { a, b } = inputs as unknown as { a: tf.TensorInfo; b: tf.TensorInfo };
    const { transposeA, transposeB } = (attrs ?? {}) as unknown as tf.BatchMatMulAttrs;
    if (!transposeA && !transposeB) return original.kernelFunc(args);
    const laidOut = (t: tf.TensorInfo) =>
      transpose.kernelFunc({
        inputs: { x: t },
        backend,
        attrs: { perm: swapLastTwo(t.shape.length) },
      }) as tf.TensorInfo;
    const a2 = transposeA ? laidOut(a) : a;
    const b2 = transposeB ? laidOut(b) : b;
    try {
      return original.kernelFunc({
        inputs: { a: a2, b: b2 },
        backend,
        attrs: { transposeA: false, transposeB: false },
      });
    } finally {
      const wasm = backend as tf.KernelBackend;
      if (a2 !== a) wasm.disposeData(a2.dataId);
      if (b2 !== b) wasm.disposeData(b2.dataId);
    }
  };
  tf.unregisterKernel(tf.BatchMatMul, 'wasm');
  tf.registerKernel({ ...original, kernelFunc });
}
