// Conv2DBackpropFilter (the gradient of tf.conv2d with respect to its filter) for tfjs's WASM backend,
// which ships Conv2D and Conv2DBackpropInput but not this kernel. It works on the backend's own heap:
// the input patches are laid out once (im2col, transposed: one row per filter tap, one column per
// output position), and the backend's BatchMatMul (XNNPACK) multiplies them by dy:
//   dW[(r, c, i), o] = Σ_n patchesᵀ[(r, c, i), n] · dy[n, o],  n = (batch, out row, out col).
// Where the convolution has stride 1, no dilation and no padding (the CNN's layers) the same sums are a
// convolution themselves, with the batch as the channels, and XNNPACK's Conv2D does them without an
// im2col copy (the im2col loop was most of this kernel's time):
//   dW[r, c, i, o] = Σ_{b, y, x} xᵀ[i, y + r, x + c, b] · dyᵀ[y, x, b, o],
//   xᵀ = x as [inC, inH, inW, batch], dyᵀ = dy as [outH, outW, batch, outC] (a 'valid' convolution
//   whose output [inC, kH, kW, outC] is transposed back to the filter's [kH, kW, inC, outC]).
// A plain JS loop over the same sums is kept as the fallback and as the thing the matMul route is
// measured against; see docs/PERFORMANCE.md for the numbers.

import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';

export type BackpropFilterRoute = 'conv' | 'matmul' | 'loop';
let route: BackpropFilterRoute = 'conv';
let lastRoute: BackpropFilterRoute | null = null;
/** The route the kernel took last (tests: the CNN's layers must take the convolution one). */
export function lastBackpropFilterRoute(): BackpropFilterRoute | null {
  return lastRoute;
}
/** Tests and benchmarks pick the route; the app takes the convolution one where it applies, else matMul. */
export function setBackpropFilterRoute(r: BackpropFilterRoute): void {
  route = r;
}

export interface Geometry {
  batch: number;
  inH: number;
  inW: number;
  inC: number;
  outH: number;
  outW: number;
  outC: number;
  kH: number;
  kW: number;
  strideH: number;
  strideW: number;
  dilationH: number;
  dilationW: number;
  top: number;
  left: number;
}

/** The sizes a convolution's gradient loops need, from tfjs's own convolution info. */
export function geometryOf(info: tf.backend_util.Conv2DInfo): Geometry {
  return {
    batch: info.batchSize,
    inH: info.inHeight,
    inW: info.inWidth,
    inC: info.inChannels,
    outH: info.outHeight,
    outW: info.outWidth,
    outC: info.outChannels,
    kH: info.filterHeight,
    kW: info.filterWidth,
    strideH: info.strideHeight,
    strideW: info.strideWidth,
    dilationH: info.dilationHeight,
    dilationW: info.dilationWidth,
    top: info.padInfo.top,
    left: info.padInfo.left,
  };
}

function geometry(x: tf.TensorInfo, attrs: tf.NamedAttrMap): { g: Geometry; filterShape: number[] } {
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } =
    attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  if (tf.backend_util.convertConv2DDataFormat(dataFormat) !== 'channelsLast')
    throw new Error('Conv2DBackpropFilter on WASM supports NHWC (channels-last) data only');
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    'channelsLast',
  );
  return {
    filterShape: [...info.filterShape],
    g: geometryOf(info),
  };
}

/**
 * patchesᵀ [kH·kW·inC, batch·outH·outW]: row (r, c, i) holds x at tap (r, c), channel i, for every
 * output position (0 where padded). The in-bounds output columns of each tap are worked out once per
 * tap, so the inner loop is a plain strided copy with no bounds test (subarray + set is slower for
 * rows this short): this loop was most of the filter gradient's time.
 */
export function im2colTransposed(x: Float32Array, g: Geometry, out: Float32Array): void {
  const positions = g.batch * g.outH * g.outW;
  const rowStep = g.strideW * g.inC;
  for (let c = 0; c < g.kW; c++) {
    // Output columns yC in [lo, hi) read x inside the image: 0 ≤ yC·strideW + c·dilationW − left < inW.
    const shift = c * g.dilationW - g.left;
    const lo = Math.min(g.outW, Math.max(0, Math.ceil(-shift / g.strideW)));
    const hi = Math.max(lo, Math.min(g.outW, Math.floor((g.inW - 1 - shift) / g.strideW) + 1));
    for (let r = 0; r < g.kH; r++) {
      for (let i = 0; i < g.inC; i++) {
        let k = ((r * g.kW + c) * g.inC + i) * positions;
        for (let b = 0; b < g.batch; b++) {
          for (let yR = 0; yR < g.outH; yR++, k += g.outW) {
            const xR = yR * g.strideH + r * g.dilationH - g.top;
            if (xR < 0 || xR >= g.inH) {
              out.fill(0, k, k + g.outW);
              continue;
            }
            if (lo > 0) out.fill(0, k, k + lo);
            if (hi < g.outW) out.fill(0, k + hi, k + g.outW);
            let from = ((b * g.inH + xR) * g.inW + lo * g.strideW + shift) * g.inC + i;
            for (let yC = lo; yC < hi; yC++, from += rowStep) out[k + yC] = x[from] as number;
          }
        }
      }
    }
  }
}

