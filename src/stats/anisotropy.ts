// How anisotropic the A-LR is, in orders of magnitude: the headline "max/min A-LR: 10^7.2" readout.
// Adam's A-LR spans up to 1/ε = 1e8 for never-fed weights; Sadam's is capped at β/ln 2 (docs/ARCHITECTURE.md, "The update rule").

import { type PercentileResult, type Percentiles, percentilesWithCounts } from './percentiles';

/**
 * log10(max / min), computed as log10(max) − log10(min) so that even 1e300 / 1e-300 does not overflow.
 * - NaN when either is NaN, max ≤ 0, or max < min: no meaningful spread (e.g. an empty sample).
 * - +Infinity when min ≤ 0 < max (a zero rate against a positive one is an unbounded ratio) or when
 *   max is +Infinity and min is finite.
 * - 0 when min = max > 0.
 */
export function ordersOfMagnitude(min: number, max: number): number {
  if (Number.isNaN(min) || Number.isNaN(max) || max <= 0 || max < min) return NaN;
  if (min <= 0) return Infinity;
  return Math.log10(max) - Math.log10(min);
}

export interface AnisotropySummary extends PercentileResult {
  /** log10(max / min): the headline number; dominated by the most extreme coordinates. */
  ordersOfMagnitude: number;
  /** log10(p99 / p1): the same spread without the 1 % tails at each end. */
  robustOrders: number;
  /** log10(p75 / p25): the spread of the middle half (the paper's Figure 1 band). */
  iqrOrders: number;
}

/** The three spreads from percentiles already computed (e.g. per layer). */
export function anisotropyFromPercentiles(
  p: Percentiles,
): Pick<AnisotropySummary, 'ordersOfMagnitude' | 'robustOrders' | 'iqrOrders'> {
  return {
    ordersOfMagnitude: ordersOfMagnitude(p.min, p.max),
    robustOrders: ordersOfMagnitude(p.p1, p.p99),
    iqrOrders: ordersOfMagnitude(p.p25, p.p75),
  };
}

/** Percentiles of the finite values plus the spreads; `scratch` as in percentilesWithCounts. */
export function anisotropySummary(
  values: ArrayLike<number> | Float32Array,
  scratch?: Float32Array | Float64Array,
): AnisotropySummary {
  const result = percentilesWithCounts(values, scratch);
  return { ...result, ...anisotropyFromPercentiles(result.percentiles) };
}
