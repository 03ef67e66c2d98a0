// The φ view's geometry (pure): every run's φ(z) on shared log axes (A-LR = 1/φ(z), z the root the
// denominator reads), the z quantiles its coordinates sit at, and the A-LR band that follows.
// The snapshot carries the A-LR percentiles; for a non-decreasing φ each one maps back to exactly one z
// (z = φ⁻¹(1/A-LR)), so the view needs no extra field from the engine. A φ with no z information
// (SGD-momentum's φ ≡ 1) or one that is not monotone gets no z marks, but still its band.

import { flatStart, invertPhi, isNonDecreasing, phiFunction } from '../../optim/phi';
import type { OptimizerSpec } from '../../optim/spec';
import type { Percentiles } from '../../stats/percentiles';
import { decadeDomain, positiveExtent } from './log-axis';

export interface PhiViewRun {
  runId: string;
  label: string;
  color: string;
  spec: OptimizerSpec;
  step: number;
  alr: Percentiles;
}

/** z quantiles of a run's coordinates (0 where √v is 0, e.g. weights that never saw a gradient). */
export interface ZMarks extends Percentiles {
  /**
   * Where a flat start of φ ends (0 if none): a weight shown at z = 0 may sit anywhere below it, since
   * its A-LR 1/φ(0) is the same (max(z, 1e-2) is flat up to 1e-2).
   */
  flatBelow: number;
}

export interface PhiCurve {
  runId: string;
  label: string;
  color: string;
  /** φ sampled on the shared z grid (finite, positive points only). */
  points: [number, number][];
  marks: ZMarks | null;
  /** The run's A-LR range and the φ range it comes from (φ = 1/A-LR); null before the first step. */
  band: { alrMin: number; alrMax: number; phiLow: number; phiHigh: number; decades: number } | null;
}

export interface PhiViewData {
  zDomain: [number, number];
  phiDomain: [number, number];
  curves: PhiCurve[];
}

const SAMPLES = 160;

function logGrid(lo: number, hi: number, n: number): number[] {
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  return Array.from({ length: n }, (_, i) => 10 ** (a + ((b - a) * i) / (n - 1)));
}

function bandOf(alr: Percentiles): PhiCurve['band'] {
  const { min, max } = alr;
  if (!(min > 0 && max >= min && Number.isFinite(max))) return null;
  return { alrMin: min, alrMax: max, phiLow: 1 / max, phiHigh: 1 / min, decades: Math.log10(max / min) };
}

/** A-LR percentiles → z quantiles (a larger A-LR is a smaller φ, so the order flips). */
function marksOf(phi: (z: number) => number, alr: Percentiles, probe: number[]): ZMarks | null {
  if (!(alr.min > 0 && Number.isFinite(alr.max))) return null;
  if (!isNonDecreasing(phi, [0, ...probe])) return null;
  // No z information: φ does not move over the range (SGD-momentum).
  if (phi(0) === phi(probe[probe.length - 1] as number)) return null;
  const z = (a: number) => invertPhi(phi, 1 / a);
  const flat = flatStart(phi);
  return {
    min: z(alr.max),
    p1: z(alr.p99),
    p25: z(alr.p75),
    p50: z(alr.p50),
    p75: z(alr.p25),
    p99: z(alr.p1),
    max: z(alr.min),
    // Below 1e-12 (the view's left edge at most) a flat start is float32 rounding, not φ's shape.
    flatBelow: flat < 1e-12 ? 0 : flat,
  };
}

export function phiView(runs: readonly PhiViewRun[]): PhiViewData {
  const probe = logGrid(1e-12, 1e4, 97);
  const partial = runs.map((run) => {
    const phi = phiFunction(run.spec, run.step);
    return { run, phi, marks: phi ? marksOf(phi, run.alr, probe) : null, band: bandOf(run.alr) };
  });
  const zs = partial.flatMap((p) => (p.marks ? Object.values(p.marks) : []));
  const zExtent = positiveExtent(zs);
  const zDomain: [number, number] = [
    Math.max(1e-12, Math.min(1e-9, (zExtent?.[0] ?? 1) / 3)),
    Math.min(1e6, Math.max(10, (zExtent?.[1] ?? 1) * 3)),
  ];
  const grid = logGrid(zDomain[0], zDomain[1], SAMPLES);
  const curves: PhiCurve[] = partial.map(({ run, phi, marks, band }) => ({
    runId: run.runId,
    label: run.label,
    color: run.color,
    points: phi
      ? grid.map((z): [number, number] => [z, phi(z)]).filter(([, v]) => v > 0 && Number.isFinite(v))
      : [],
    marks,
    band,
  }));
  const phis = curves.flatMap((c) => [
    ...c.points.map(([, v]) => v),
    ...(c.band ? [c.band.phiLow, c.band.phiHigh] : []),
  ]);
  const phiDomain = decadeDomain(positiveExtent(phis), 0.1);
  return { zDomain, phiDomain, curves };
}
