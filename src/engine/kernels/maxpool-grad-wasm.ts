// MaxPoolGrad for tfjs's WASM backend, in place of tfjs-wasm 4.22's own, which was the largest single
// kernel of a CNN training step here (≈ 2.3 ms of ≈ 14 for the first layer's 2×2 pool, Node, under
// load). One pass over the output windows on the backend's heap: each window's first maximum in
// row-major order (strict >, as the CPU backend picks it; an all-NaN or all −∞ window passes nothing
// on) receives that window's dy, added so that overlapping windows sum as they do on the CPU.
// Channels-last, no dilation (what tf.maxPool's gradient sends).

import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';

export interface PoolGeometry {
  batch: number;
  inH: number;
  inW: number;
  channels: number;
  outH: number;
  outW: number;
  kH: number;
  kW: number;
  strideH: number;
  strideW: number;
  top: number;
  left: number;
}

/**
 * The CNN's pools (2×2 windows, stride 2, no padding): windows do not overlap and stay inside the image,
 * so each window's four values are compared in row-major order without bounds tests (the same
 * first-maximum rule, strict >).
 */
function maxPoolGrad2x2(x: Float32Array, dy: Float32Array, g: PoolGeometry, dx: Float32Array): void {
  const C = g.channels;
  const rowStep = g.inW * C;
  let at = 0;
  for (let b = 0; b < g.batch; b++) {
    for (let yR = 0; yR < g.outH; yR++) {
      const row = (b * g.inH + 2 * yR) * rowStep;
      for (let yC = 0; yC < g.outW; yC++) {
        for (let d = 0, k = row + 2 * yC * C; d < C; d++, k++, at++) {
          // The four taps in row-major order; NaN never wins a strict >.
          let where = -1;
          let best = Number.NEGATIVE_INFINITY;
          for (let t = 0; t < 4; t++) {
            const q = k + (t >> 1) * rowStep + (t & 1) * C;
            const v = x[q] as number;
            if (v > best) {
              best = v;
              where = q;
            }
          }
          if (where >= 0) dx[where] = (dx[where] as number) + (dy[at] as number); // 0 + (−0) = +0, as the CPU
        }
      }
    }
  }
}

/** dx [batch, inH, inW, channels] from x and dy [batch, outH, outW, channels]. */
export function maxPoolGradLoop(x: Float32Array, dy: Float32Array, g: PoolGeometry, dx: Float32Array): void {
  const plain2x2 =
    g.kH === 2 && g.kW === 2 && g.strideH === 2 && g.strideW === 2 && g.top === 0 && g.left === 0;
  if (plain2x2 && 2 * g.outH <= g.inH && 2 * g.outW <= g.inW) {
    dx.fill(0);
    maxPoolGrad2x2(x, dy, g, dx);
  } else maxPoolGradWindows(x, dy, g, dx);
}

/** The same for any window, stride and padding (overlapping windows add up). */
export function maxPoolGradWindows(
  x: Float32Array,
  dy: Float32Array,
  g: PoolGeometry,
  dx: Float32Array,
): void {
  dx.fill(0);
  const C = g.channels;
  let at = 0;
  for (let b = 0; b < g.batch; b++) {
    for (let yR = 0; yR < g.outH; yR++) {
      const r0 = yR * g.strideH - g.top;
      const rMin = Math.max(r0, 0);
      const rMax = Math.min(r0 + g.kH, g.inH);
      for (let yC = 0; yC < g.outW; yC++) {
        const c0 = yC * g.strideW - g.left;
        const cMin = Math.max(c0, 0);
        const cMax = Math.min(c0 + g.kW, g.inW);
        for (let d = 0; d < C; d++, at++) {
          let best = Number.NEGATIVE_INFINITY;
          let where = -1;
          for (let r = rMin; r < rMax; r++) {
            let k = ((b * g.inH + r) * g.inW + cMin) * C + d;
            for (let c = cMin; c < cMax; c++, k += C) {
              const v = x[k] as number;
              if (v > best) {
                best = v;
                where = k;
              }
            }
          }
          if (where >= 0) dx[where] = (dx[where] as number) + (dy[at] as number);
        }
      }
    }
  }
}

const maxPoolGradWasm: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const { dy, input } = inputs as unknown as { dy: tf.TensorInfo; input: tf.TensorInfo };
  const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as tf.MaxPoolGradAttrs;
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    filterSize,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const g: PoolGeometry = {
    batch: info.batchSize,
    inH: info.inHeight,
    inW: info.inWidth,
    channels: info.inChannels,
    outH: info.outHeight,
    outW: info.outWidth,
    kH: info.filterHeight,
    kW: info.filterWidth,
    strideH: info.strideHeight,
    strideW: info.strideWidth,
    top: info.padInfo.top,
    left: info.padInfo.left,
  };
  // Allocate before taking views: an allocation may grow the heap and detach earlier views.
  const dx = wasm.makeOutput([...input.shape], 'float32');
  const heap = (t: tf.TensorInfo) => wasm.typedArrayFromHeap(t) as Float32Array;
  maxPoolGradLoop(heap(input), heap(dy), g, heap(dx));
  return dx;
};

let replaced = false;

/** Whether WASM's MaxPoolGrad is this kernel now. */
export function maxPoolGradWasmActive(): boolean {
  return tf.getKernel(tf.MaxPoolGrad, 'wasm')?.kernelFunc === maxPoolGradWasm;
}

/** Replaces tfjs-wasm's MaxPoolGrad once, after the WASM backend's package has loaded (as the conv input gradient). */
export function registerMaxPoolGradWasm(): void {
  if (replaced || !tf.getKernel(tf.BatchMatMul, 'wasm')) return;
  replaced = true;
  if (tf.getKernel(tf.MaxPoolGrad, 'wasm')) tf.unregisterKernel(tf.MaxPoolGrad, 'wasm');
  tf.registerKernel({ kernelName: tf.MaxPoolGrad, backendName: 'wasm', kernelFunc: maxPoolGradWasm });
}
