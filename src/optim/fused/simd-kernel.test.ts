import { describe, expect, it } from 'vitest';
import { assembleSimdKernel } from '../../../scripts/build-wasm-kernels';
import {
  compileSimdKernel,
  instantiateSimdKernel,
  type SimdKernelExports,
  simdKernelBytes,
} from './simd-kernel';

/** y + log1p(e^{−y}) in float64. */
const exactScaled = (y: number) => y + Math.log1p(Math.exp(-y));

async function kernelOnOwnMemory(pages = 160): Promise<{ k: SimdKernelExports; memory: WebAssembly.Memory }> {
  const module = await compileSimdKernel();
  if (!module) throw new Error('this engine has no WebAssembly SIMD');
  const memory = new WebAssembly.Memory({ initial: pages });
  return { k: instantiateSimdKernel(module, memory), memory };
}

describe('WASM SIMD softplus (y + log1p(e^{−y}) in f32x4)', () => {
  it('is within 3e-7 relative of the exact form for every y ≥ 0 (dense on [0, 40], sparse to 1e30)', async () => {
    const { k, memory } = await kernelOnOwnMemory();
    const n = 1 << 20;
    const heap = new Float32Array(memory.buffer);
    const ys = heap.subarray(0, n);
    for (let i = 0; i < n; i++) ys[i] = i < n / 2 ? (40 * i) / (n / 2) : 40 * 1.0001 ** (i - n / 2);
    k.softplusScaled(0, 4 * n, n);
    const out = heap.subarray(n, 2 * n);
    let worst = 0;
    let at = 0;
    for (let i = 0; i < n; i++) {
      const y = ys[i] as number;
      if (!Number.isFinite(y)) continue;
      const e = Math.abs((out[i] as number) / exactScaled(y) - 1);
      if (e > worst) {
        worst = e;
        at = y;
      }
    }
    console.log(`SIMD softplus: worst relative error ${worst.toExponential(2)} at y = ${at}`);
    expect(worst).toBeLessThan(3e-7);
  });
});

describe('WASM SIMD kernel module', () => {
  it('is simdKernelWat() as wabt assembles it (the committed simd-kernel.bytes.ts is up to date)', async () => {
    const assembled = await assembleSimdKernel();
    const committed = simdKernelBytes();
    const same = assembled.length === committed.length && assembled.every((b, i) => b === committed[i]);
    expect(
      same,
      'simd-kernel.bytes.ts does not match simdKernelWat(): run `npm run build:wasm` and commit the result',
    ).toBe(true);
  });

  it('stays under 4 KB, so that browsers instantiate it synchronously on any thread', () => {
    const bytes = simdKernelBytes();
    expect(WebAssembly.validate(bytes)).toBe(true);
    expect(bytes.length).toBeLessThan(4096);
  });
});
