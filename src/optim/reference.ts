// A float64 reference of every rule, written coordinate by coordinate straight from the equations
// (docs/ARCHITECTURE.md, "The update rule"; Tong, Liang & Bi, arXiv 1908.00700, Alg. 1–2) and deliberately sharing no code
// with the tfjs implementation, so that each checks the other. Plain TypeScript: no tfjs, no DOM.

import { evaluatePhi } from './formula/evaluate';
import { parseFormula } from './formula/parse';
import type { OptimizerSpec } from './spec';

export interface ReferenceState {
  /** Steps taken so far. */
  t: number;
  m: Float64Array;
  v: Float64Array;
  /** Running max of the raw v (AMS variants only; zeros otherwise). */
  vmax: Float64Array;
}

export interface ReferenceStepResult {
  /** Parameters after the step. */
  x: Float64Array;
  /** A-LR = 1/denom at this step (AdaBound: the clipped rate divided by the step factor). */
  alr: Float64Array;
  /** Multiplier of the stored first moment: x_{t+1} = x_t − effStep ⊙ m_t. */
  effStep: Float64Array;
}

export function createReferenceState(dim: number): ReferenceState {
  return { t: 0, m: new Float64Array(dim), v: new Float64Array(dim), vmax: new Float64Array(dim) };
}

/** softplus_β(z) = log(1 + e^{βz})/β, evaluated without overflow for any z ≥ 0. */
export function softplus64(z: number, beta: number): number {
  const y = beta * z;
  return (Math.max(y, 0) + Math.log1p(Math.exp(-Math.abs(y)))) / beta;
}

const AMS = new Set(['amsgrad', 'samsgrad', 'padam', 'amsbound']);
const SOFTPLUS = new Set(['sadam', 'samsgrad']);
const BIAS_CORRECTED = new Set([
  'adam',
  'amsgrad',
  'sadam',
  'samsgrad',
  'padam',
  'adabound',
  'amsbound',
  'yogi',
  'custom',
]);

/** One step of `spec.name` on x with raw gradient g; mutates `state`. */
export function referenceStep(
  spec: OptimizerSpec,
  state: ReferenceState,
  x: Float64Array,
  gRaw: Float64Array,
): ReferenceStepResult {
  const { name, lr, beta1, beta2, eps, softplusBeta, weightDecay } = spec;
  const t = ++state.t;
  const biasCorrected = BIAS_CORRECTED.has(name);
  const textbook = spec.convention === 'textbook' && biasCorrected;
  const bc1 = 1 - beta1 ** t;
  const bc2 = 1 - beta2 ** t;
  // Official code folds both bias corrections into the step; textbook puts v̂ in the denominator.
  let stepFactor = lr;
  if (biasCorrected) stepFactor = textbook ? lr / bc1 : (lr * Math.sqrt(bc2)) / bc1;

  const parsedPhi = parseFormula(spec.phi);
  const n = x.length;
  const out = { x: new Float64Array(n), alr: new Float64Array(n), effStep: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    const g = (gRaw[i] as number) + weightDecay * xi;
    let m: number;
    if (name === 'sgdm') m = beta1 * (state.m[i] as number) + g;
    else if (name === 'adagrad' || name === 'rmsprop') m = g;
    else m = beta1 * (state.m[i] as number) + (1 - beta1) * g;

    const vPrev = state.v[i] as number;
    let v: number;
    if (name === 'adagrad') v = vPrev + g * g;
    else if (name === 'yogi') v = vPrev - (1 - beta2) * Math.sign(vPrev - g * g) * g * g;
    else if (name === 'sgdm') v = vPrev;
    else v = beta2 * vPrev + (1 - beta2) * g * g;

    let vv = v;
    if (AMS.has(name)) {
      vv = Math.max(state.vmax[i] as number, v);
      state.vmax[i] = vv;
    }
    const vhat = textbook ? vv / bc2 : vv;

    let alr: number;
    if (name === 'sgdm') alr = 1;
    else if (name === 'custom') alr = 1 / evaluatePhi(parsedPhi, Math.sqrt(vhat));
    else if (SOFTPLUS.has(name)) alr = 1 / softplus64(Math.sqrt(vhat), softplusBeta);
    else if (name === 'padam') alr = 1 / (Math.sqrt(vhat) + eps) ** (2 * spec.partial);
    else alr = 1 / (Math.sqrt(vhat) + eps);

    if (name === 'adabound' || name === 'amsbound') {
      // Luo et al. 2019: the per-coordinate step lr_t/denom is clipped into [η_l(t), η_u(t)].
      const lower = spec.finalLr * (1 - 1 / (spec.gamma * t + 1));
      const upper = spec.finalLr * (1 + 1 / (spec.gamma * t));
      alr = Math.min(Math.max(stepFactor * alr, lower), upper) / stepFactor;
    }

    state.m[i] = m;
    state.v[i] = v;
    out.alr[i] = alr;
    out.effStep[i] = stepFactor * alr;
    out.x[i] = xi - stepFactor * alr * m;
  }
  return out;
}

export interface ReferenceTrajectory {
  /** params[k], alr[k], effStep[k], m[k], v[k]: after step k + 1. */
  params: number[][];
  alr: number[][];
  effStep: number[][];
  m: number[][];
  v: number[][];
}

/** Runs `steps` steps from x0; `gradientAt(x, k)` gives the raw gradient of step k + 1 at x. */
export function referenceTrajectory(
  spec: OptimizerSpec,
  x0: readonly number[],
  gradientAt: (x: Float64Array, k: number) => ArrayLike<number>,
  steps: number,
): ReferenceTrajectory {
  const state = createReferenceState(x0.length);
  let x: Float64Array = Float64Array.from(x0);
  const trajectory: ReferenceTrajectory = { params: [], alr: [], effStep: [], m: [], v: [] };
  for (let k = 0; k < steps; k++) {
    const result = referenceStep(spec, state, x, Float64Array.from(gradientAt(x, k)));
    x = result.x;
    trajectory.params.push(Array.from(x));
    trajectory.alr.push(Array.from(result.alr));
    trajectory.effStep.push(Array.from(result.effStep));
    trajectory.m.push(Array.from(state.m));
    trajectory.v.push(Array.from(state.v));
  }
  return trajectory;
}

/** The exact gradient of Rosenbrock f(x, y) = (1 − x)² + 100 (y − x²)². */
export function rosenbrockGradient64(x: ArrayLike<number>): [number, number] {
  const a = x[0] as number;
  const b = x[1] as number;
  return [-2 * (1 - a) - 400 * a * (b - a * a), 200 * (b - a * a)];
}
