// Types and helpers for the golden trajectories (shared/reference/golden_public.json, copied into
// src/optim/golden-public.fixture.json): an independent float64 implementation cross-checked against
// the authors' PyTorch Sadam class to 1e-11.

import { type OptimizerSpec, resolveSpec } from './spec';

export interface GoldenArrays {
  params: number[][];
  alr: number[][];
}

export interface GoldenCase {
  id: string;
  problem: string;
  optimizer: 'adam' | 'sadam' | 'amsgrad' | 'samsgrad';
  convention: 'official' | 'textbook';
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  softplus_beta: number | null;
  weight_decay: number;
  amsgrad: boolean;
  float64: GoldenArrays & { eff_step: number[][]; m: number[][]; v: number[][] };
  float32: GoldenArrays;
}

export interface GoldenProblem {
  dim: number;
  steps: number;
  x0: number[];
  grads: number[][];
}

export interface GoldenFile {
  problems: Record<string, GoldenProblem>;
  cases: GoldenCase[];
}

export function specOfGoldenCase(c: GoldenCase): OptimizerSpec {
  return resolveSpec({
    name: c.optimizer,
    lr: c.lr,
    beta1: c.beta1,
    beta2: c.beta2,
    eps: c.eps,
    softplusBeta: c.softplus_beta,
    weightDecay: c.weight_decay,
    convention: c.convention,
  });
}

/** Largest |a − b| over a step's arrays. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs((a[i] as number) - (b[i] as number)));
  return Number.isNaN(worst) ? Number.POSITIVE_INFINITY : worst;
}

/** Largest |a − b| / |b|; NaN anywhere counts as infinitely wrong. */
export function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const expected = b[i] as number;
    const err = Math.abs((a[i] as number) - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
    worst = Math.max(worst, Number.isNaN(err) ? Number.POSITIVE_INFINITY : err);
  }
  return worst;
}
