// The fused update on tfjs's WASM backend: the plain loop, run over views of the WASM heap so that no
// data is copied in or out. All outputs are allocated before any view is taken, because an allocation
// may grow the heap and detach earlier views.

import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type * as tf from '@tensorflow/tfjs-core';
import { FUSED_UPDATE_KERNEL } from './kernel';
import { fusedLoop } from './loop';
import type { FusedParams } from './params';

const fusedUpdateWasm: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const { x, g, m, v, vmax } = inputs as Record<string, tf.TensorInfo | undefined>;
  if (!x || !g || !m || !v) throw new Error(`${FUSED_UPDATE_KERNEL}: x, g, m and v are required`);
  for (const t of [x, g, m, v, vmax]) {
    if (t && t.dtype !== 'float32') throw new Error(`${FUSED_UPDATE_KERNEL}: float32 only, got ${t.dtype}`);
  }
  const outputs = (vmax ? [x, m, v, vmax] : [x, m, v]).map(() => wasm.makeOutput(x.shape, 'float32'));
  const heap = (t: tf.TensorInfo) => wasm.typedArrayFromHeap(t) as Float32Array;
  const [outX, outM, outV, outVmax] = outputs.map(heap) as [
    Float32Array,
    Float32Array,
    Float32Array,
    Float32Array | undefined,
  ];
  fusedLoop(
    {
      x: heap(x),
      g: heap(g),
      m: heap(m),
      v: heap(v),
      vmax: vmax ? heap(vmax) : null,
      outX,
      outM,
      outV,
      outVmax: outVmax ?? null,
    },
    attrs as unknown as FusedParams,
  );
  return outputs;
};

export const fusedUpdateWasmConfig: tf.KernelConfig = {
  kernelName: FUSED_UPDATE_KERNEL,
  backendName: 'wasm',
  kernelFunc: fusedUpdateWasm,
};
