// Every rule's calibration as a function φ of z (the root the denominator reads: √v, √v̂ or √max v),
// in float64 plain TypeScript: A-LR = 1/φ(z) (the unifying view of docs/calibration.md; Tong, Liang & Bi §3).
// The φ view draws these; the tf update in update-ops.ts computes the same denominators on the device.

import { compiledPhi } from './formula/cache';
import { evaluatePhi, stableSoftplus } from './formula/evaluate';
import { RULES, stepBounds, stepFactor } from './rules';
import type { OptimizerSpec } from './spec';

export type Phi = (z: number) => number;

/**
 * φ of `spec`'s rule at step t: z + ε (Adam family, AdaGrad, RMSProp, Yogi), softplus_β(z), (z + ε)^(2p)
 * (Padam), 1 (SGD-momentum), the custom formula, and for AdaBound / AMSBound 1/clip(1/(z + ε), η_l/s, η_u/s)
 * with s the step factor, so that 1/φ is exactly the clipped A-LR at step t (no clip before step 1).
 * Null only if a custom formula cannot be read (a spec never carries one).
 */
export function phiFunction(spec: OptimizerSpec, t: number): Phi | null {
  const rule = RULES[spec.name];
  switch (rule.denominator) {
    case 'one':
      return () => 1;
    case 'softplus': {
      const beta = spec.softplusBeta;
      return (z) => stableSoftplus(beta * z) / beta;
    }
    case 'padam':
      return (z) => (z + spec.eps) ** (2 * spec.partial);
    case 'custom':
      try {
        const parsed = compiledPhi(spec.phi);
        return (z) => evaluatePhi(parsed, z);
      } catch {
        return null;
      }
    default: {
      const factor = t >= 1 ? stepFactor(rule, spec, t) : 0;
      if (!rule.bounded || factor === 0) return (z) => z + spec.eps;
      const { lower, upper } = stepBounds(spec, t);
      const lo = lower / factor;
      const hi = upper / factor;
      return (z) => 1 / Math.min(Math.max(1 / (z + spec.eps), lo), hi);
    }
  }
}

/** Whether φ never decreases over `zs` (ascending): then an A-LR quantile maps back to one z. */
export function isNonDecreasing(phi: Phi, zs: readonly number[]): boolean {
  let previous = Number.NEGATIVE_INFINITY;
  for (const z of zs) {
    const value = phi(z);
    if (!(value >= previous * (1 - 1e-12))) return false;
    previous = value;
  }
  return true;
}

/** A-LRs arrive in float32: a target within a few float32 ulps of φ(0) is φ(0). */
const FLOAT32_SLACK = 1e-6;

/**
 * The z with φ(z) = target for a non-decreasing φ: 0 when φ(0) already reaches it (within float32
 * rounding), `zMax` when φ never
 * does below zMax, else bisection on log z (to 1e-9 relative). On a flat stretch of φ (a clipped
 * AdaBound) it returns a point of that stretch.
 */
export function invertPhi(phi: Phi, target: number, zMin = 1e-16, zMax = 1e6): number {
  if (!(target > 0)) return Number.NaN;
  if (phi(0) >= target * (1 - FLOAT32_SLACK)) return 0;
  if (phi(zMax) < target) return zMax;
  let lo = Math.log(zMin);
  let hi = Math.log(zMax);
  if (phi(zMin) >= target) return zMin;
  for (let i = 0; i < 100 && hi - lo > 1e-9; i++) {
    const mid = (lo + hi) / 2;
    if (phi(Math.exp(mid)) < target) lo = mid;
    else hi = mid;
  }
  return Math.exp(hi);
}

/**
 * The end of a flat start: the largest z with φ(z) = φ(0) (to float32 rounding), 0 when φ rises at once.
 * Below it an A-LR of 1/φ(0) says only "z ≤ this" (e.g. max(z, 1e-2) is flat up to 1e-2).
 */
export function flatStart(phi: Phi, zMin = 1e-16, zMax = 1e6): number {
  const floor = phi(0) * (1 + FLOAT32_SLACK);
  if (!(phi(zMin) <= floor)) return 0;
  if (phi(zMax) <= floor) return zMax;
  let lo = Math.log(zMin);
  let hi = Math.log(zMax);
  for (let i = 0; i < 100 && hi - lo > 1e-9; i++) {
    const mid = (lo + hi) / 2;
    if (phi(Math.exp(mid)) <= floor) lo = mid;
    else hi = mid;
  }
  return Math.exp(lo);
}
