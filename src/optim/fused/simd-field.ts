// The snapshot's A-LR field by the SIMD kernel's rateField functions (simd-kernel.ts), on a memory of
// its own: the moment is copied in and the rate copied out, so it runs whatever the backend, and also
// where tfjs-wasm's heap is shared (the threaded build), which the fused update cannot use. On
// fig1-mnist's 109k weights a plain JS loop took 0.5 ms (√v̂ + ε) and 1.5 ms (softplus) per run here;
// four lanes at a time take a fraction of that (bench/snapshot-profile.ts).

import { compileSimdKernel, rateFieldName, SIMD_DENOMINATORS, type SimdKernelExports } from './simd-kernel';

interface FieldKernel {
  exports: SimdKernelExports;
  memory: WebAssembly.Memory;
}

let kernel: FieldKernel | null = null;
let enabled = true;

/** Resolves once the kernel is ready (or known to be unavailable: the JS loop stays). */
export const simdFieldReady: Promise<boolean> = compileSimdKernel()
  .then(async (module) => {
    if (!module) return false;
    const memory = new WebAssembly.Memory({ initial: 1 });
    const instance = await WebAssembly.instantiate(module, { env: { memory } });
    kernel = { exports: instance.exports as unknown as SimdKernelExports, memory };
    return true;
  })
  .catch(() => false);

/** Tests switch the kernel off to compare it with the JS loop. */
export function setSimdFieldEnabled(on: boolean): void {
  enabled = on;
}

const PAGE = 65536;

/**
 * out[offset … offset + n) = the A-LR 1/denom of √(moment / correction) for a √v̂ + ε or softplus
 * denominator, before any clip; false (nothing written) where the kernel is not ready, is switched off
 * or n < 4, and the caller computes it.
 */
export function simdRateField(
  denominator: 'sqrt-eps' | 'softplus',
  moment: Float32Array,
  out: Float32Array,
  offset: number,
  correction: number,
  eps: number,
  beta: number,
): boolean {
  const n = moment.length;
  if (!kernel || !enabled || n < 4) return false;
  const { exports, memory } = kernel;
  const bytes = 8 * n; // the moment, then the rate
  if (memory.buffer.byteLength < bytes) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
  const heap = new Float32Array(memory.buffer, 0, 2 * n);
  heap.set(moment);
  const mode = denominator === 'softplus' ? SIMD_DENOMINATORS.softplus : SIMD_DENOMINATORS.sqrtEps;
  (exports[rateFieldName(mode)] as (...args: number[]) => void)(0, 4 * n, n, correction, eps, beta);
  out.set(heap.subarray(n, 2 * n), offset);
  return true;
}
