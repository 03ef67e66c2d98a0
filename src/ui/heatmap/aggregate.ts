// Shrinks an image that has more cells than the canvas has device pixels: every factor × factor block
// becomes one pixel holding the block's max, min or mean (blocks at the right and bottom edges may be
// partial; no cell is ever dropped). Max is the default: on an A-LR map the extreme coordinates are the
// story, and a max keeps a single weight at 1/ε visible however far the map is shrunk.
//
// Input is the Int32 form `Arrangement.gather` writes: float32 bit patterns of values ≥ +0 (up to +∞),
// and two codes per op for NaN and empty cells. Non-negative float32s order exactly like their bit
// patterns read as integers, so max and min run on integers without branches (docs/ARCHITECTURE.md, "Heatmap
// speed": 22 ms naive vs 3.2 ms for 4M cells). The codes are chosen so that integer order does the right thing with them too:
// for max they sit below every value (empty < NaN < +0), for min above every value (+∞ < NaN < empty),
// so a block's result is "no data" only if it holds no value, and "empty" only if it holds only gaps.
//
// Mean is the arithmetic mean of the block's values (NaN and gaps left out, ≤ 0 counted as 0). On a
// log colour scale it is pulled towards the block's largest values; max and min show the extremes.

import type { Arrangement, GatherCodes } from './arrange';
import { EMPTY_BITS_HIGH, EMPTY_BITS_LOW } from './color-table';

export type AggregateOp = 'max' | 'min' | 'mean';
const MAX_CODES: GatherCodes = { nan: -1, empty: EMPTY_BITS_LOW | 0 };
const MIN_CODES: GatherCodes = { nan: EMPTY_BITS_HIGH - 1, empty: EMPTY_BITS_HIGH };

/** The NaN and empty codes to gather with for each op (mean reads its input like max). */
export const CODES: Readonly<Record<AggregateOp, GatherCodes>> = {
  max: MAX_CODES,
  min: MIN_CODES,
  mean: MAX_CODES,
};

/** Size of the aggregated image. */
export function aggregatedSize(width: number, height: number, factor: number) {
  return { width: Math.ceil(width / factor), height: Math.ceil(height / factor) };
}

/**
 * Aggregates `src` (width × height, gathered with `CODES[op]`) into `dst` (ceil(width / factor) ×
 * ceil(height / factor)), in the same Int32 form, so the colour table paints it directly.
 */
export function aggregate(
  op: AggregateOp,
  src: Int32Array,
  width: number,
  height: number,
  factor: number,
  dst: Int32Array,
): void {
  const f = Math.max(1, Math.floor(factor));
  const { width: w, height: h } = aggregatedSize(width, height, f);
  if (dst.length < w * h) throw new Error(`aggregate: dst holds ${dst.length} cells, needs ${w * h}`);
  if (op === 'mean') {
    aggregateMean(src, width, height, f, dst);
    return;
  }
  if (f === 1) {
    dst.set(src.subarray(0, width * height));
    return;
  }
  const max = op === 'max';
  if (f === 2) {
    if (max) max2(src, width, height, dst);
    else min2(src, width, height, dst);
    return;
  }
  if (max) maxN(src, width, height, f, dst);
  else minN(src, width, height, f, dst);
}

// Any block size: the first row of a block starts each pixel's extreme, later rows fold into it; the
// inner loop runs over exactly one block's cells, the partial block at the right edge after it.
function maxN(src: Int32Array, width: number, height: number, f: number, dst: Int32Array): void {
  const w = Math.ceil(width / f);
  const h = Math.ceil(height / f);
  const full = Math.floor(width / f);
  const empty = MAX_CODES.empty;
  for (let oy = 0; oy < h; oy++) {
    const out = oy * w;
    const y0 = oy * f;
    const yEnd = Math.min(height, y0 + f);
    for (let y = y0; y < yEnd; y++) {
      const row = y * width;
      const first = y === y0;
      let i = row;
      for (let ox = 0; ox < full; ox++) {
        let m = first ? empty : (dst[out + ox] as number);
        const end = i + f;
        for (; i < end; i++) {
          // Branch-free integer max: every input lies in [−65,537, 0x7f800000], so m − v never overflows.
          const d = m - (src[i] as number);
          m -= d & (d >> 31);
        }
        dst[out + ox] = m;
      }
      if (full < w) {
        let m = first ? empty : (dst[out + full] as number);
        for (; i < row + width; i++) {
          const d = m - (src[i] as number);
          m -= d & (d >> 31);
        }
        dst[out + full] = m;
      }
    }
  }
}

