// Conv2DBackpropInput (the gradient of tf.conv2d with respect to its input) for tfjs's WASM backend, in
// place of tfjs-wasm 4.22's own, which was the largest single cost of a CNN training step here (7–12 ms
// for the CNN's second layer under load). The mirror image of the filter gradient's route
// (conv2d-backprop-filter-wasm.ts): one XNNPACK product gives every output position's contribution to
// every filter tap, then a loop adds them back onto the input positions (col2im):
//   cols[n, (r, c, i)] = Σ_o dy[n, o] · W[(r, c, i), o],   dx[x(n, r, c), i] += cols[n, (r, c, i)].
// conv2d-backprop-filter-wasm.test.ts checks dx against the CPU backend on four geometries.

import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { type Geometry, geometryOf } from './conv2d-backprop-filter-wasm';

function geometry(attrs: tf.NamedAttrMap, filterShape: number[]): Geometry {
  const { strides, pad, dataFormat, dimRoundingMode, inputShape } =
    attrs as unknown as tf.Conv2DBackpropInputAttrs;
  if (tf.backend_util.convertConv2DDataFormat(dataFormat) !== 'channelsLast')
    throw new Error('Conv2DBackpropInput on WASM supports NHWC (channels-last) data only');
  const info = tf.backend_util.computeConv2DInfo(
    inputShape,
    filterShape as [number, number, number, number],
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    'channelsLast',
  );
  return geometryOf(info);
}

/**
 * dx [batch, inH, inW, inC] from cols [positions, kH·kW·inC]: each tap's value added onto its input.
 * The in-bounds taps of each output column are worked out once; without dilation they touch one
 * contiguous run of dx and of cols per filter row, added in one loop.
 */
export function col2im(cols: Float32Array, g: Geometry, dx: Float32Array): void {
  dx.fill(0);
  const taps = g.kH * g.kW * g.inC;
  let n = 0;
  for (let b = 0; b < g.batch; b++) {
    for (let yR = 0; yR < g.outH; yR++) {
      for (let yC = 0; yC < g.outW; yC++, n++) {
        const rowBase = n * taps;
        // Taps c in [cLo, cHi) land inside the image: 0 ≤ x0 + c·dilationW < inW.
        const x0 = yC * g.strideW - g.left;
        const cLo = Math.min(g.kW, Math.max(0, Math.ceil(-x0 / g.dilationW)));
        const cHi = Math.max(cLo, Math.min(g.kW, Math.floor((g.inW - 1 - x0) / g.dilationW) + 1));
        for (let r = 0; r < g.kH; r++) {
          const xR = yR * g.strideH + r * g.dilationH - g.top;
          if (xR < 0 || xR >= g.inH) continue;
          const rowX = (b * g.inH + xR) * g.inW;
          if (g.dilationW === 1) {
            const run = (cHi - cLo) * g.inC;
            const xBase = (rowX + x0 + cLo) * g.inC;
            const k = rowBase + (r * g.kW + cLo) * g.inC;
            for (let j = 0; j < run; j++) dx[xBase + j] = (dx[xBase + j] as number) + (cols[k + j] as number);
            continue;
          }
          for (let c = cLo; c < cHi; c++) {
            const xBase = (rowX + x0 + c * g.dilationW) * g.inC;
            const k = rowBase + (r * g.kW + c) * g.inC;
            for (let i = 0; i < g.inC; i++)
              dx[xBase + i] = (dx[xBase + i] as number) + (cols[k + i] as number);
          }
        }
      }
    }
  }
}

const conv2dBackpropInputWasm: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const { dy, filter } = inputs as unknown as { dy: tf.TensorInfo; filter: tf.TensorInfo };
  const g = geometry(attrs ?? {}, filter.shape);
  const matMul = tf.getKernel(tf.BatchMatMul, 'wasm');
  if (!matMul) throw new Error('the wasm backend has no BatchMatMul kernel');
  const taps = g.kH * g.kW * g.inC;
  const positions = g.batch * g.outH * g.outW;
  const heap = (t: tf.TensorInfo) => wasm.typedArrayFromHeap(t) as Float32Array;
  // Wᵀ [outC, taps] laid out here (a plain product is the fast one on tfjs-wasm); allocate before views.
  const filterT = wasm.makeOutput([1, g.outC, taps], 'float32');
  {
    const w = heap(filter);
    const wt = heap(filterT);
    for (let k = 0; k < taps; k++)
      for (let o = 0; o < g.outC; o++) wt[o * taps + k] = w[k * g.outC + o] as number;
  }
  const dy3: tf.TensorInfo = { dataId: dy.dataId, shape: [1, positions, g.outC], dtype: 'float32' };
  const cols = matMul.kernelFunc({
    inputs: { a: dy3, b: filterT },
    backend: wasm,
    attrs: { transposeA: false, transposeB: false },
  }) as tf.TensorInfo;
  wasm.disposeData(filterT.dataId);
  const dx = wasm.makeOutput([g.batch, g.inH, g.inW, g.inC], 'float32');
  col2im(heap(cols), g, heap(dx));
  wasm.disposeData(cols.dataId);
  return dx;
};

let replaced = false;

/** Whether WASM's Conv2DBackpropInput is this kernel now. */
export function convInputGradWasmActive(): boolean {
  return tf.getKernel(tf.Conv2DBackpropInput, 'wasm')?.kernelFunc === conv2dBackpropInputWasm;
}

/**
 * Replaces tfjs-wasm's Conv2DBackpropInput with this one, once, after the WASM backend's package has
 * loaded (registering earlier would be overwritten by the package's own registration).
 */
export function registerConvInputGradWasm(): void {
  if (replaced || !tf.getKernel(tf.BatchMatMul, 'wasm')) return;
  replaced = true;
  if (tf.getKernel(tf.Conv2DBackpropInput, 'wasm')) tf.unregisterKernel(tf.Conv2DBackpropInput, 'wasm');
  tf.registerKernel({
    kernelName: tf.Conv2DBackpropInput,
    backendName: 'wasm',
    kernelFunc: conv2dBackpropInputWasm,
  });
}
