// The model-size budget (docs/RELIABILITY.md): the size estimate counts the real models' parameters, every
// built-in scene fits, the links the issue found exhausting memory are refused with what is too large
// and by how much, and the Trainer refuses an over-budget experiment before building anything.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../optim/testing/node-backends';
import { nodeAssetLoader, projectPublicDir } from './data/node-asset-loader';
import type { ExperimentConfig } from './experiment';
import {
  activationBytes,
  CHAR_LM_VOCAB_BOUND,
  checkExperimentBudget,
  EXPERIMENT_BUDGET_BYTES,
  experimentSize,
  maxSeedsWithinBudget,
  overBudgetMessage,
  trainableParams,
} from './model-size';
import { SCENES, sceneById } from './scenes';
import { Session } from './session/session';
import type { TaskConfig } from './tasks/configs';
import { trainerHarness } from './testing/trainer-harness';

const seeds = { data: 1, init: 1, batches: 1 };
const DEFAULT_MNIST_MLP: TaskConfig = {
  kind: 'mnist',
  model: 'mlp',
  hidden: [128, 64],
  activation: 'relu',
  batchSize: 64,
};
const adam = (id: string) => ({ id, label: id, spec: { name: 'adam' as const, lr: 1e-3 } });
const experiment = (task: TaskConfig, runs = 2): ExperimentConfig => ({
  task,
  runs: Array.from({ length: runs }, (_, i) => adam(`r${i}`)),
  seeds,
});

/** `?task=mnist&hidden=1024-1024-1024-1024` with four runs: 3.96 M parameters per run. */
const HUGE_MLP = experiment(
  { kind: 'mnist', model: 'mlp', hidden: [1024, 1024, 1024, 1024], activation: 'relu', batchSize: 64 },
  4,
);
/** `?task=charlm&hidden=1024&emb=256&seq=256&batch=1024`: one evaluation's worth of activations is the problem. */
const HUGE_GRU = experiment(
  { kind: 'charlm', hidden: 1024, embedding: 256, sequenceLength: 256, batchSize: 1024 },
  1,
);

