// The log histogram's bin of every float32 value without a log10 per value (histogram.ts). For float32
// input the bin as histogram.ts defines it, floor((log10 v − minExp) · binsPerDecade), is a
// non-decreasing step function of the value's bits (positive floats order like their bits; neighbouring
// float32 values differ by ≥ 2⁻²⁴ relative, ~1e-8 in log10, far above Math.log10's error), so it is
// fully described by where each step starts. Those starts are found once per set of options by binary
// search on the bits with the very same formula; a value's bin is then a table look-up by its upper 16
// bits plus at most a comparison or two against the next start. The counts are the formula's, exactly.

import type { BucketVisitor } from './radix-ranks';

/** Positive finite float32 bits: 1 … 0x7f7fffff. */
const MAX_FINITE_BITS = 0x7f7fffff;
/** Upper 16 bits of positive finite floats: 0 … 0x7f7f. */
const HIGH_BUCKETS = (MAX_FINITE_BITS >>> 16) + 1;

export interface Float32LogBins {
  /**
   * Code per value: 0 underflow, 1 … bins the bin + 1, bins + 1 overflow. `codeAtBucket[h]` is the code
   * of the smallest positive float whose upper 16 bits are h.
   */
  codeAtBucket: Uint16Array;
  /** `startBits[c]`: the bits of the smallest positive float32 with code ≥ c; 0xffffffff past the last. */
  startBits: Uint32Array;
}

const cache = new Map<string, Float32LogBins>();
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The tables for these (already resolved and checked) options; built once, then cached. */
export function float32LogBins(minExp: number, binsPerDecade: number, bins: number): Float32LogBins {
  const key = `${minExp} ${binsPerDecade} ${bins}`;
  const hit = cache.get(key);
  if (hit) return hit;
  // The formula of histogram.ts, as a code 0 … bins + 1.
  const codeOfBits = (bits: number): number => {
    u32[0] = bits;
    const bin = Math.floor((Math.log10(f32[0] as number) - minExp) * binsPerDecade);
    return bin < 0 ? 0 : bin >= bins ? bins + 1 : bin + 1;
  };
  const startBits = new Uint32Array(bins + 3).fill(0xffffffff);
  startBits[0] = 1;
  for (let c = 1; c <= bins + 1; c++) {
    // The smallest bits in [1, MAX_FINITE_BITS] with code ≥ c, if any.
    if (codeOfBits(MAX_FINITE_BITS) < c) break;
    let lo = 1;
    let hi = MAX_FINITE_BITS;
    while (lo < hi) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (codeOfBits(mid) >= c) hi = mid;
      else lo = mid + 1;
    }
    startBits[c] = lo;
  }
  const codeAtBucket = new Uint16Array(HIGH_BUCKETS);
  for (let h = 0; h < HIGH_BUCKETS; h++) codeAtBucket[h] = codeOfBits(Math.max(1, h << 16));
  const tables = { codeAtBucket, startBits };
  cache.set(key, tables);
  return tables;
}

/**
 * Adds a float32 field's values to `counts` (bins) and returns underflow, overflow, zeros (≤ 0, −0
 * included) and non-finite counts, as histogram.ts's loop would.
 */
export function countFloat32(
  values: Float32Array,
  tables: Float32LogBins,
  counts: Uint32Array,
): { underflow: number; overflow: number; zeros: number; nonFinite: number } {
  const { codeAtBucket, startBits } = tables;
  const bins = counts.length;
  const codes = new Uint32Array(bins + 2);
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  let zeros = 0;
  let nonFinite = 0;
  const n = bits.length;
  for (let i = 0; i < n; i++) {
    const u = bits[i] as number;
    if ((u & 0x7f800000) === 0x7f800000) nonFinite++;
    else if (u === 0 || u >= 0x80000000) zeros++;
    else {
      let c = codeAtBucket[u >>> 16] as number;
      while (u >= (startBits[c + 1] as number)) c++;
      codes[c] = (codes[c] as number) + 1;
    }
  }
  for (let b = 0; b < bins; b++) counts[b] = (counts[b] as number) + (codes[b + 1] as number);
  return { underflow: codes[0] as number, overflow: codes[bins + 1] as number, zeros, nonFinite };
}

/** The bin counts of the finite values that a BucketLogBins was shown: countFloat32's result less nonFinite. */
export interface LogBinTotals {
  counts: Uint32Array;
  underflow: number;
  overflow: number;
  zeros: number;
}

/**
 * countFloat32 riding on radix-ranks.ts's count of the values' upper 16 bits (a BucketVisitor): a bucket
 * that lies inside one bin adds its whole count at once; only the buckets that hold a bin start (a few
 * percent of an A-LR field's values), and the one that holds ±0, are counted value by value. After the
 * count and the visits, `totals()` equals what countFloat32 counts of the same values.
 */
export function bucketLogBins(
  tables: Float32LogBins,
  bins: number,
): BucketVisitor & { totals(): LogBinTotals } {
  const { codeAtBucket, startBits } = tables;
  // Code per value as in countFloat32: 0 underflow, 1 … bins the bin + 1, bins + 1 overflow.
  const codes = new Uint32Array(bins + 2);
  let zeros = 0;
  return {
    counted(bucketCounts, lo, hi) {
      const visit: number[] = [];
      // Buckets below 0x8000 hold the negative values; 0x8000 holds ±0 and the smallest positive ones.
      // Outside lo … hi every bucket is empty.
      for (let b = lo; b < 0x8000 && b <= hi; b++) zeros += bucketCounts[b] as number;
      if ((bucketCounts[0x8000] as number) > 0) visit.push(0x8000);
      const last = Math.min(hi, 0x8000 | (MAX_FINITE_BITS >>> 16));
      for (let b = Math.max(lo, 0x8001); b <= last; b++) {
        const c = bucketCounts[b] as number;
        if (c === 0) continue;
        const high = b & 0x7fff;
        const code = codeAtBucket[high] as number;
        // The next code starts inside this bucket: its values straddle a bin edge.
        if ((startBits[code + 1] as number) <= ((high << 16) | 0xffff) >>> 0) visit.push(b);
        else codes[code] = (codes[code] as number) + c;
      }
      return visit;
    },
    visit(u) {
      if (u === 0 || u >= 0x80000000) zeros++;
      else {
        let c = codeAtBucket[u >>> 16] as number;
        while (u >= (startBits[c + 1] as number)) c++;
        codes[c] = (codes[c] as number) + 1;
      }
    },
    totals() {
      return {
        counts: codes.slice(1, bins + 1),
        underflow: codes[0] as number,
        overflow: codes[bins + 1] as number,
        zeros,
      };
    },
  };
}
