import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { NODE_BACKENDS, useBackend } from '../../optim/testing/node-backends';
import { nodeAssetLoader, projectPublicDir } from '../data/node-asset-loader';
import { Session } from '../session/session';
import { createTask, DEFAULT_CHAR_LM, DEFAULT_MNIST, type TaskConfig } from './index';
import reference from './model-reference.fixture.json';

// The GRU (one matMul for the three gates' input projections over the whole sequence, one recurrent
// matMul per step) and the CNN (tf.conv2d) against the numbers their earlier implementations gave
// (the fixture's _about says how they were recorded). Same seeds, same parameters, same batch:
// the losses, gradients and samples must agree to float32 tolerance on every Node backend.

const loader = nodeAssetLoader(projectPublicDir());
const seeds = { data: 1, init: 7, batches: 3 };
type Recorded = Record<string, unknown> & {
  loss: number;
  testLoss: number;
  view: number[];
  sessionLosses: number[];
};
const CASES: [string, TaskConfig, Recorded][] = [
  ['char-LM GRU', { ...DEFAULT_CHAR_LM }, reference.charlm as Recorded],
  ['LeNet-style CNN', { ...DEFAULT_MNIST, model: 'cnn', batchSize: 32 }, reference['mnist-cnn'] as Recorded],
];

function relativeError(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-30);
}

describe.each(NODE_BACKENDS)('models match their earlier implementation (%s)', (backend) => {
  // The CNN on WASM only: its convolution there is the registered kernel, and
  // conv2d-backprop-filter-wasm.test.ts already holds WASM's conv2d to the CPU backend's (which takes a
  // minute for this test's evaluation and five steps on a loaded machine).
  const cases = backend === 'cpu' ? CASES.filter(([name]) => name !== 'LeNet-style CNN') : CASES;
  it.each(cases)(
    '%s: loss, gradients, test loss, sample and 5 Adam steps',
    async (_, config, want) => {
      await useBackend(backend);
      const task = await createTask(config, seeds, loader);
      await task.prepareTraining?.();
      const before = tf.memory().numTensors;
      const params = tf.tidy(() =>
        Object.fromEntries(task.params.map((p) => [p.name, tf.variable(tf.tensor(p.values, p.shape))])),
      );
      const names = Object.keys(params);
      tf.dispose(task.nextBatch() ?? []); // the fixture used the second batch
      const batch = task.nextBatch();
      if (!batch) throw new Error('no batch');
      const { value, grads } = tf.variableGrads(() => task.loss(params, batch), Object.values(params));
      expect(relativeError(value.dataSync()[0] as number, want.loss)).toBeLessThan(1e-5);
      Object.values(grads).forEach((g, i) => {
        const name = names[i] as string;
        const recorded = want[name] as { sumAbs: number; first: number[] };
        const d = g.dataSync() as Float32Array;
        const sumAbs = d.reduce((a, b) => a + Math.abs(b), 0);
        expect(relativeError(sumAbs, recorded.sumAbs), name).toBeLessThan(1e-4);
        const meanAbs = recorded.sumAbs / d.length;
        recorded.first.forEach((v, j) => {
          expect(Math.abs((d[j] as number) - v), `${name}[${j}]`).toBeLessThan(
            1e-4 * Math.abs(v) + 1e-3 * meanAbs,
          );
        });
      });
      const evaluation = tf.tidy(() => ({ ...task.evaluate(params) }));
      expect(relativeError(evaluation.testLoss?.dataSync()[0] as number, want.testLoss)).toBeLessThan(1e-5);
      expect(Array.from(evaluation.view?.dataSync() ?? [])).toEqual(want.view);
      tf.dispose([value, batch.x, batch.y, evaluation.testLoss, evaluation.accuracy, evaluation.view]);
      tf.dispose(Object.values(grads));
      tf.dispose(Object.values(params));
      task.releaseTensors(); // the task's data tensors, made on first use
      expect(tf.memory().numTensors).toBe(before);

      const session = await Session.create(
        { task: config, seeds, runs: [{ id: 'adam', label: 'Adam', spec: { name: 'adam', lr: 3e-3 } }] },
        loader,
      );
      session.advance(5);
      const losses = Array.from((await session.snapshot()).runs[0]?.losses ?? []);
      session.dispose();
      expect(losses).toHaveLength(5);
      for (const [i, l] of losses.entries())
        expect(relativeError(l, want.sessionLosses[i] as number)).toBeLessThan(1e-4);
    },
    60000,
  );
});
