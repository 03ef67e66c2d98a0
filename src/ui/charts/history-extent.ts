// The A-LR extent of a run's whole history, kept incrementally: the shared y-domain is asked for on
// every store change (hundreds a second on the loss surfaces), so it must not rescan 2,000 points each
// time. BoundedSeries counts its pushes; a new series (reset, new scene) starts a new entry.

import type { Percentiles } from '../../stats/percentiles';
import { ALR_KEYS } from './alr-series';

interface SeriesLike {
  readonly pushes: number;
  readonly latest: { value: { alr: Percentiles } } | undefined;
  forEach(visit: (step: number, value: { alr: Percentiles }) => void): void;
}

interface Entry {
  pushes: number;
  lo: number;
  hi: number;
}

const cache = new WeakMap<object, Entry>();

function fold(entry: Entry, alr: Percentiles): void {
  for (const k of ALR_KEYS) {
    const v = alr[k];
    if (v > 0 && v < Infinity) {
      if (v < entry.lo) entry.lo = v;
      if (v > entry.hi) entry.hi = v;
    }
  }
}

/** Finite positive [min, max] of every percentile ever pushed to the series; null when none. */
export function historyAlrExtent(series: SeriesLike): [number, number] | null {
  let entry = cache.get(series);
  if (!entry || series.pushes < entry.pushes || series.pushes > entry.pushes + 1) {
    // First look, or points we did not see: scan what the series holds.
    entry = { pushes: series.pushes, lo: Infinity, hi: -Infinity };
    const e = entry;
    series.forEach((_, value) => {
      fold(e, value.alr);
    });
    cache.set(series, entry);
  } else if (series.pushes === entry.pushes + 1) {
    const latest = series.latest;
    if (latest) fold(entry, latest.value.alr);
    entry.pushes = series.pushes;
  }
  return entry.lo <= entry.hi ? [entry.lo, entry.hi] : null;
}
