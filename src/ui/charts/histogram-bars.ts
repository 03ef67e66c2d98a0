// Adapter: the snapshot's fixed-edge log10 histogram of the A-LR field → bars (non-empty bins only)
// as shares of all parameters, plus what fell outside the axis.

import type { LogHistogram } from '../../stats/histogram';

export interface HistogramBars {
  /** log10 of each bar's left and right edge. */
  lo: number[];
  hi: number[];
  /** Share of all parameters in the bar (0…1). */
  share: number[];
  total: number;
  /** Counted but not drawable as bars: below / above the edges, ≤ 0, NaN or ±∞. */
  outside: { underflow: number; overflow: number; zeros: number; nonFinite: number };
}

export function histogramBars(h: LogHistogram): HistogramBars {
  let total = h.underflow + h.overflow + h.zeros + h.nonFinite;
  for (let i = 0; i < h.counts.length; i++) total += h.counts[i] as number;
  const bars: HistogramBars = {
    lo: [],
    hi: [],
    share: [],
    total,
    outside: { underflow: h.underflow, overflow: h.overflow, zeros: h.zeros, nonFinite: h.nonFinite },
  };
  for (let i = 0; i < h.counts.length; i++) {
    const c = h.counts[i] as number;
    if (c === 0) continue;
    bars.lo.push(h.edgesLog10[i] as number);
    bars.hi.push(h.edgesLog10[i + 1] as number);
    bars.share.push(total > 0 ? c / total : 0);
  }
  return bars;
}

/** Extent in A-LR units (10^edge) of the non-empty bars; null when there are none. */
export function barsExtent(bars: HistogramBars): [number, number] | null {
  if (bars.lo.length === 0) return null;
  return [10 ** (bars.lo[0] as number), 10 ** (bars.hi[bars.hi.length - 1] as number)];
}

/** A short note on what the bars leave out, e.g. "12 NaN/∞ · 3 above 10¹⁰"; '' when nothing. */
export function outsideNote(bars: HistogramBars, edges: { minExp: number; maxExp: number }): string {
  const parts: string[] = [];
  const o = bars.outside;
  if (o.nonFinite) parts.push(`${o.nonFinite} NaN/∞`);
  if (o.overflow) parts.push(`${o.overflow} ≥ 1e${edges.maxExp}`);
  if (o.underflow) parts.push(`${o.underflow} < 1e${edges.minExp}`);
  if (o.zeros) parts.push(`${o.zeros} ≤ 0`);
  return parts.join(' · ');
}
