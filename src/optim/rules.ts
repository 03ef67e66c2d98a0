// The A-LR rules as data: which moments each keeps and how its denominator calibrates the step.
// Plain TypeScript (no tfjs): the UI lists and explains them, the tfjs update reads the flags.

import { compiledPhi } from './formula/cache';
import { CHECK_Z, evaluatePhi } from './formula/evaluate';
import type { OptimizerName, OptimizerSpec } from './spec';

export interface Rule {
  name: OptimizerName;
  /** How the UI names it (the paper's names). */
  label: string;
  /** 'ema': m = β1·m + (1−β1)·g; 'momentum': m = β1·m + g (heavy ball); 'gradient': m = g (kept for views). */
  firstMoment: 'ema' | 'momentum' | 'gradient';
  /** 'ema': v = β2·v + (1−β2)·g²; 'sum': v += g²; 'yogi': v −= (1−β2)·sign(v − g²)·g²; 'none': v untouched. */
  secondMoment: 'ema' | 'sum' | 'yogi' | 'none';
  /** Denominator from the running max of the raw v (AMSGrad, Reddi et al. 2018). */
  ams: boolean;
  /** 'custom': φ(√v) from the spec's formula (tf ops only: no fused kernel). */
  denominator: 'sqrt-eps' | 'softplus' | 'padam' | 'one' | 'custom';
  /** AdaBound: the step lr_t/denom is clipped into bounds that converge to finalLr. */
  bounded: boolean;
  /** Uses Adam's bias corrections (and so the official/textbook convention applies). */
  biasCorrected: boolean;
  /** The A-LR (1/denom) in one line, and where it comes from. */
  formula: string;
  reference: string;
}

const ADAM_FAMILY = { firstMoment: 'ema', secondMoment: 'ema', bounded: false, biasCorrected: true } as const;

export const RULES: Record<OptimizerName, Rule> = {
  adam: {
    ...ADAM_FAMILY,
    name: 'adam',
    label: 'Adam',
    ams: false,
    denominator: 'sqrt-eps',
    formula: 'A-LR = 1/(√v + ε)',
    reference: 'Kingma & Ba 2015, arXiv 1412.6980',
  },
  amsgrad: {
    ...ADAM_FAMILY,
    name: 'amsgrad',
    label: 'AMSGrad',
    ams: true,
    denominator: 'sqrt-eps',
    formula: 'A-LR = 1/(√v̂ + ε), v̂ = max over steps of v',
    reference: 'Reddi, Kale & Kumar 2018, ICLR',
  },
  sadam: {
    ...ADAM_FAMILY,
    name: 'sadam',
    label: 'Sadam',
    ams: false,
    denominator: 'softplus',
    formula: 'A-LR = 1/softplus_β(√v) ≤ β/ln 2',
    reference: 'Tong, Liang & Bi 2019, arXiv 1908.00700, Alg. 1',
  },
  samsgrad: {
    ...ADAM_FAMILY,
    name: 'samsgrad',
    label: 'SAMSGrad',
    ams: true,
    denominator: 'softplus',
    formula: 'A-LR = 1/softplus_β(√v̂) ≤ β/ln 2, v̂ = max over steps of v',
    reference: 'Tong, Liang & Bi 2019, arXiv 1908.00700, Alg. 2',
  },
  sgdm: {
    name: 'sgdm',
    label: 'S-Momentum',
    firstMoment: 'momentum',
    secondMoment: 'none',
    ams: false,
    denominator: 'one',
    bounded: false,
    biasCorrected: false,
    formula: 'A-LR = 1 (isotropic): x −= lr·m, m = β1·m + g',
    reference: 'Polyak 1964; Sutskever et al. 2013 (torch.optim.SGD momentum)',
  },
  adagrad: {
    name: 'adagrad',
    label: 'AdaGrad',
    firstMoment: 'gradient',
    secondMoment: 'sum',
    ams: false,
    denominator: 'sqrt-eps',
    bounded: false,
    biasCorrected: false,
    formula: 'A-LR = 1/(√Σg² + ε)',
    reference: 'Duchi, Hazan & Singer 2011, JMLR',
  },
  rmsprop: {
    name: 'rmsprop',
    label: 'RMSProp',
    firstMoment: 'gradient',
    secondMoment: 'ema',
    ams: false,
    denominator: 'sqrt-eps',
    bounded: false,
    biasCorrected: false,
    formula: 'A-LR = 1/(√v + ε), v = β2·v + (1−β2)·g², no bias correction',
    reference: 'Tieleman & Hinton 2012, Coursera lecture 6.5',
  },
  padam: {
    ...ADAM_FAMILY,
    name: 'padam',
    label: 'Padam',
    ams: true,
    denominator: 'padam',
    formula: 'A-LR = 1/(√v̂ + ε)^(2p), p = 1/8 by default',
    reference: 'Chen & Gu 2018, arXiv 1806.06763 (partially adaptive)',
  },
  adabound: {
    ...ADAM_FAMILY,
    name: 'adabound',
    label: 'AdaBound',
    ams: false,
    denominator: 'sqrt-eps',
    bounded: true,
    formula: 'A-LR = clip(lr_t/(√v + ε), η_l(t), η_u(t)) / lr_t, bounds → finalLr',
    reference: 'Luo, Xiong, Liu & Sun 2019, ICLR',
  },
  amsbound: {
    ...ADAM_FAMILY,
    name: 'amsbound',
    label: 'AMSBound',
    ams: true,
    denominator: 'sqrt-eps',
    bounded: true,
    formula: 'A-LR = clip(lr_t/(√v̂ + ε), η_l(t), η_u(t)) / lr_t, v̂ = max of v',
    reference: 'Luo, Xiong, Liu & Sun 2019, ICLR',
  },
  yogi: {
    ...ADAM_FAMILY,
    name: 'yogi',
    label: 'Yogi',
    secondMoment: 'yogi',
    ams: false,
    denominator: 'sqrt-eps',
    formula: 'A-LR = 1/(√v + ε), v −= (1−β2)·sign(v − g²)·g² (additive, not multiplicative)',
    reference: 'Zaheer, Reddi, Sachan, Kale & Kumar 2018, NeurIPS',
  },
  custom: {
    ...ADAM_FAMILY,
    name: 'custom',
    label: 'Custom φ',
    ams: false,
    denominator: 'custom',
    formula: 'A-LR = 1/φ(√v), φ your own formula in z',
    reference: 'Tong, Liang & Bi 2019, arXiv 1908.00700, §3 (the A-LR as 1/φ(√v))',
  },
};