describe('model-size budget', () => {
  beforeAll(() => useBackend('wasm'));

  it('counts the parameters the real models have (every task kind)', async () => {
    const tasks: TaskConfig[] = [
      { kind: 'surface', surface: 'rosenbrock' },
      {
        kind: 'classify2d',
        dataset: 'spirals',
        hidden: [16, 8],
        activation: 'tanh',
        batchSize: 32,
        noise: 0.1,
        trainSize: 200,
      },
      { kind: 'mnist', model: 'mlp', hidden: [32], activation: 'relu', batchSize: 16 },
      { kind: 'mnist', model: 'cnn', hidden: [], activation: 'relu', batchSize: 16 },
      { kind: 'charlm', hidden: 16, embedding: 8, sequenceLength: 8, batchSize: 4 },
      { kind: 'charlm', cell: 'lstm', hidden: 16, embedding: 8, sequenceLength: 8, batchSize: 4 },
    ];
    for (const task of tasks) {
      const session = await Session.create(experiment(task, 1), nodeAssetLoader(projectPublicDir()));
      const real = (await session.snapshot()).runs[0]?.alr.length ?? 0;
      session.dispose();
      if (task.kind === 'charlm') {
        // The vocabulary comes from the text; the estimate uses a bound at least as large.
        expect(trainableParams(task)).toBeGreaterThanOrEqual(real);
        expect(trainableParams(task)).toBeLessThan(real + (CHAR_LM_VOCAB_BOUND - 60) * (2 * 8 + 16 + 1));
      } else if (task.kind === 'classify2d') {
        // Generated sets have 2 or 3 classes; the estimate takes 3.
        expect(trainableParams(task)).toBeGreaterThanOrEqual(real);
        expect(trainableParams(task)).toBeLessThanOrEqual(real + 9);
      } else expect(trainableParams(task), task.kind).toBe(real);
    }
  }, 60_000);

  it('the LSTM has a fourth gate block: more parameters and more activations than the GRU', () => {
    const gru = {
      kind: 'charlm',
      cell: 'gru',
      hidden: 64,
      embedding: 16,
      sequenceLength: 24,
      batchSize: 32,
    } as const;
    const lstm = { ...gru, cell: 'lstm' } as const;
    // One more [e + u, u] block of kernels and its bias (counted twice, as the GRU's is).
    expect(trainableParams(lstm) - trainableParams(gru)).toBe(16 * 64 + 64 * 64 + 2 * 64);
    expect(trainableParams({ ...gru, cell: undefined })).toBe(trainableParams(gru));
    expect(activationBytes(lstm)).toBeGreaterThan(activationBytes(gru));
  });

  it('every built-in scene fits, with room to spare', () => {
    for (const scene of SCENES) {
      const size = experimentSize(scene.experiment);
      // A scene on several seeds holds that many copies of its runs (generalization-mnist: 4 MLPs × 5
      // seeds, ~147 MB): half the budget at most; a single-seed scene a quarter.
      const spare = size.seeds > 1 ? 2 : 4;
      expect(size.totalBytes, scene.id).toBeLessThan(EXPERIMENT_BUDGET_BYTES / spare);
      expect(checkExperimentBudget(scene.experiment), scene.id).toBeNull();
    }
  });

  it('refuses the links that exhausted memory, saying what is too large and by how much', () => {
    const mlp = checkExperimentBudget(HUGE_MLP);
    expect(mlp?.part).toBe('parameters');
    expect(mlp?.size.paramsPerRun).toBe(3_962_890);
    expect(mlp?.factor).toBeGreaterThan(2);
    expect(overBudgetMessage(mlp as NonNullable<typeof mlp>)).toMatch(
      /^experiment too large: 3,962,890 parameters × 4 runs need about \d+ MB, \d+\.\d× the budget of 320 MB/,
    );
    const gru = checkExperimentBudget(HUGE_GRU);
    expect(gru?.part).toBe('activations');
    expect(gru?.factor).toBeGreaterThan(100);
    // The same MLP with fewer runs fits: the budget is on the whole experiment, not on one setting.
    expect(checkExperimentBudget({ ...HUGE_MLP, runs: HUGE_MLP.runs.slice(0, 1) })).toBeNull();
  });

  it('counts every seed as a full copy of every run, and offers only the seeds that fit', () => {
    const mnist = experiment(DEFAULT_MNIST_MLP, 4);
    const one = experimentSize(mnist);
    const five = experimentSize({ ...mnist, seedCount: 5 });
    expect(five.seeds).toBe(5);
    expect(five.parameterBytes).toBe(5 * one.parameterBytes);
    expect(five.activationBytes).toBe(one.activationBytes); // the seeds step one after another
    expect(experimentSize({ ...mnist, seedCount: 1 })).toEqual(one);
    expect(maxSeedsWithinBudget(mnist)).toBe(5); // the generalization scene: 4 MLPs × 5 seeds fit
    // 1.07 M parameters per run × 4 runs: one seed fits (~262 MB), two do not.
    const wide = experiment({ ...DEFAULT_MNIST_MLP, hidden: [1024, 256] }, 4);
    expect(maxSeedsWithinBudget(wide)).toBe(1);
    const over = checkExperimentBudget({ ...wide, seedCount: 3 });
    expect(over?.part).toBe('parameters');
    expect(over?.size.seeds).toBe(3);
    expect(overBudgetMessage(over as NonNullable<typeof over>)).toMatch(
      /parameters × 4 runs × 3 seeds need about \d+ MB, \d+\.\d× the budget of 320 MB; .*or of seeds smaller/,
    );
    expect(maxSeedsWithinBudget(HUGE_MLP)).toBe(0);
  });

  it('the Trainer refuses an over-budget load, task or run before building anything; the running one goes on', async () => {
    const { trainer, snapshots, errors } = trainerHarness();
    const rosenbrock = sceneById('rosenbrock');
    if (!rosenbrock) throw new Error('scene missing');
    await trainer.load(rosenbrock.experiment, 5);
    await trainer.step(3);
    const before = snapshots.length;
    await expect(trainer.load(HUGE_MLP, 5)).rejects.toMatchObject({
      payload: { kind: 'overBudget' },
      message: expect.stringMatching(/experiment too large/),
    });
    await expect(trainer.setTask(HUGE_GRU.task)).rejects.toMatchObject({
      payload: { kind: 'overBudget' },
      message: expect.stringMatching(/experiment too large/),
    });
    await trainer.setTask({
      kind: 'mnist',
      model: 'mlp',
      hidden: [1024, 512],
      activation: 'relu',
      batchSize: 16,
    });
    // Three runs of a 1.33 M-parameter MLP fit; a fourth does not.
    expect(() => trainer.addRun(adam('extra'))).toThrow(/experiment too large/);
    expect(trainer.experiment?.runs).toHaveLength(3);
    expect(snapshots.length).toBeGreaterThan(before);
    expect(errors).toEqual([]);
    trainer.dispose();
  }, 120_000);
});

describe('the largest allowed experiment in the engine', () => {
  beforeAll(() => useBackend('wasm'));

  it('MNIST MLP 784-1024-1024-256-10 × 2 runs: tensor count and bytes flat over its run', async () => {
    const largest = experiment({
      kind: 'mnist',
      model: 'mlp',
      hidden: [1024, 1024, 256],
      activation: 'relu',
      batchSize: 64,
    });
    expect(checkExperimentBudget(largest)).toBeNull();
    const session = await Session.create(largest, nodeAssetLoader(projectPublicDir()));
    const usage = () => ({ numTensors: tf.memory().numTensors, numBytes: tf.memory().numBytes });
    session.advance(2);
    await session.snapshot();
    await session.checkpoint();
    const early = usage();
    session.advance(6);
    await session.snapshot();
    await session.checkpoint();
    expect(usage()).toEqual(early);
    session.dispose();
  }, 180_000);
});
