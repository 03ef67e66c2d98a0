// Value → colour for the heatmaps: a log10 scale over [lo, hi] (in log10 units) into a 256-colour
// viridis table, as packed RGBA Uint32 in ImageData byte order (little-endian: 0xAABBGGRR).
//
// Why viridis: it is perceptually uniform, its lightness rises monotonically (the picture still reads
// in greyscale or on a washed-out projector) and it is safe for the common colour-vision deficiencies.
// Cividis is safer still for deuteranopes, but it passes through neutral grey in its middle, which is
// the colour "no data" (NaN) has to own; viridis has no grey anywhere, so NaN cells stay unmistakable.
//
// Fast path (docs/ARCHITECTURE.md, "Heatmap speed"): a float32's upper 16 bits (sign, exponent, 7 mantissa bits) pick
// one of 65,536 buckets, each 0.0034 decade wide for positive values. A colour is ≥ 0.0034 decade wide
// whenever hi − lo ≥ 0.87, so a bucket holds at most one colour boundary: each bucket stores its colour
// below and above the boundary and the boundary's own bit pattern, and one unsigned compare of the
// value's bits against it makes the lookup exact (positive floats order like their bit patterns);
// 2.1 ms for 1M cells here against 16 ms with a log10 per cell.
// Buckets with two or more boundaries (only for domains narrower than 0.87 decade) fall back to log10.
// `paint` runs that lookup in WebAssembly (paint-kernel.ts, same entries, loaded lazily) once it has
// loaded, and in the JavaScript loop `paintJs` until then or where WebAssembly is missing.

import type { PaintKernel } from './paint-kernel';
import { viridisRgb } from './viridis';

/** Colours in the scale. */
export const COLOURS = 256;
/** Palette index of "no data" (NaN): a neutral grey. */
export const NO_DATA_INDEX = COLOURS;
/** Palette index of an empty cell (a gap between tiles, the end of a wrapped row): transparent. */
export const EMPTY_INDEX = COLOURS + 1;

/**
 * Bit patterns (NaN payloads) that mean "empty cell", never data. The arrangement writes them into
 * gathered images; `aggregate` needs two so that its branch-free integer max and min both rank them
 * below (max) or above (min) every real value. Both sit at the top of their 16-bit bucket, so the
 * colour lookup needs no extra case for them. Real NaNs are canonicalised before they get here.
 */
export const EMPTY_BITS_LOW = 0xfffeffff; // as Int32: −65,537, below every non-negative value
export const EMPTY_BITS_HIGH = 0x7fffffff; // as Int32: the largest int, above +∞ (0x7f800000)

const NO_DATA_RGB = [0x9a, 0x9a, 0x9a] as const;

const pack = (r: number, g: number, b: number, a = 255) => ((a << 24) | (b << 16) | (g << 8) | r) >>> 0;

/** The palette: COLOURS viridis colours, then NO_DATA grey, then EMPTY (transparent). */
export const PALETTE: Uint32Array = (() => {
  const out = new Uint32Array(COLOURS + 2);
  for (let i = 0; i < COLOURS; i++) {
    out[i] = pack(...viridisRgb(i));
  }
  out[NO_DATA_INDEX] = pack(...NO_DATA_RGB);
  // Transparent white (not 0): 0 is the "look it up exactly" sentinel in the hot loop below.
  out[EMPTY_INDEX] = pack(255, 255, 255, 0);
  return out;
})();