function minN(src: Int32Array, width: number, height: number, f: number, dst: Int32Array): void {
  const w = Math.ceil(width / f);
  const h = Math.ceil(height / f);
  const full = Math.floor(width / f);
  const empty = MIN_CODES.empty;
  for (let oy = 0; oy < h; oy++) {
    const out = oy * w;
    const y0 = oy * f;
    const yEnd = Math.min(height, y0 + f);
    for (let y = y0; y < yEnd; y++) {
      const row = y * width;
      const first = y === y0;
      let i = row;
      for (let ox = 0; ox < full; ox++) {
        let m = first ? empty : (dst[out + ox] as number);
        const end = i + f;
        for (; i < end; i++) {
          // Branch-free integer min: inputs lie in [0, 0x7fffffff].
          const d = (src[i] as number) - m;
          m += d & (d >> 31);
        }
        dst[out + ox] = m;
      }
      if (full < w) {
        let m = first ? empty : (dst[out + full] as number);
        for (; i < row + width; i++) {
          const d = (src[i] as number) - m;
          m += d & (d >> 31);
        }
        dst[out + full] = m;
      }
    }
  }
}

// 2×2 blocks (the common case, and the benchmark's): four reads, three branch-free maxima per
// pixel, no accumulator in memory; a lone last column or row is its own partial block.
function max2(src: Int32Array, width: number, height: number, dst: Int32Array): void {
  const w = Math.ceil(width / 2);
  const full = width >> 1;
  for (let oy = 0; oy < Math.ceil(height / 2); oy++) {
    const r0 = 2 * oy * width;
    const r1 = 2 * oy + 1 < height ? r0 + width : r0; // a last odd row pairs with itself
    const out = oy * w;
    for (let ox = 0, i = 0; ox < full; ox++, i += 2) {
      let a = src[r0 + i] as number;
      let t = a - (src[r1 + i] as number);
      a -= t & (t >> 31);
      let b = src[r0 + i + 1] as number;
      t = b - (src[r1 + i + 1] as number);
      b -= t & (t >> 31);
      t = a - b;
      dst[out + ox] = a - (t & (t >> 31));
    }
    if (w > full) {
      const a = src[r0 + width - 1] as number;
      const t = a - (src[r1 + width - 1] as number);
      dst[out + full] = a - (t & (t >> 31));
    }
  }
}

function min2(src: Int32Array, width: number, height: number, dst: Int32Array): void {
  const w = Math.ceil(width / 2);
  const full = width >> 1;
  for (let oy = 0; oy < Math.ceil(height / 2); oy++) {
    const r0 = 2 * oy * width;
    const r1 = 2 * oy + 1 < height ? r0 + width : r0;
    const out = oy * w;
    for (let ox = 0, i = 0; ox < full; ox++, i += 2) {
      let a = src[r0 + i] as number;
      let t = (src[r1 + i] as number) - a;
      a += t & (t >> 31);
      let b = src[r0 + i + 1] as number;
      t = (src[r1 + i + 1] as number) - b;
      b += t & (t >> 31);
      t = b - a;
      dst[out + ox] = a + (t & (t >> 31));
    }
    if (w > full) {
      const a = src[r0 + width - 1] as number;
      const t = (src[r1 + width - 1] as number) - a;
      dst[out + full] = a + (t & (t >> 31));
    }
  }
}