/** Whether v̂ = v/(1−β2^t) enters the denominator (Kingma–Ba form) rather than the step. */
export function usesTextbookForm(rule: Rule, spec: OptimizerSpec): boolean {
  return rule.biasCorrected && spec.convention === 'textbook';
}

/**
 * The scalar that multiplies m ⊙ A-LR at step t (t ≥ 1), computed in float64:
 * official lr·√(1−β2^t)/(1−β1^t) (bias corrections folded into the step, as the authors' code does),
 * textbook lr/(1−β1^t) (m̂ = m/(1−β1^t)), and plain lr for rules without bias correction.
 */
export function stepFactor(rule: Rule, spec: OptimizerSpec, t: number): number {
  if (!rule.biasCorrected) return spec.lr;
  const bc1 = 1 - spec.beta1 ** t;
  if (usesTextbookForm(rule, spec)) return spec.lr / bc1;
  return (spec.lr * Math.sqrt(1 - spec.beta2 ** t)) / bc1;
}

/** 1 − β2^t: divides v in the textbook form. */
export function secondMomentCorrection(spec: OptimizerSpec, t: number): number {
  return 1 - spec.beta2 ** t;
}

/** AdaBound's bounds on the per-coordinate step at step t (Luo et al. 2019, official code). */
export function stepBounds(spec: OptimizerSpec, t: number): { lower: number; upper: number } {
  return {
    lower: spec.finalLr * (1 - 1 / (spec.gamma * t + 1)),
    upper: spec.finalLr * (1 + 1 / (spec.gamma * t)),
  };
}

/** The largest A-LR a rule can reach: 1/ε, β/ln 2 (softplus floor ln 2/β), ε^(−2p), or 1. */
export function adaptiveRateCeiling(spec: OptimizerSpec): number {
  const rule = RULES[spec.name];
  switch (rule.denominator) {
    case 'softplus':
      return spec.softplusBeta / Math.LN2;
    case 'padam':
      return spec.eps ** (-2 * spec.partial);
    case 'one':
      return 1;
    case 'custom': {
      // The largest 1/φ over the sampled z (exact for a monotone φ, whose smallest value is φ(0)).
      const phi = compiledPhi(spec.phi);
      return Math.max(...CHECK_Z.map((z) => 1 / evaluatePhi(phi, z)));
    }
    default:
      return 1 / spec.eps;
  }
}
