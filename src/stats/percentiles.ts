// The percentiles the paper's Figure 1 plots for the A-LR 1/denom (min, 25–75 band, median, max), plus
// p1/p99 as robust ends. Interpolation is numpy's default 'linear' (Hyndman & Fan type 7), so numbers
// here match `np.percentile` on the same values taken as float64.

import { type BucketVisitor, radixFiniteRanks } from './radix-ranks';
import { selectRanks } from './select';

/** From this many float32 values on, ranks are found by their bits in place (two passes, no copy) instead. */
export const RADIX_FROM = 20_000;

/** Field names are part of the engine → UI JSON contract: keep them. */
export interface Percentiles {
  min: number;
  p1: number;
  p25: number;
  p50: number;
  p75: number;
  p99: number;
  max: number;
}

export interface PercentileResult {
  /** Over the finite values only; all NaN when there are none. */
  percentiles: Percentiles;
  /** How many values were finite (the sample the percentiles describe). */
  finite: number;
  /** How many were NaN or ±Infinity (left out, counted here so a diverging run is visible). */
  nonFinite: number;
}

/** Keys in display order, e.g. for table columns or JSON encoding. */
export const PERCENTILE_KEYS = ['min', 'p1', 'p25', 'p50', 'p75', 'p99', 'max'] as const;

// Interior quantiles as numpy computes them: q = p / 100, virtual index (n - 1) · q.
const INTERIOR: readonly { key: 'p1' | 'p25' | 'p50' | 'p75' | 'p99'; q: number }[] = [
  { key: 'p1', q: 0.01 },
  { key: 'p25', q: 0.25 },
  { key: 'p50', q: 0.5 },
  { key: 'p75', q: 0.75 },
  { key: 'p99', q: 0.99 },
];

/** What an empty (or all non-finite) sample reports: every field NaN, so charts leave a gap. */
export function emptyPercentiles(): Percentiles {
  return { min: NaN, p1: NaN, p25: NaN, p50: NaN, p75: NaN, p99: NaN, max: NaN };
}

/**
 * Percentiles of the finite values (numpy 'linear'), with the finite / non-finite counts.
 *
 * `scratch` is overwritten. It is used when it can hold every value exactly: length ≥ values.length,
 * and a Float64Array unless `values` is a Float32Array (float64 input must not be rounded to float32).
 * Otherwise a fresh buffer is allocated, so pass one sized for the largest field to allocate nothing.
 * A Float32Array of RADIX_FROM values or more is read in place and needs no scratch.
 * Interpolation is done in float64. (numpy, given float32, takes b − a in float32 first, so on a
 * float32 array it can differ by about one float32 ulp of b − a; on float64 it agrees bit for bit.)
 * −0 is counted as 0, so a sample of zeros never reports −0 depending on partition order.
 */
export function percentilesWithCounts(
  values: ArrayLike<number> | Float32Array,
  scratch?: Float32Array | Float64Array,
): PercentileResult {
  const n = values.length;
  if (values instanceof Float32Array && n >= RADIX_FROM) return float32Percentiles(values);
  const buf = usableScratch(values, n, scratch);
  // One pass copies the finite values and finds min and max, so those need no selection.
  let k = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    // + 0 turns −0 into 0; v - v is 0 exactly when v is finite (NaN - NaN and Inf - Inf are NaN).
    const v = (values[i] as number) + 0;
    if (v - v === 0) {
      buf[k++] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const nonFinite = n - k;
  if (k === 0) return { percentiles: emptyPercentiles(), finite: 0, nonFinite };

  const ranks = interiorRanks(k, false);
  // The values at those ranks, by selection in place (large float32 samples took float32Percentiles).
  const at = new Float64Array(ranks.length);
  selectRanks(buf, k, ranks);
  for (let i = 0; i < ranks.length; i++) at[i] = buf[ranks[i] as number] as number;
  return { percentiles: interpolate(k, min, max, ranks, at), finite: k, nonFinite };
}

/**
 * A large float32 sample: its bits give the ranks in two passes over it, with no copy; min and max are
 * ranks 0 and k − 1 (radix-ranks.ts). The same numbers as the copy-and-select path above. A `visitor`
 * computes another statistic in the same passes (field-summary.ts).
 */
export function float32Percentiles(values: Float32Array, visitor?: BucketVisitor): PercentileResult {
  const { finite, ranks, values: at } = radixFiniteRanks(values, (k) => interiorRanks(k, true), visitor);
  const nonFinite = values.length - finite;
  if (finite === 0) return { percentiles: emptyPercentiles(), finite, nonFinite };
  const min = at[0] as number;
  const max = at[at.length - 1] as number;
  return { percentiles: interpolate(finite, min, max, ranks as Float64Array, at), finite, nonFinite };
}

/** The ranks the interior percentiles read among k values, ascending; with 0 and k − 1 if `ends`. */
function interiorRanks(k: number, ends: boolean): Float64Array {
  const ranks = new Float64Array(2 * INTERIOR.length + (ends ? 2 : 0));
  let r = 0;
  for (const { q } of INTERIOR) {
    const h = (k - 1) * q;
    const below = Math.floor(h);
    ranks[r++] = below;
    ranks[r++] = Math.min(below + 1, k - 1);
  }
  if (ends) {
    ranks[r++] = 0;
    ranks[r++] = k - 1;
  }
  return ranks.sort();
}

/** numpy's 'linear' percentiles from the values `at` the sorted `ranks` of k finite values. */
function interpolate(
  k: number,
  min: number,
  max: number,
  ranks: Float64Array,
  at: Float64Array,
): Percentiles {
  const valueAt = (rank: number) => at[ranks.indexOf(rank)] as number;
  const out: Percentiles = { min, p1: NaN, p25: NaN, p50: NaN, p75: NaN, p99: NaN, max };
  for (const { key, q } of INTERIOR) {
    const h = (k - 1) * q;
    const below = Math.floor(h);
    const a = valueAt(below);
    const b = valueAt(Math.min(below + 1, k - 1));
    out[key] = lerp(a, b, h - below);
  }
  return out;
}

/** Percentiles of the finite values (numpy 'linear'); all NaN when there are none. See percentilesWithCounts. */
export function percentiles(
  values: ArrayLike<number> | Float32Array,
  scratch?: Float32Array | Float64Array,
): Percentiles {
  return percentilesWithCounts(values, scratch).percentiles;
}

/** numpy's `_lerp`: from the nearer end, so t = 1 gives b exactly. */
export function lerp(a: number, b: number, t: number): number {
  if (t === 0 || a === b) return a;
  const d = b - a;
  // b - a overflows only for float64 input spanning more than ±1.8e308; numpy returns ±Inf/NaN there,
  // a weighted sum stays finite.
  if (d - d !== 0) return a * (1 - t) + b * t;
  return t < 0.5 ? a + d * t : b - d * (1 - t);
}

function usableScratch(
  values: ArrayLike<number>,
  n: number,
  scratch: Float32Array | Float64Array | undefined,
): Float32Array | Float64Array {
  const float32In = values instanceof Float32Array;
  if (scratch && scratch.length >= n && (float32In || scratch instanceof Float64Array)) return scratch;
  return float32In ? new Float32Array(n) : new Float64Array(n);
}
