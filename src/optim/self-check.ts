// The optimizers checked on whatever backend is running, in the user's own browser: the golden
// trajectories, a slice of the verification grid against the float64 reference, and a softplus
// stress case (β·√v in the thousands), every rule at least once; it reports whether the steps ran the
// backend's fused update kernel and whether a live optimizer's tensor count stays flat over many steps.
// Async reads only, so it is safe on WebGPU.

import * as tf from '@tensorflow/tfjs-core';
import { fusedUpdateCount } from './fused/kernel';
import { type GoldenFile, maxAbsDiff, maxRelDiff, specOfGoldenCase } from './golden';
import { createOptimizer } from './index';
import { referenceTrajectory, rosenbrockGradient64 } from './reference';
import type { SelfCheckCase, SelfCheckReport } from './self-check-types';
import { type OptimizerSpec, resolveSpec } from './spec';
import { type Problem, runTrajectory } from './trajectory';

export type { SelfCheckCase, SelfCheckReport } from './self-check-types';

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
    [resolveSpec({ name: 'rmsprop', lr: 1e-3, weightDecay: 5e-4 }), ROSENBROCK, 200],
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
      [
        resolveSpec({ name: 'amsbound', lr: 1e-3, convention: 'textbook', weightDecay: 5e-4 }),
        fixed,
        seq8.steps,
      ],
      [resolveSpec({ name: 'samsgrad', lr: 1e-2, softplusBeta: 10 }), fixed, seq8.steps],
      [resolveSpec({ name: 'yogi', lr: 1e-2, weightDecay: 5e-4 }), fixed, seq8.steps],
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
  const fusedBefore = fusedUpdateCount();
  const run = await runTrajectory(plan.spec, plan.problem, plan.steps);
  // One variable: one fused call per step when the fused path ran.
  const fused = fusedUpdateCount() - fusedBefore === plan.steps;
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
  return { id: plan.id, maxParamAbsErr, maxAlrRelErr, passed, fused };
}

/**
 * Trains two variables (one with a multiple-of-4 size, one without) with an AMS rule and with
 * S-Momentum (whose v the fused kernels share instead of copying) and returns how many tensors or
 * data buffers were gained between step 5 and step 60.
 */
async function stepLeak(): Promise<number> {
  let worst = 0;
  for (const name of ['samsgrad', 'sgdm'] as const) {
    const tag = `selfcheck_leak_${leakRun++}`;
    const vars = tf.tidy(() => [
      tf.variable(tf.ones([6, 4]), true, `${tag}_w`),
      tf.variable(tf.ones([3]), true, `${tag}_b`),
    ]);
    const grads = [tf.fill([6, 4], 0.5), tf.fill([3], -0.25)];
    const optimizer = createOptimizer({ name, lr: 1e-2 });
    let at5 = tf.memory();
    for (let k = 1; k <= 60; k++) {
      optimizer.applyGradients(Object.fromEntries(vars.map((v, i) => [v.name, grads[i] as tf.Tensor])));
      if (k === 5) at5 = tf.memory();
    }
    await (vars[1] as tf.Variable).data(); // wait for the queued GPU work before counting
    const now = tf.memory();
    worst = Math.max(worst, now.numTensors - at5.numTensors, now.numDataBuffers - at5.numDataBuffers);
    optimizer.dispose();
    tf.dispose([...vars, ...grads]);
  }
  return worst;
}
let leakRun = 0;

/** Runs the optimizers on the current tfjs backend against the golden / float64 reference. */
export async function runSelfCheck(): Promise<SelfCheckReport> {
  await tf.ready();
  const before = tf.memory().numTensors;
  const cases: SelfCheckCase[] = [];
  for (const plan of await plans()) cases.push(await check(plan));
  const leak = await stepLeak();
  const tensorsLeaked = tf.memory().numTensors - before;
  return {
    backend: tf.getBackend(),
    passed: tensorsLeaked === 0 && leak === 0 && cases.every((c) => c.passed),
    cases,
    tensorsLeaked,
    fusedKernel: cases.length > 0 && cases.every((c) => c.fused),
    stepLeak: leak,
  };
}
