// The heatmap's hot loop (ColourTable.paint) as a small WebAssembly function. The lookup is the same
// 16-byte-entry bucket compare as the JavaScript loop in color-table.ts, on the same entries, so the
// colours are identical; WebAssembly runs it without per-access bounds checks and with a real
// `select`, about twice as fast as the JavaScript loop (docs/ARCHITECTURE.md, "Heatmap speed").
//
// The module owns its memory: the loaded table's entries (1 MiB) at address 0, then one chunk of
// cells painted in place. Cells go through in chunks of CHUNK (128 KiB in, the same out) so that the
// copies into and out of the module stay in the core's cache instead of crossing main memory twice.
// color-table.ts loads this file with `import()`: it stays out of the page's first JavaScript, and
// paint uses the JavaScript loop until it is ready (or wherever WebAssembly is missing).
// `npm run build:wasm` assembles PAINT_KERNEL_WAT into paint-kernel.bytes.ts.

import { PAINT_KERNEL_BASE64 } from './paint-kernel.bytes';

/** Bytes of the entries table: 65,536 buckets × 16 bytes, at address 0. */
const TABLE_BYTES = 65536 * 16;
/** Cells per pass through the module. */
const CHUNK = 32768;
/** 64 KiB pages: the table and one chunk. */
const PAGES = (TABLE_BYTES + CHUNK * 4) / 65536;

/** One cell `k` places after $at: look its colour up and write it over its bits. */
const cellWat = (k: number) => `
        (local.set $u (i32.load offset=${k * 4} (local.get $at)))
        (local.set $e (i32.shl (i32.shr_u (local.get $u) (i32.const 16)) (i32.const 4)))
        (i32.store offset=${k * 4} (local.get $at)
          (select
            (i32.load offset=4 (local.get $e))
            (i32.load offset=8 (local.get $e))
            (i32.lt_s (i32.sub (local.get $u) (i32.load (local.get $e))) (i32.const 0))))`;

/**
 * paint(at, n): colours the float32 bit patterns at byte address `at` in place through the entries at
 * address 0 (per bucket: boundary bits, colour below, colour from it on), four cells a turn: n rounded
 * up to a multiple of 4 (the chunk has room; the extra cells are never copied out).
 */
export const PAINT_KERNEL_WAT = `(module
  (memory (export "memory") ${PAGES})
  (func (export "paint") (param $at i32) (param $n i32)
    (local $end i32) (local $u i32) (local $e i32)
    (local.set $end (i32.add (local.get $at) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
      (loop $cells${[0, 1, 2, 3].map(cellWat).join('')}
        (br_if $cells
          (i32.lt_u (local.tee $at (i32.add (local.get $at) (i32.const 16))) (local.get $end)))))))
`;

/** The module's bytes (PAINT_KERNEL_WAT assembled by wabt at build time). */
export function paintKernelBytes(): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(PAINT_KERNEL_BASE64.replace(/\s/g, '')), (c) => c.charCodeAt(0));
}

/** One instance of the module and the table it holds. */
export class PaintKernel {
  private readonly run: (at: number, n: number) => void;
  private readonly table: Int32Array;
  private readonly chunk: Int32Array;
  /** The entries now in the module's table (copied again when another table paints). */
  private loaded: Int32Array | null = null;

  constructor(instance: WebAssembly.Instance) {
    const { memory, paint } = instance.exports as { memory: WebAssembly.Memory; paint: PaintKernel['run'] };
    this.run = paint;
    this.table = new Int32Array(memory.buffer, 0, TABLE_BYTES / 4);
    this.chunk = new Int32Array(memory.buffer, TABLE_BYTES, CHUNK);
  }

  /**
   * Colours `count` cells of `src` into `dst` through `entries` (a ColourTable's). With `exact` (for a
   * table that holds the colour 0, "look it up exactly"), cells that come out 0 get `exact(bits)`.
   */
  paint(
    entries: Int32Array,
    src: Int32Array,
    dst: Int32Array,
    count: number,
    exact: ((bits: number) => number) | null,
  ): void {
    const { chunk, table } = this;
    if (this.loaded !== entries) {
      table.set(entries);
      this.loaded = entries;
    }
    // As the JS loop, nothing is written past dst's end (a stale plan for a moment never throws).
    const total = Math.min(count, src.length, dst.length);
    for (let start = 0; start < total; start += CHUNK) {
      const n = Math.min(CHUNK, total - start);
      chunk.set(src.subarray(start, start + n));
      this.run(TABLE_BYTES, n);
      dst.set(n === CHUNK ? chunk : chunk.subarray(0, n), start);
      if (exact)
        for (let i = start; i < start + n; i++) if (dst[i] === 0) dst[i] = exact((src[i] as number) >>> 0);
    }
  }
}

/** The kernel, or null where WebAssembly is missing or refuses the module. */
export function createPaintKernel(): PaintKernel | null {
  try {
    if (typeof WebAssembly !== 'object') return null;
    // Synchronous compile: the module is a few hundred bytes, far below the main thread's limit.
    return new PaintKernel(new WebAssembly.Instance(new WebAssembly.Module(paintKernelBytes())));
  } catch {
    return null;
  }
}
