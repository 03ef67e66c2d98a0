// One point of a run's history over several seeds (issue #15, docs/seeds.md): the mean that the charts
// draw as the line, and the band around it — the seed-to-seed range, min to max (the legends say so).
// Losses and accuracy are arithmetic means; the A-LR percentiles, which span decades and are drawn on
// a log axis, are geometric means (the mean of log10). The spread math is stats/spread.ts's.
// No tfjs here.

import type { Percentiles } from '../stats/percentiles';
import { type Spread, spreadOf } from '../stats/spread';

/** [min, max] over the seeds that have a finite value. */
export type SeedRange = [number, number];

/** The seed-to-seed band of one history point; the point's own values are the means. */
export interface SeedBand {
  /** Seeds averaged (a diverged seed's NaN is left out of the mean and the range). */
  n: number;
  trainLoss: SeedRange;
  testLoss?: SeedRange;
  accuracy?: SeedRange;
  /** The range of the pooled A-LR median (p50) over the seeds. */
  alrMedian: SeedRange;
}

/** One point of a run's chart history: the step's numbers (over several seeds, their means). */
export interface HistoryPoint {
  trainLoss: number;
  testLoss?: number;
  accuracy?: number;
  alr: Percentiles;
  /** Several seeds: the values above are their means, and this is their range. */
  seeds?: SeedBand;
}

const range = (s: Spread): SeedRange => [s.min, s.max];

const PERCENTILE_KEYS = ['min', 'p1', 'p25', 'p50', 'p75', 'p99', 'max'] as const;

/** Geometric mean over the seeds of one A-LR percentile (zero and NaN left out; NaN if none is left). */
function geometricMean(values: readonly number[]): number {
  const s = spreadOf(values.map((v) => (v > 0 ? Math.log10(v) : Number.NaN)));
  return s.n === 0 ? Number.NaN : 10 ** s.mean;
}

/**
 * The history point of one run over its seeds at one step: `points[k]` is seed k's own point (from
 * `historyPoint`). The test loss and accuracy are averaged only when every seed has one (the seeds are
 * evaluated together, so they either all have it or none does).
 */
export function seedHistoryPoint(points: readonly HistoryPoint[]): HistoryPoint {
  const train = spreadOf(points.map((p) => p.trainLoss));
  const allHave = (pick: (p: HistoryPoint) => number | undefined) =>
    points.length > 0 && points.every((p) => pick(p) !== undefined);
  const test = allHave((p) => p.testLoss) ? spreadOf(points.map((p) => p.testLoss as number)) : null;
  const accuracy = allHave((p) => p.accuracy) ? spreadOf(points.map((p) => p.accuracy as number)) : null;
  const alr = Object.fromEntries(
    PERCENTILE_KEYS.map((k) => [k, geometricMean(points.map((p) => p.alr[k]))]),
  ) as unknown as Percentiles;
  const median = spreadOf(points.map((p) => p.alr.p50));
  return {
    trainLoss: train.mean,
    ...(test ? { testLoss: test.mean } : {}),
    ...(accuracy ? { accuracy: accuracy.mean } : {}),
    alr,
    seeds: {
      n: train.n,
      trainLoss: range(train),
      ...(test ? { testLoss: range(test) } : {}),
      ...(accuracy ? { accuracy: range(accuracy) } : {}),
      alrMedian: range(median),
    },
  };
}