function aggregateMean(src: Int32Array, width: number, height: number, f: number, dst: Int32Array): void {
  const w = Math.ceil(width / f);
  const full = Math.floor(width / f);
  const values = new Float32Array(src.buffer, src.byteOffset, src.length);
  const out = new Float32Array(dst.buffer, dst.byteOffset, dst.length);
  const sum = new Float64Array(w);
  const count = new Int32Array(w);
  const nan = new Uint8Array(w);
  const nanCode = MAX_CODES.nan;
  for (let oy = 0; oy < Math.ceil(height / f); oy++) {
    sum.fill(0);
    count.fill(0);
    nan.fill(0);
    const yEnd = Math.min(height, (oy + 1) * f);
    for (let y = oy * f; y < yEnd; y++) {
      const rowEnd = y * width + width;
      let i = y * width;
      for (let ox = 0; ox <= full && ox < w; ox++) {
        let s = 0;
        let n = 0;
        let sawNaN = 0;
        const end = ox < full ? i + f : rowEnd;
        for (; i < end; i++) {
          const k = src[i] as number;
          if (k >= 0) {
            s += values[i] as number;
            n += 1;
          } else if (k === nanCode) sawNaN = 1;
        }
        sum[ox] = (sum[ox] as number) + s;
        count[ox] = (count[ox] as number) + n;
        nan[ox] = (nan[ox] as number) | sawNaN;
      }
    }
    for (let ox = 0; ox < w; ox++) {
      const n = count[ox] as number;
      if (n > 0) out[oy * w + ox] = (sum[ox] as number) / n;
      else dst[oy * w + ox] = nan[ox] ? MAX_CODES.nan : MAX_CODES.empty;
    }
  }
}

/**
 * The cell a pointer on aggregated pixel (ox, oy) stands for: for max and min the block's cell that
 * holds the extreme value (so hovering a bright pixel names the weight that made it bright); for mean
 * the cell under the pointer, (x, y) in cells. Returns null where the block holds no parameter.
 */
export function representativeCell(
  op: AggregateOp,
  arrangement: Pick<Arrangement, 'width' | 'height' | 'indexAt'>,
  field: Float32Array,
  factor: number,
  x: number,
  y: number,
): { x: number; y: number; flat: number } | null {
  const f = Math.max(1, Math.floor(factor));
  const cx = Math.min(arrangement.width - 1, Math.max(0, Math.floor(x)));
  const cy = Math.min(arrangement.height - 1, Math.max(0, Math.floor(y)));
  const own = arrangement.indexAt(cx, cy);
  if (f === 1 || op === 'mean') return own >= 0 ? { x: cx, y: cy, flat: own } : firstInBlock();

  const x0 = Math.floor(cx / f) * f;
  const y0 = Math.floor(cy / f) * f;
  let best: { x: number; y: number; flat: number } | null = null;
  let bestValue = Number.NaN;
  for (let yy = y0; yy < Math.min(arrangement.height, y0 + f); yy++) {
    for (let xx = x0; xx < Math.min(arrangement.width, x0 + f); xx++) {
      const flat = arrangement.indexAt(xx, yy);
      if (flat < 0) continue;
      const v = Math.max(0, field[flat] as number); // ≤ 0 ranks as 0, like the picture
      if (!best) best = { x: xx, y: yy, flat };
      if (Number.isNaN(v)) continue;
      if (Number.isNaN(bestValue) || (op === 'max' ? v > bestValue : v < bestValue)) {
        best = { x: xx, y: yy, flat };
        bestValue = v;
      }
    }
  }
  return best;

  function firstInBlock() {
    const x0 = Math.floor(cx / f) * f;
    const y0 = Math.floor(cy / f) * f;
    for (let yy = y0; yy < Math.min(arrangement.height, y0 + f); yy++)
      for (let xx = x0; xx < Math.min(arrangement.width, x0 + f); xx++) {
        const flat = arrangement.indexAt(xx, yy);
        if (flat >= 0) return { x: xx, y: yy, flat };
      }
    return null;
  }
}
