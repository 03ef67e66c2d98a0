// Adapter: a run's history (BoundedSeries points of the training store) → the plain arrays the
// Figure-1 chart draws. Keeps only the last run of increasing steps (a reset starts the chart again);
// NaN (a diverged run, or the empty field before the first step) stays NaN and becomes a gap.

import type { Percentiles } from '../../stats/percentiles';
import { decadeDomain, positiveExtent } from './log-axis';

export const ALR_KEYS = ['min', 'p1', 'p25', 'p50', 'p75', 'p99', 'max'] as const;
export type AlrKey = (typeof ALR_KEYS)[number];

/** `seedLo`/`seedHi`: several seeds, the min–max range of the median over them (NaN where none). */
export type AlrSeries = { steps: number[]; seedLo?: number[]; seedHi?: number[] } & Record<AlrKey, number[]>;

export interface AlrPoint {
  step: number;
  /** Several seeds: `alr` holds their geometric means, `seeds.alrMedian` the median's range. */
  value: { alr: Percentiles; seeds?: { alrMedian: [number, number] } };
}

/** Index where the last strictly increasing run of steps begins. */
export function lastIncreasingStart(steps: ArrayLike<number>): number {
  let start = 0;
  for (let i = 1; i < steps.length; i++) {
    if (!((steps[i] as number) > (steps[i - 1] as number))) start = i;
  }
  return start;
}

export function alrSeries(points: readonly AlrPoint[]): AlrSeries {
  const start = lastIncreasingStart(points.map((p) => p.step));
  const out: AlrSeries = { steps: [], min: [], p1: [], p25: [], p50: [], p75: [], p99: [], max: [] };
  for (let i = start; i < points.length; i++) {
    const p = points[i] as AlrPoint;
    out.steps.push(p.step);
    for (const k of ALR_KEYS) out[k].push(p.value.alr[k]);
    const range = p.value.seeds?.alrMedian;
    if (range) {
      out.seedLo ??= Array(out.steps.length - 1).fill(Number.NaN);
      out.seedHi ??= Array(out.steps.length - 1).fill(Number.NaN);
    }
    out.seedLo?.push(range?.[0] ?? Number.NaN);
    out.seedHi?.push(range?.[1] ?? Number.NaN);
  }
  return out;
}

/** Positive, finite extent of the drawn percentiles (min … max) plus any extra values (the bounds). */
export function alrExtent(
  series: readonly AlrSeries[],
  extra: readonly number[] = [],
): [number, number] | null {
  const values: number[] = [...extra];
  for (const s of series) values.push(...s.min, ...s.max, ...s.p25, ...s.p75);
  return positiveExtent(values);
}

/** One log y-domain for several runs (both panels share one y-axis), bounds included. */
export function sharedAlrDomain(series: readonly AlrSeries[], bounds: readonly number[]): [number, number] {
  return decadeDomain(alrExtent(series, bounds));
}
