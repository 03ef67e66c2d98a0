import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type GoldenFile, maxAbsDiff, maxRelDiff, specOfGoldenCase } from './golden';
import goldenJson from './golden-public.fixture.json';
import { NODE_BACKENDS, useBackend } from './testing/node-backends';
import { runTrajectory } from './trajectory';

const golden = goldenJson as unknown as GoldenFile;

describe.each(NODE_BACKENDS)('golden trajectories on %s', (backend) => {
  beforeAll(() => useBackend(backend));

  for (const c of golden.cases) {
    it(`${c.id}: params within 1e-4 abs and A-LR within 1e-4 rel at every step`, async () => {
      const problem = golden.problems[c.problem];
      if (!problem) throw new Error(`missing problem ${c.problem}`);
      const before = tf.memory().numTensors;
      const run = await runTrajectory(
        specOfGoldenCase(c),
        { kind: 'fixed', x0: problem.x0, grads: problem.grads },
        problem.steps,
      );
      expect(tf.memory().numTensors).toBe(before);
      expect(run.params).toHaveLength(20);
      for (let k = 0; k < problem.steps; k++) {
        for (const precision of ['float32', 'float64'] as const) {
          const expected = c[precision];
          expect(
            maxAbsDiff(run.params[k] ?? [], expected.params[k] ?? []),
            `params ${precision} step ${k + 1}`,
          ).toBeLessThan(1e-4);
          expect(
            maxRelDiff(run.alr[k] ?? [], expected.alr[k] ?? []),
            `alr ${precision} step ${k + 1}`,
          ).toBeLessThan(1e-4);
        }
      }
    });
  }
});
