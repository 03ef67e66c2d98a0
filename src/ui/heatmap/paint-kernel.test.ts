import { describe, expect, it } from 'vitest';
import { assemblePaintKernel } from '../../../scripts/build-wasm-kernels';
import { createPaintKernel, paintKernelBytes } from './paint-kernel';

describe('heatmap paint kernel module', () => {
  it('is PAINT_KERNEL_WAT as wabt assembles it (the committed paint-kernel.bytes.ts is up to date)', async () => {
    const assembled = await assemblePaintKernel();
    const committed = paintKernelBytes();
    const same = assembled.length === committed.length && assembled.every((b, i) => b === committed[i]);
    expect(
      same,
      'paint-kernel.bytes.ts does not match PAINT_KERNEL_WAT: run `npm run build:wasm` and commit the result',
    ).toBe(true);
  });

  it('stays under 4 KB, so that the main thread may compile it synchronously', () => {
    const bytes = paintKernelBytes();
    expect(WebAssembly.validate(bytes)).toBe(true);
    expect(bytes.length).toBeLessThan(4096);
  });

  it('gives no kernel (the JavaScript loop paints) where WebAssembly is missing', () => {
    const saved = globalThis.WebAssembly;
    try {
      Reflect.deleteProperty(globalThis, 'WebAssembly');
      expect(createPaintKernel()).toBeNull();
    } finally {
      globalThis.WebAssembly = saved;
    }
    expect(createPaintKernel()).not.toBeNull();
  });
});
