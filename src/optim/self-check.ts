// The optimizers checked on whatever backend is running, in the user's own browser: the golden
// trajectories, a slice of the verification grid against the float64 reference, and a softplus
// stress case (β·√v in the thousands). Async reads only, so it is safe on WebGPU.

import * as tf from '@tensorflow/tfjs-core';
import { fusedKernelAvailable } from './fused/kernel';
import { type GoldenFile, maxAbsDiff, maxRelDiff, specOfGoldenCase } from './golden';
import { referenceTrajectory, rosenbrockGradient64 } from './reference';
import { type OptimizerSpec, resolveSpec } from './spec';
import { type Problem, runTrajectory } from './trajectory';

export interface SelfCheckCase {
  id: string;
  maxParamAbsErr: number;
  maxAlrRelErr: number;
  passed: boolean;
}

export interface SelfCheckReport {
  backend: string;
  passed: boolean;
  cases: SelfCheckCase[];
  /** tf.memory().numTensors after minus before the check (must be 0). */
  tensorsLeaked: number;
  /** Whether the optimizer ran the backend's fused update kernel (else per-variable tf ops). */
  fusedKernel: boolean;
}

/** Issue #2's tolerances: float32 params within 1e-4 absolute, A-LR within 1e-4 relative. */
export const PARAM_TOLERANCE = 1e-4;
export const ALR_TOLERANCE = 1e-4;

interface Expected {
  params: number[][];
  alr: number[][];
}

interface CheckPlan {
  id: string;
  spec: OptimizerSpec;
  problem: Problem;
  steps: number;
  expected: Expected[];
}

const ROSENBROCK: Problem = { kind: 'rosenbrock', x0: [-1.5, 2] };

/** Gradients of scale 100 on every coordinate: with β = 100, β·√v reaches 1e4 and e^{β√v} overflows. */
function largeGradients(steps: number): number[][] {
  return Array.from({ length: steps }, (_, k) => [100, -250, 80 + k, 400 * (k % 2 ? 1 : -1)]);
}

function fromReference(spec: OptimizerSpec, problem: Problem, steps: number): Expected {
  const gradientAt =
    problem.kind === 'fixed'
      ? (_x: Float64Array, k: number) => problem.grads[k] ?? []
      : (x: Float64Array) => rosenbrockGradient64(x);
  return referenceTrajectory(spec, problem.x0, gradientAt, steps);
}

async function plans(): Promise<CheckPlan[]> {
  const golden = (await import('./golden-public.fixture.json')).default as unknown as GoldenFile;
  const out: CheckPlan[] = [];
  for (const c of golden.cases) {
    const problem = golden.problems[c.problem];
    if (!problem) continue;
    out.push({
      id: `golden ${c.id}`,
      spec: specOfGoldenCase(c),
      problem: { kind: 'fixed', x0: problem.x0, grads: problem.grads },
      steps: problem.steps,
      expected: [c.float32, c.float64],
    });
  }
  const seq8 = golden.problems.seq8;
  const gridSlice: [OptimizerSpec, Problem, number][] = [
    [resolveSpec({ name: 'samsgrad', lr: 0.1, softplusBeta: 100, weightDecay: 5e-4 }), ROSENBROCK, 200],
    [resolveSpec({ name: 'amsgrad', lr: 0.1, eps: 1e-3, convention: 'textbook' }), ROSENBROCK, 200],
    [
      resolveSpec({ name: 'sadam', lr: 1e-3, softplusBeta: 1, convention: 'textbook', weightDecay: 5e-4 }),
      ROSENBROCK,
      200,
    ],
    [resolveSpec({ name: 'yogi', lr: 1e-2 }), ROSENBROCK, 200],
    [
      resolveSpec({ name: 'sadam', softplusBeta: 100 }),
      { kind: 'fixed', x0: [1, -1, 0.5, 2], grads: largeGradients(20) },
      20,
    ],
  ];
  if (seq8) {
    const fixed: Problem = { kind: 'fixed', x0: seq8.x0, grads: seq8.grads };
    gridSlice.push(
      [resolveSpec({ name: 'padam', lr: 1e-2 }), fixed, seq8.steps],
      [resolveSpec({ name: 'adabound', lr: 1e-3 }), fixed, seq8.steps],
      [resolveSpec({ name: 'amsbound', lr: 1e-3 }), fixed, seq8.steps],
      [resolveSpec({ name: 'rmsprop', lr: 1e-3, weightDecay: 5e-4 }), fixed, seq8.steps],
      [resolveSpec({ name: 'adagrad', lr: 1e-2 }), fixed, seq8.steps],
      [resolveSpec({ name: 'sgdm', lr: 1e-3 }), fixed, seq8.steps],
    );
  }
  for (const [spec, problem, steps] of gridSlice) {
    const where = problem.kind === 'rosenbrock' ? 'rosenbrock' : `fixed ${problem.x0.length}-d`;
    const extra = spec.name.startsWith('sa') ? `β=${spec.softplusBeta}` : `ε=${spec.eps}`;
    out.push({
      id: `${where} ${spec.name} ${spec.convention} lr=${spec.lr} ${extra} wd=${spec.weightDecay}`,
      spec,
      problem,
      steps,
      expected: [fromReference(spec, problem, steps)],
    });
  }
  return out;
}

async function check(plan: CheckPlan): Promise<SelfCheckCase> {
  const run = await runTrajectory(plan.spec, plan.problem, plan.steps);
  let maxParamAbsErr = 0;
  let maxAlrRelErr = 0;
  for (const expected of plan.expected) {
    for (let k = 0; k < plan.steps; k++) {
      maxParamAbsErr = Math.max(maxParamAbsErr, maxAbsDiff(run.params[k] ?? [], expected.params[k] ?? []));
      maxAlrRelErr = Math.max(maxAlrRelErr, maxRelDiff(run.alr[k] ?? [], expected.alr[k] ?? []));
    }
  }
  const complete = run.params.length === plan.steps;
  const passed = complete && maxParamAbsErr < PARAM_TOLERANCE && maxAlrRelErr < ALR_TOLERANCE;
  return { id: plan.id, maxParamAbsErr, maxAlrRelErr, passed };
}

/** Runs the optimizers on the current tfjs backend against the golden / float64 reference. */
export async function runSelfCheck(): Promise<SelfCheckReport> {
  await tf.ready();
  const before = tf.memory().numTensors;
  const cases: SelfCheckCase[] = [];
  for (const plan of await plans()) cases.push(await check(plan));
  const tensorsLeaked = tf.memory().numTensors - before;
  return {
    backend: tf.getBackend(),
    passed: tensorsLeaked === 0 && cases.every((c) => c.passed),
    cases,
    tensorsLeaked,
    fusedKernel: fusedKernelAvailable(),
  };
}