/** CSS colour of a palette index (for the legend and tests). */
export function paletteCss(index: number): string {
  const c = PALETTE[index] ?? 0;
  return `rgb(${c & 255} ${(c >>> 8) & 255} ${(c >>> 16) & 255})`;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const bitsOf = (v: number) => {
  f32[0] = v;
  return u32[0] as number;
};
const floatOf = (bits: number) => {
  u32[0] = bits;
  return f32[0] as number;
};

/**
 * The reference mapping, written plainly: palette index of v on a log10 scale over [lo, hi].
 * NaN → NO_DATA_INDEX; v ≤ 0 (and −∞) → 0, the lowest colour; +∞ → the highest.
 */
export function colourIndex(v: number, lo: number, hi: number): number {
  if (Number.isNaN(v)) return NO_DATA_INDEX;
  if (v <= 0) return 0;
  const t = Math.floor(((Math.log10(v) - lo) / (hi - lo)) * COLOURS);
  return t < 0 ? 0 : t >= COLOURS ? COLOURS - 1 : t;
}

/** Palette index of a raw float32 bit pattern, empty markers included (the slow path). */
function indexOfBits(bits: number, lo: number, hi: number): number {
  if (bits === EMPTY_BITS_LOW || bits === EMPTY_BITS_HIGH) return EMPTY_INDEX;
  return colourIndex(floatOf(bits), lo, hi);
}

/** A colour lookup built for one domain. Build once per domain (≈4 ms); `colourTableFor` caches. */
export class ColourTable {
  readonly lo: number;
  readonly hi: number;
  /**
   * Per bucket b, four Int32s (16 bytes, one cache line never split): the boundary's bit pattern, the
   * colour below it, the colour from it on, and a spare. Without a boundary the "boundary" is the next
   * bucket's first pattern, so every value of the bucket is below it. Colour 0 (never a palette entry:
   * every colour is opaque and "empty" is transparent white) means "several boundaries: use log10".
   * Inside one bucket all patterns share their sign bit, so a signed difference orders them correctly
   * and never exceeds ±65,536.
   */
  private readonly entries = new Int32Array(65536 * 4);
  /** The exact colour of a bit pattern, for tables with buckets that need it (else null). */
  private exact: ((bits: number) => number) | null = null;

  constructor(lo: number, hi: number) {
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(hi > lo))
      throw new Error(`colour domain must be finite with hi > lo (got [${lo}, ${hi}])`);
    this.lo = lo;
    this.hi = hi;
    this.build();
  }

  private build(): void {
    const { lo, hi, entries } = this;
    // Every bit pattern at which the palette index changes, in increasing unsigned order. The scale is
    // monotone over [+0, +∞] (bits 0 … 0x7f800000); everything else is constant per region.
    const cuts: { bits: number; index: number }[] = [];
    for (let k = 1; k < COLOURS; k++) {
      // Smallest positive float32 whose index is ≥ k: start from 10^(boundary), fix rounding by ulps.
      let b = bitsOf(Math.fround(10 ** (lo + (k * (hi - lo)) / COLOURS)));
      if (b > 0x7f800000) continue; // not a number: no float32 reaches colour k
      if (b === 0) b = 1;
      while (b > 1 && colourIndex(floatOf(b - 1), lo, hi) >= k) b -= 1;
      while (b < 0x7f800000 && colourIndex(floatOf(b), lo, hi) < k) b += 1;
      const index = colourIndex(floatOf(b), lo, hi);
      if (index < k) continue;
      const last = cuts[cuts.length - 1];
      if (last && last.bits === b) last.index = index;
      else cuts.push({ bits: b, index });
    }
    cuts.push({ bits: 0x7f800000, index: COLOURS - 1 }); // +∞: the highest colour
    cuts.push({ bits: 0x7f800001, index: NO_DATA_INDEX }); // positive NaNs
    cuts.push({ bits: EMPTY_BITS_HIGH, index: EMPTY_INDEX });
    cuts.push({ bits: 0x80000000, index: 0 }); // −0 and negatives: the lowest colour
    cuts.push({ bits: 0xff800001, index: NO_DATA_INDEX }); // negative NaNs
    cuts.push({ bits: EMPTY_BITS_LOW, index: EMPTY_INDEX });
    cuts.push({ bits: EMPTY_BITS_LOW + 1, index: NO_DATA_INDEX });

    // Walk the buckets and the cuts together.
    let current = 0; // +0
    let c = 0;
    for (let bucket = 0; bucket < 65536; bucket++) {
      const start = bucket * 65536;
      const end = start + 65536;
      // A cut exactly at the bucket's start just changes the colour it starts with.
      for (let cut = cuts[c]; cut && cut.bits <= start; cut = cuts[++c]) current = cut.index;
      const below = current;
      let threshold = end;
      let inside = 0;
      for (let cut = cuts[c]; cut && cut.bits < end; cut = cuts[++c]) {
        if (inside === 0) threshold = cut.bits;
        current = cut.index;
        inside += 1;
      }
      const e = bucket * 4;
      entries[e + 1] = (PALETTE[below] as number) | 0;
      if (inside <= 1) {
        entries[e] = threshold | 0;
        entries[e + 2] = (PALETTE[current] as number) | 0;
      } else {
        // Several boundaries in one bucket (domain narrower than 0.87 decade): exact per value.
        this.exact = (bits) => (PALETTE[indexOfBits(bits, lo, hi)] as number) | 0;
        entries[e] = start | 0;
        entries[e + 2] = 0;
      }
    }
  }

  /**
   * Colours `count` float32 bit patterns (`src`, an Int32 view) into `dst` (an Int32 view of an
   * ImageData's bytes): through the WebAssembly kernel once it is loaded, else `paintJs`.
   */
  paint(src: Int32Array, dst: Int32Array, count = src.length): void {
    if (kernel) kernel.paint(this.entries, src, dst, count, this.exact);
    else this.paintJs(src, dst, count);
  }

  /**
   * `paint` in JavaScript (before the kernel loads, or without WebAssembly). The hot loop: three reads
   * from one 16-byte entry, no branch but the rare exact fallback, no log.
   */
  paintJs(src: Int32Array, dst: Int32Array, count = src.length): void {
    const { entries, lo, hi } = this;
    for (let i = 0; i < count; i++) {
      const u = src[i] as number;
      const e = (u >>> 16) << 2;
      const above = entries[e + 2] as number;
      // (u − boundary) >> 31 is −1 below the boundary, 0 from it on: pick `below` or `above`.
      let colour = above ^ ((above ^ (entries[e + 1] as number)) & ((u - (entries[e] as number)) >> 31));
      if (colour === 0) colour = (PALETTE[indexOfBits(u >>> 0, lo, hi)] as number) | 0;
      dst[i] = colour;
    }
  }
}

let kernel: PaintKernel | null = null;

/**
 * Resolves once `paint` runs on the WebAssembly kernel (paint-kernel.ts, loaded apart from the page's
 * first JavaScript), or with false where it cannot; until then `paint` takes the JavaScript loop.
 */
export const paintKernelReady: Promise<boolean> = import('./paint-kernel').then(
  (m) => {
    kernel = m.createPaintKernel();
    return kernel !== null;
  },
  () => false,
);

const cache: ColourTable[] = [];

/** A colour table for [lo, hi], reused across panels and frames (the few latest domains are kept). */
export function colourTableFor(lo: number, hi: number): ColourTable {
  const hit = cache.find((t) => t.lo === lo && t.hi === hi);
  if (hit) return hit;
  const table = new ColourTable(lo, hi);
  cache.unshift(table);
  if (cache.length > 4) cache.pop();
  return table;
}