/** The same sums as a JS loop: dW [kH·kW·inC, outC] (float64 accumulation per output position's row). */
export function backpropFilterLoop(x: Float32Array, dy: Float32Array, g: Geometry, dW: Float32Array): void {
  const acc = new Float64Array(dW.length);
  for (let b = 0; b < g.batch; b++) {
    for (let yR = 0; yR < g.outH; yR++) {
      for (let yC = 0; yC < g.outW; yC++) {
        const dyBase = ((b * g.outH + yR) * g.outW + yC) * g.outC;
        for (let r = 0; r < g.kH; r++) {
          const xR = yR * g.strideH + r * g.dilationH - g.top;
          if (xR < 0 || xR >= g.inH) continue;
          for (let c = 0; c < g.kW; c++) {
            const xC = yC * g.strideW + c * g.dilationW - g.left;
            if (xC < 0 || xC >= g.inW) continue;
            const xBase = ((b * g.inH + xR) * g.inW + xC) * g.inC;
            let w = (r * g.kW + c) * g.inC * g.outC;
            for (let i = 0; i < g.inC; i++) {
              const xv = x[xBase + i] as number;
              for (let o = 0; o < g.outC; o++) {
                acc[w] = (acc[w] as number) + xv * (dy[dyBase + o] as number);
                w++;
              }
            }
          }
        }
      }
    }
  }
  dW.set(acc);
}

/** Whether dW is one 'valid' convolution of the transposed x and dy (stride 1, no dilation, no padding). */
export function convRouteApplies(g: Geometry): boolean {
  return (
    g.strideH === 1 &&
    g.strideW === 1 &&
    g.dilationH === 1 &&
    g.dilationW === 1 &&
    g.outH === g.inH - g.kH + 1 &&
    g.outW === g.inW - g.kW + 1 &&
    g.top === 0 &&
    g.left === 0
  );
}

function viaConvolution(wasm: BackendWasm, x: tf.TensorInfo, dy: tf.TensorInfo): tf.TensorInfo | null {
  const conv = tf.getKernel(tf.Conv2D, 'wasm');
  const transpose = tf.getKernel(tf.Transpose, 'wasm');
  if (!conv || !transpose) return null;
  const permuted = (t: tf.TensorInfo, perm: number[]) =>
    transpose.kernelFunc({ inputs: { x: t }, backend: wasm, attrs: { perm } }) as tf.TensorInfo;
  const xT = permuted(x, [3, 1, 2, 0]);
  const dyT = permuted(dy, [1, 2, 0, 3]);
  const sums = conv.kernelFunc({
    inputs: { x: xT, filter: dyT },
    backend: wasm,
    attrs: { strides: 1, pad: 'valid', dataFormat: 'NHWC', dilations: 1 },
  }) as tf.TensorInfo;
  wasm.disposeData(xT.dataId);
  wasm.disposeData(dyT.dataId);
  const dW = permuted(sums, [1, 2, 0, 3]);
  wasm.disposeData(sums.dataId);
  return dW;
}

const conv2dBackpropFilterWasm: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const { x, dy } = inputs as unknown as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const { g, filterShape } = geometry(x, attrs ?? {});
  if (route === 'conv' && convRouteApplies(g)) {
    const dW = viaConvolution(wasm, x, dy);
    lastRoute = 'conv';
    if (dW) return dW;
  }
  const taps = g.kH * g.kW * g.inC;
  const positions = g.batch * g.outH * g.outW;
  const heap = (t: tf.TensorInfo) => wasm.typedArrayFromHeap(t) as Float32Array;
  const matMul = tf.getKernel('BatchMatMul', 'wasm');
  lastRoute = route === 'loop' || !matMul ? 'loop' : 'matmul';
  if (route === 'loop' || !matMul) {
    const out = wasm.makeOutput(filterShape, 'float32');
    backpropFilterLoop(heap(x), heap(dy), g, heap(out));
    return out;
  }
  // Allocate before taking views: an allocation may grow the heap and detach earlier views.
  const patches = wasm.makeOutput([1, taps, positions], 'float32');
  im2colTransposed(heap(x), g, heap(patches));
  const dy3: tf.TensorInfo = { dataId: dy.dataId, shape: [1, positions, g.outC], dtype: 'float32' };
  const out = matMul.kernelFunc({
    inputs: { a: patches, b: dy3 },
    backend: wasm,
    attrs: { transposeA: false, transposeB: false },
  }) as tf.TensorInfo;
  wasm.disposeData(patches.dataId);
  out.shape = filterShape;
  return out;
};

export const conv2dBackpropFilterWasmConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2dBackpropFilterWasm,
};

/** Registers the kernel once (module-level registrations are global to tfjs, per backend name). */
export function registerConvKernelsWasm(): void {
  if (!tf.getKernel(tf.Conv2DBackpropFilter, 'wasm')) tf.registerKernel(conv2dBackpropFilterWasmConfig);
}
