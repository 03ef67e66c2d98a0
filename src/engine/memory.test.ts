// Issue #7, memory: for every optimizer and every task, tf.memory().numTensors and the backend's
// bytes stay flat while training. Runs on the WASM backend in Node (the e2e suite covers WebGL/WebGPU).
//
// Cheap tasks (a loss surface and a small 2-D classifier): every optimizer, 5,000 lockstep steps with
// a snapshot every 50 steps (as the app takes them); the counts after step 10 must equal those after
// step 5,000. The surface runs one optimizer per session; the classifier runs four per session (the
// session maximum) to stay within the CI budget — each optimizer still takes all 5,000 steps.
// Slow tasks (MNIST MLP, MNIST CNN, char-GRU, char-LSTM): a SHORTER run (MLP 100 steps, GRU and LSTM 60, CNN 30,
// snapshot every 50 and at the end) with the same flatness check, to keep the suite within a CI
// budget on 2 cores (the CNN on WASM costs ~0.1 s per 4-run step); every optimizer takes part.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPTIMIZER_NAMES, type OptimizerName } from '../optim/spec';
import { useBackend } from '../optim/testing/node-backends';
import { nodeAssetLoader, projectPublicDir } from './data/node-asset-loader';
import type { ExperimentConfig } from './experiment';
import { Session } from './session/session';
import { DEFAULT_CHAR_LM, DEFAULT_CLASSIFY_2D, DEFAULT_MNIST, type TaskConfig } from './tasks/configs';

const loader = nodeAssetLoader(projectPublicDir());
const seeds = { data: 1, init: 1, batches: 1 };
const SNAPSHOT_EVERY = 50;

/** Small learning rates keep every optimizer finite; the point here is memory, not convergence. */
const LR: Record<OptimizerName, number> = {
  adam: 1e-3,
  amsgrad: 1e-3,
  sadam: 1e-3,
  samsgrad: 1e-3,
  sgdm: 1e-3,
  adagrad: 1e-3,
  rmsprop: 1e-3,
  padam: 1e-3,
  adabound: 1e-3,
  amsbound: 1e-3,
  yogi: 1e-3,
  custom: 1e-3,
};

function experiment(task: TaskConfig, names: readonly OptimizerName[]): ExperimentConfig {
  return {
    task,
    runs: names.map((name) => ({ id: name, label: name, spec: { name, lr: LR[name] } })),
    seeds,
  };
}

interface Usage {
  numTensors: number;
  numBytes: number;
}
const usage = (): Usage => {
  const m = tf.memory();
  return { numTensors: m.numTensors, numBytes: m.numBytes };
};

/**
 * Trains `steps` steps with a snapshot every SNAPSHOT_EVERY steps (and at step 10) and returns the
 * memory after step 10 and at the end; every snapshot's losses must be finite.
 */
async function measure(config: ExperimentConfig, steps: number): Promise<{ early: Usage; late: Usage }> {
  const before = usage();
  const session = await Session.create(config, loader);
  session.advance(10);
  let snap = await session.snapshot();
  const early = usage();
  for (let step = 10; step < steps; ) {
    const next = Math.min(steps, (Math.floor(step / SNAPSHOT_EVERY) + 1) * SNAPSHOT_EVERY);
    session.advance(next - step);
    step = next;
    snap = await session.snapshot();
  }
  expect(snap.step).toBe(steps);
  for (const run of snap.runs) expect(Number.isFinite(run.trainLoss), `${run.runId} loss`).toBe(true);
  const late = usage();
  session.dispose();
  // Disposing the session gives everything back.
  expect(usage()).toEqual(before);
  return { early, late };
}

/** The optimizers in groups of at most four (the session maximum). */
function groupsOfFour(): OptimizerName[][] {
  const groups: OptimizerName[][] = [];
  for (let i = 0; i < OPTIMIZER_NAMES.length; i += 4) groups.push(OPTIMIZER_NAMES.slice(i, i + 4));
  return groups;
}

const SURFACE: [string, TaskConfig] = ['surface (rosenbrock)', { kind: 'surface', surface: 'rosenbrock' }];
const CLASSIFY: [string, TaskConfig] = [
  'classify2d (small MLP)',
  { ...DEFAULT_CLASSIFY_2D, dataset: 'moons', hidden: [8], trainSize: 64, batchSize: 16 },
];

describe('memory stays flat (wasm)', () => {
  beforeAll(() => useBackend('wasm'));

  for (const name of OPTIMIZER_NAMES) {
    it(`${SURFACE[0]} · ${name}: numTensors and numBytes equal after step 10 and step 5,000`, async () => {
      const { early, late } = await measure(experiment(SURFACE[1], [name]), 5000);
      expect(late).toEqual(early);
    });
  }
  for (const names of groupsOfFour()) {
    it(`${CLASSIFY[0]} · ${names.join(', ')}: numTensors and numBytes equal after step 10 and step 5,000`, async () => {
      const { early, late } = await measure(experiment(CLASSIFY[1], names), 5000);
      expect(late).toEqual(early);
    }, 120_000);
  }

  // Slow tasks: a shorter run, not 5,000 steps (CI time); four optimizers per session.
  const SLOW_TASKS: [string, TaskConfig, number][] = [
    ['MNIST MLP', { ...DEFAULT_MNIST, batchSize: 16 }, 100],
    ['MNIST CNN', { ...DEFAULT_MNIST, model: 'cnn', batchSize: 4 }, 30],
    ['char-GRU', { ...DEFAULT_CHAR_LM, sequenceLength: 12, batchSize: 8 }, 60],
    ['char-LSTM', { ...DEFAULT_CHAR_LM, cell: 'lstm', sequenceLength: 12, batchSize: 8 }, 60],
  ];
  for (const [title, task, steps] of SLOW_TASKS) {
    for (const names of groupsOfFour()) {
      it(`${title} · ${names.join(', ')}: flat after step 10 and step ${steps} (shorter run)`, async () => {
        const { early, late } = await measure(experiment(task, names), steps);
        expect(late).toEqual(early);
      }, 120_000);
    }
  }
});
