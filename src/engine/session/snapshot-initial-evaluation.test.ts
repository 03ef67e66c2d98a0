// At a scene's step 0 every run holds the same initial weights: a snapshot evaluates them once and gives
// every run the same numbers (and its own copy of the view); from the first step on each run is evaluated.
import * as tf from '@tensorflow/tfjs-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useBackend } from '../../optim/testing/node-backends';
import type { RunConfig } from '../experiment';
import { createTask, DEFAULT_CLASSIFY_2D } from '../tasks';
import type { Task } from '../tasks/task';
import { Run } from './run';
import { readSnapshot } from './snapshot';

const RUNS: RunConfig[] = [
  { id: 'a', label: 'Adam', spec: { name: 'adam', lr: 0.05 } },
  { id: 'b', label: 'Sadam', spec: { name: 'sadam', lr: 0.05, softplusBeta: 10 } },
  { id: 'c', label: 'SGD', spec: { name: 'sgdm', lr: 0.05 } },
];

/** The task, counting its evaluations. */
async function countedTask(): Promise<{ task: Task; calls: () => number }> {
  const task = await createTask(
    { ...DEFAULT_CLASSIFY_2D, hidden: [8], trainSize: 64, batchSize: 16 },
    {
      data: 1,
      init: 2,
      batches: 3,
    },
  );
  let calls = 0;
  const evaluate = task.evaluate.bind(task);
  task.evaluate = (params) => {
    calls += 1;
    return evaluate(params);
  };
  return { task, calls: () => calls };
}

describe('snapshot evaluation at the shared initial weights', () => {
  beforeEach(() => useBackend('cpu'));

  it('evaluates once at step 0, with the numbers each run would get alone; per run after a step', async () => {
    const { task, calls } = await countedTask();
    const runs = RUNS.map((r) => new Run(r, task.params));
    const first = await readSnapshot(task, runs, 0);
    expect(calls()).toBe(1);
    // No tensor left behind by the shared evaluation (the first snapshot builds the optimizers' state).
    const before = tf.memory().numTensors;
    await readSnapshot(task, runs, 0);
    expect(calls()).toBe(2);
    expect(tf.memory().numTensors).toBe(before);
    const alone = await readSnapshot(task, [new Run(RUNS[0] as RunConfig, task.params)], 0);
    for (const run of first.runs) {
      expect(run.testLoss).toBe(alone.runs[0]?.testLoss);
      expect(run.accuracy).toBe(alone.runs[0]?.accuracy);
      expect(run.view).toEqual(alone.runs[0]?.view);
    }
    // Each run's view is its own array.
    const views = first.runs.map((r) => (r.view.kind === 'boundary' ? r.view.probabilities : null));
    expect(views[0]?.length).toBeGreaterThan(0);
    expect(views[1]).not.toBe(views[0]);
    expect(views[2]).not.toBe(views[1]);

    const batch = task.nextBatch();
    for (const run of runs) run.step(task, batch, 1);
    if (batch) tf.dispose([batch.x, batch.y]);
    const counted = calls();
    const second = await readSnapshot(task, runs, 1);
    expect(calls() - counted).toBe(RUNS.length);
    expect(second.runs[0]?.testLoss).not.toBe(second.runs[2]?.testLoss);
    for (const run of runs) run.dispose();
  });

  it('a run rebuilt from saved weights is evaluated on its own', async () => {
    const { task, calls } = await countedTask();
    const saved = Object.fromEntries(task.params.map((p) => [p.name, p.values.map((v) => v * 0.5)]));
    const runs = [
      new Run(RUNS[0] as RunConfig, task.params),
      new Run(RUNS[1] as RunConfig, task.params, saved),
    ];
    const snap = await readSnapshot(task, runs, 0);
    expect(calls()).toBe(2);
    expect(snap.runs[0]?.testLoss).not.toBe(snap.runs[1]?.testLoss);
    for (const run of runs) run.dispose();
  });
});
