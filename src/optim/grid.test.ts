import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fusedKernelAvailable, setFusedKernelsEnabled } from './fused/kernel';
import { maxAbsDiff, maxRelDiff } from './golden';
import type { OptimizerSpec } from './spec';
import {
  adamFamilyGrid,
  GRID_PROBLEMS,
  isWellConditioned,
  otherRulesGrid,
  referenceFor,
  specLabel,
} from './testing/grid';
import { NODE_BACKENDS, useBackend } from './testing/node-backends';
import { runTrajectory } from './trajectory';

// Every step of every case: params within 1e-4 absolute, A-LR within 1e-4 relative (issue #2).
const FAMILIES = [
  { family: 'Adam family', specs: adamFamilyGrid() },
  { family: 'other rules', specs: otherRulesGrid() },
];

// Both update paths: the backend's fused kernel (the default where one is registered) and plain tf ops
// (the fallback, and what the fused kernels are measured against).
const CASES = NODE_BACKENDS.flatMap((backend) =>
  (['fused', 'tf-ops'] as const).map((path) => ({ backend, path })),
);

describe.each(CASES)('tfjs ($backend, $path) vs the float64 reference', ({ backend, path }) => {
  beforeAll(async () => {
    await useBackend(backend);
    setFusedKernelsEnabled(path === 'fused');
    // A backend without a fused kernel would silently test tf ops twice.
    if (path === 'fused' && !fusedKernelAvailable()) throw new Error(`no fused kernel on ${backend}`);
  });
  afterAll(() => setFusedKernelsEnabled(true));

  for (const { family, specs } of FAMILIES) {
    describe(family, () => {
      const worst = { params: 0, alr: 0 };
      afterAll(() => {
        console.log(
          `${backend} ${path} ${family}: worst |Δx| ${worst.params.toExponential(2)}, rel ΔA-LR ${worst.alr.toExponential(2)}`,
        );
      });
      for (const problem of GRID_PROBLEMS) {
        for (const spec of specs.filter((s) => isWellConditioned(s, problem))) {
          it(`${problem.id} ${specLabel(spec)}`, async () => {
            const errors = await compareWithReference(spec, problem);
            worst.params = Math.max(worst.params, errors.params);
            worst.alr = Math.max(worst.alr, errors.alr);
            expect(errors.params, `params (worst at step ${errors.paramsStep})`).toBeLessThan(1e-4);
            expect(errors.alr, `A-LR (worst at step ${errors.alrStep})`).toBeLessThan(1e-4);
          });
        }
      }
    });
  }
});

async function compareWithReference(spec: OptimizerSpec, problem: (typeof GRID_PROBLEMS)[number]) {
  const before = tf.memory().numTensors;
  const run = await runTrajectory(spec, problem.problem, problem.steps);
  expect(tf.memory().numTensors, 'tensors leaked').toBe(before);
  expect(run.params).toHaveLength(problem.steps);
  const ref = referenceFor(spec, problem);
  const errors = { params: 0, paramsStep: 0, alr: 0, alrStep: 0 };
  for (let k = 0; k < problem.steps; k++) {
    const dp = maxAbsDiff(run.params[k] ?? [], ref.params[k] ?? []);
    const da = maxRelDiff(run.alr[k] ?? [], ref.alr[k] ?? []);
    if (dp > errors.params) Object.assign(errors, { params: dp, paramsStep: k + 1 });
    if (da > errors.alr) Object.assign(errors, { alr: da, alrStep: k + 1 });
  }
  return errors;
}
