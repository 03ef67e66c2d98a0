// Log-axis helpers shared by the A-LR charts: a domain padded to whole decades (robust to NaN, ≤ 0 and
// a single value), decade ticks (with 2× and 5× when few decades show) and 10ᵏ labels.

import { superscript } from '../superscript';

export { superscript };

/** Extent of the finite, positive values (what a log axis can show); null when there are none. */
export function positiveExtent(values: Iterable<number>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v > 0 && v < Infinity) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/**
 * A log domain around [lo, hi] with whole-decade ends and some headroom (`pad` decades), so a bound
 * exactly at 10⁸ is not drawn on the frame. Falls back to [1, 10] when nothing is positive and finite.
 */
export function decadeDomain(extent: [number, number] | null, pad = 0.15): [number, number] {
  if (!extent) return [1, 10];
  const lo = Math.floor(Math.log10(extent[0]) - pad);
  let hi = Math.ceil(Math.log10(extent[1]) + pad);
  if (hi <= lo) hi = lo + 1;
  return [10 ** lo, 10 ** hi];
}

export interface LogTick {
  value: number;
  label: string;
  /** Whole decades are major ticks (grid line + label); 2× and 5× are minor. */
  major: boolean;
}

/** Ticks of a log axis: every decade (every k-th when many), with 2× and 5× when fewer than 3 decades. */
export function logTicks(domain: [number, number], maxLabels = 8): LogTick[] {
  const lo = Math.log10(Math.min(domain[0], domain[1]));
  const hi = Math.log10(Math.max(domain[0], domain[1]));
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  const first = Math.ceil(lo - 1e-9);
  const last = Math.floor(hi + 1e-9);
  const decades = last - first + 1;
  const every = Math.max(1, Math.ceil(decades / Math.max(1, maxLabels)));
  const ticks: LogTick[] = [];
  // With few decades the 2× and 5× ticks are labelled too: then all labels are plain numbers (0.5, 1, 2).
  const few = decades < 3;
  for (let k = first; k <= last; k++) {
    if ((k - first) % every === 0) {
      ticks.push({ value: 10 ** k, label: few ? formatPlain(10 ** k) : formatDecade(k), major: true });
    }
  }
  if (few) {
    for (let k = Math.floor(lo); k <= last; k++) {
      for (const m of [2, 5]) {
        const v = m * 10 ** k;
        const lv = Math.log10(v);
        if (lv >= lo - 1e-9 && lv <= hi + 1e-9) ticks.push({ value: v, label: formatPlain(v), major: false });
      }
    }
    ticks.sort((a, b) => a.value - b.value);
  }
  return ticks;
}

/** 10ᵏ as text: "10⁸", "10⁻²", "10⁰". */
export function formatDecade(k: number): string {
  return `10${superscript(k)}`;
}

/** A value for a label: plain for 0.01 … 9999, else m·10ᵏ with 2 significant digits. */
export function formatPlain(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a >= 0.01 && a < 1e4) return String(Number(v.toPrecision(3)));
  const k = Math.floor(Math.log10(a));
  const m = Number((v / 10 ** k).toPrecision(2));
  return m === 1 ? formatDecade(k) : `${m}·${formatDecade(k)}`;
}
