// Adapter: every run's history → the plain series the loss / accuracy chart draws, and the choice of
// its loss axis (log when the losses span more than a decade). A diverged run's series ends at its
// divergence step, and non-finite values become gaps, so no NaN reaches a path or an axis.

import { lastIncreasingStart } from './alr-series';
import { positiveExtent } from './log-axis';

export interface CurvePoint {
  step: number;
  value: {
    trainLoss: number;
    testLoss?: number;
    accuracy?: number;
    /** Several seeds: the values above are means, these their min–max range (state/seed-history.ts). */
    seeds?: { trainLoss: [number, number]; testLoss?: [number, number]; accuracy?: [number, number] };
  };
}

/** Lower and upper edge of a seed band, per point (NaN where there is none). */
export interface Band {
  lo: number[];
  hi: number[];
}

export interface CurveRun {
  runId: string;
  label: string;
  color: string;
  divergedAt: number | null;
  steps: number[];
  train: number[];
  test: number[];
  accuracy: number[];
  /** Where to mark the divergence: the step and the last finite training loss before it. */
  divergence: { step: number; loss: number } | null;
  /** Several seeds: the min–max band around each mean line; null for a single seed. */
  bands: { train: Band; test: Band; accuracy: Band } | null;
}

export interface CurveRunInfo {
  runId: string;
  label: string;
  color: string;
  divergedAt: number | null;
}

const finiteOrNaN = (v: number | undefined): number => (v !== undefined && Number.isFinite(v) ? v : NaN);

export function curveRun(points: readonly CurvePoint[], info: CurveRunInfo): CurveRun {
  const start = lastIncreasingStart(points.map((p) => p.step));
  const run: CurveRun = {
    ...info,
    steps: [],
    train: [],
    test: [],
    accuracy: [],
    divergence: null,
    bands: null,
  };
  const band = (): Band => ({ lo: [], hi: [] });
  const bands = { train: band(), test: band(), accuracy: band() };
  const pushBand = (b: Band, range: [number, number] | undefined) => {
    b.lo.push(finiteOrNaN(range?.[0]));
    b.hi.push(finiteOrNaN(range?.[1]));
  };
  let lastLoss = NaN;
  for (let i = start; i < points.length; i++) {
    const p = points[i] as CurvePoint;
    if (info.divergedAt !== null && p.step > info.divergedAt) break;
    run.steps.push(p.step);
    const loss = finiteOrNaN(p.value.trainLoss);
    run.train.push(loss);
    run.test.push(finiteOrNaN(p.value.testLoss));
    run.accuracy.push(finiteOrNaN(p.value.accuracy));
    const seeds = p.value.seeds;
    if (seeds) run.bands = bands;
    pushBand(bands.train, seeds?.trainLoss);
    pushBand(bands.test, seeds?.testLoss);
    pushBand(bands.accuracy, seeds?.accuracy);
    if (!Number.isNaN(loss)) lastLoss = loss;
  }
  if (info.divergedAt !== null) run.divergence = { step: info.divergedAt, loss: lastLoss };
  return run;
}

export interface AxisChoice {
  type: 'log' | 'linear';
  domain: [number, number];
}

/** Log when no finite loss is negative and the positive ones span more than a decade; else linear. */
export function lossAxis(runs: readonly CurveRun[]): AxisChoice {
  const values: number[] = [];
  for (const r of runs) {
    // A diverged run's last losses can reach 1e35 before NaN: it leaves through the top of the axis
    // (marked there) instead of squashing every other curve, once above 100× its first loss.
    const first = r.train.find((v) => Number.isFinite(v));
    const cap = r.divergence !== null && first !== undefined ? 100 * Math.abs(first) : Infinity;
    for (const v of r.train) if (Number.isFinite(v) && v <= cap) values.push(v);
    for (const v of r.test) if (Number.isFinite(v) && v <= cap) values.push(v);
    // The seed bands stay inside the axis too.
    for (const b of r.bands ? [r.bands.train, r.bands.test] : [])
      for (const v of [...b.lo, ...b.hi]) if (Number.isFinite(v) && v <= cap) values.push(v);
  }
  if (values.length === 0) return { type: 'linear', domain: [0, 1] };
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const positive = positiveExtent(values);
  // Exact zeros (a surface's minimum reached in float32) do not stop a log axis: they sit on its floor.
  if (lo >= 0 && positive && positive[1] / positive[0] > 10) {
    return { type: 'log', domain: [positive[0] / 1.2, positive[1] * 1.2] };
  }
  const span = hi - lo;
  const pad = span > 0 ? span * 0.06 : Math.max(Math.abs(hi) * 0.1, 1e-3);
  // Losses are usually ≥ 0: do not pad below 0 when the data does not go there.
  const low = lo >= 0 ? Math.max(0, lo - pad) : lo - pad;
  return { type: 'linear', domain: [low, hi + pad] };
}

export function hasAccuracy(runs: readonly CurveRun[]): boolean {
  return runs.some((r) => r.accuracy.some((v) => Number.isFinite(v)));
}

export function hasTestLoss(runs: readonly CurveRun[]): boolean {
  return runs.some((r) => r.test.some((v) => Number.isFinite(v)));
}
