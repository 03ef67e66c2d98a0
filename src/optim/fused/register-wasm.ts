// The fused update on tfjs's WASM backend. Where it can, it runs the SIMD kernel of simd-kernel.ts on
// the backend's own heap (the kernel imports tfjs's WebAssembly.Memory, so nothing is copied); else
// (no SIMD, a shared-memory threaded build, Yogi or Padam, tensors under 4 floats, or before the
// kernel has compiled) the plain loop over views of the heap. All outputs are allocated before any
// view or offset is taken, because an allocation may grow the heap and detach earlier views.

import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type * as tf from '@tensorflow/tfjs-core';
import { heapMemory } from './heap-memory';
import { FUSED_UPDATE_KERNEL, fusedKernelInputs } from './kernel';
import { fusedLoop } from './loop';
import { DENOMINATOR_MODE, type FusedParams, SECOND_MOMENT_MODE } from './params';
import {
  compileSimdKernel,
  fusedName,
  instantiateSimdKernel,
  type SimdKernelExports,
  type SimdMode,
} from './simd-kernel';

let simdModule: WebAssembly.Module | null = null;
/** Resolves once the SIMD kernel is compiled (or known to be unavailable); register.ts awaits it. */
export const wasmSimdReady: Promise<boolean> = compileSimdKernel().then(
  (m) => {
    simdModule = m;
    return m !== null;
  },
  () => false,
);

let useSimd = true;
/** Tests and benchmarks switch the SIMD kernel off to compare it with the JS loop. */
export function setWasmSimdEnabled(on: boolean): void {
  useSimd = on;
}

/** The kernel per heap; null while it is being instantiated asynchronously (or could not be). */
const instances = new WeakMap<WebAssembly.Memory, SimdKernelExports | null>();

/** The kernel bound to this backend's memory, or null where it cannot run there. */
function simdFor(wasm: BackendWasm): SimdKernelExports | null {
  if (!useSimd || !simdModule) return null;
  const memory = heapMemory(wasm);
  if (!memory) return null;
  const k = instances.get(memory);
  if (k !== undefined) return k;
  instances.set(memory, null);
  try {
    const made = instantiateSimdKernel(simdModule, memory);
    instances.set(memory, made);
    return made;
  } catch {
    // A browser may refuse synchronous instantiation on its main thread (Chrome does above 4 KB;
    // the module is ~3.2 KB): instantiate asynchronously and take the JS loop until it is ready.
    WebAssembly.instantiate(simdModule, { env: { memory } }).then(
      (instance) => instances.set(memory, instance.exports as unknown as SimdKernelExports),
      () => undefined,
    );
    return null;
  }
}

/** Whether updates on this backend can take the SIMD kernel (tests check it is not silently skipped). */
export function wasmSimdActive(backend: tf.KernelBackend): boolean {
  return simdFor(backend as BackendWasm) !== null;
}

/** Whether the SIMD kernel implements these params (params.ts's template, minus Yogi and Padam). */
function simdCovers(p: FusedParams, n: number): boolean {
  return (
    n >= 4 &&
    p.secondMode === SECOND_MOMENT_MODE.linear &&
    (p.denominator === DENOMINATOR_MODE.sqrtEps ||
      p.denominator === DENOMINATOR_MODE.softplus ||
      p.denominator === DENOMINATOR_MODE.one)
  );
}

const fusedUpdateWasm: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const { x, g, m, v, vmax } = fusedKernelInputs(inputs);
  const p = attrs as unknown as FusedParams;
  const outputs = (vmax ? [x, m, v, vmax] : [x, m, v]).map(() => wasm.makeOutput(x.shape, 'float32'));
  const heap = (t: tf.TensorInfo) => wasm.typedArrayFromHeap(t) as Float32Array;
  const [outX, outM, outV, outVmax] = outputs.map(heap) as [
    Float32Array,
    Float32Array,
    Float32Array,
    Float32Array | undefined,
  ];
  const n = outX.length;
  const simd = simdCovers(p, n) ? simdFor(wasm) : null;
  if (simd) {
    const at = (t: tf.TensorInfo) => heap(t).byteOffset;
    const clip = p.bounded === 1;
    const fused = simd[fusedName(p.denominator as SimdMode, p.ams)] as (...args: number[]) => void;
    fused(
      at(x),
      at(g),
      at(m),
      at(v),
      vmax ? at(vmax) : 0,
      outX.byteOffset,
      outM.byteOffset,
      outV.byteOffset,
      outVmax ? outVmax.byteOffset : 0,
      n,
      p.weightDecay,
      p.a1,
      p.b1,
      p.a2,
      p.b2,
      p.vhatScale,
      p.eps,
      p.softplusBeta,
      clip ? p.lower : 0,
      clip ? p.upper : Number.POSITIVE_INFINITY,
      p.stepFactor,
    );
    return outputs;
  }
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
    p,
  );
  return outputs;
};

export const fusedUpdateWasmConfig: tf.KernelConfig = {
  kernelName: FUSED_UPDATE_KERNEL,
  backendName: 'wasm',
  kernelFunc: fusedUpdateWasm,
};
