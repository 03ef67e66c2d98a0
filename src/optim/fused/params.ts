// The scalars of one fused optimizer update (docs/ARCHITECTURE.md, "Optimizer rules and their kernels"): every rule of RULES reduced to one
// arithmetic template, so that each backend's kernel is a single loop or shader with no branches on
// the rule's name. Computed in float64 here; kernels receive them as float32 uniforms, which is why
// 1 − β1 and 1 − β2 are passed already subtracted (1 − 0.999 in float32 is off by 1.3e-5 relative).
// Plain TypeScript: no tfjs.

import { type Rule, secondMomentCorrection, stepBounds, stepFactor, usesTextbookForm } from '../rules';
import type { OptimizerSpec } from '../spec';

/** How v is updated: v' = a2·v + b2·g² ('linear'), Yogi's v' = v − b2·sign(v − g²)·g², or untouched. */
export const SECOND_MOMENT_MODE = { linear: 0, yogi: 1, none: 2 } as const;

/** The denominator d(r) of the A-LR 1/d(r), r = √(v̂·vhatScale). */
export const DENOMINATOR_MODE = { sqrtEps: 0, softplus: 1, power: 2, one: 3 } as const;

/**
 * One step of every rule, per element, in this order (all arithmetic in float32 on the device):
 *   g  ← g + weightDecay·x
 *   m' ← a1·m + b1·g
 *   v' ← a2·v + b2·g²                       (secondMode linear)
 *        v − b2·sign(v − g²)·g²             (secondMode yogi)
 *        v                                  (secondMode none)
 *   v̂ ← ams ? max(vmax, v') : v'            (vmax' = v̂ when ams)
 *   r  ← √(v̂·vhatScale)
 *   d  ← r + eps | softplus_β(r) = (y + log1p(e^{−y}))/β with y = β·r | (r + eps)^power | 1
 *   α  ← 1/d, clipped into [lower, upper] when bounded
 *   x' ← x − stepFactor·m'·α
 * The A-LR the views show is α (before stepFactor).
 */
export interface FusedParams {
  weightDecay: number;
  a1: number;
  b1: number;
  secondMode: (typeof SECOND_MOMENT_MODE)[keyof typeof SECOND_MOMENT_MODE];
  a2: number;
  b2: number;
  /** 1 when a running max of v feeds the denominator (AMSGrad family): vmax is an input and an output. */
  ams: 0 | 1;
  denominator: (typeof DENOMINATOR_MODE)[keyof typeof DENOMINATOR_MODE];
  /** Multiplies v̂ under the root: 1/(1 − β2^t) in the textbook convention, else 1. */
  vhatScale: number;
  eps: number;
  softplusBeta: number;
  /** Padam's exponent 2p. */
  power: number;
  /** 1 when α is clipped (AdaBound/AMSBound); lower/upper are then finite. */
  bounded: 0 | 1;
  lower: number;
  upper: number;
  stepFactor: number;
}

/** The fused-update scalars of `rule` at step t ≥ 1, matching update-ops.ts's applyUpdate exactly. */
export function fusedParams(rule: Rule, spec: OptimizerSpec, t: number): FusedParams {
  const factor = stepFactor(rule, spec, t);
  const clip = rule.bounded && factor !== 0;
  const bounds = clip ? stepBounds(spec, t) : { lower: 0, upper: 0 };
  return {
    weightDecay: Math.max(spec.weightDecay, 0),
    ...firstMoment(rule, spec),
    ...secondMoment(rule, spec),
    ams: rule.ams ? 1 : 0,
    denominator: denominatorMode(rule),
    vhatScale: usesTextbookForm(rule, spec) ? 1 / secondMomentCorrection(spec, t) : 1,
    eps: spec.eps,
    softplusBeta: spec.softplusBeta,
    power: 2 * spec.partial,
    bounded: clip ? 1 : 0,
    lower: clip ? bounds.lower / factor : 0,
    upper: clip ? bounds.upper / factor : 0,
    stepFactor: factor,
  };
}

function firstMoment(rule: Rule, spec: OptimizerSpec): { a1: number; b1: number } {
  if (rule.firstMoment === 'ema') return { a1: spec.beta1, b1: 1 - spec.beta1 };
  if (rule.firstMoment === 'momentum') return { a1: spec.beta1, b1: 1 };
  return { a1: 0, b1: 1 };
}

function secondMoment(rule: Rule, spec: OptimizerSpec): Pick<FusedParams, 'secondMode' | 'a2' | 'b2'> {
  switch (rule.secondMoment) {
    case 'ema':
      return { secondMode: SECOND_MOMENT_MODE.linear, a2: spec.beta2, b2: 1 - spec.beta2 };
    case 'sum':
      return { secondMode: SECOND_MOMENT_MODE.linear, a2: 1, b2: 1 };
    case 'yogi':
      return { secondMode: SECOND_MOMENT_MODE.yogi, a2: 1, b2: 1 - spec.beta2 };
    case 'none':
      return { secondMode: SECOND_MOMENT_MODE.none, a2: 1, b2: 0 };
  }
}

function denominatorMode(rule: Rule): FusedParams['denominator'] {
  switch (rule.denominator) {
    case 'sqrt-eps':
      return DENOMINATOR_MODE.sqrtEps;
    case 'softplus':
      return DENOMINATOR_MODE.softplus;
    case 'padam':
      return DENOMINATOR_MODE.power;
    case 'one':
      return DENOMINATOR_MODE.one;
    case 'custom':
      // A formula has no fused template: CalibratedOptimizer keeps such a rule on tf ops.
      throw new Error('the custom φ rule has no fused kernel; it runs as tf ops');
  }
}
