// The page heap at the largest allowed experiment (the model-size budget, engine/model-size.ts): two runs
// of MNIST MLP 784-1024-1024-256-10 (2,118,410 parameters each, 282 MB of the 320 MB budget). The page
// keeps a field history per run; its depth adapts to the model (field-history.ts), so the heap stops
// growing once it has filled. Before, the history kept 97 one-byte frames per parameter per run whatever
// the size: ~410 MB for this experiment, 1.5 GB for the four-run link.
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { checkExperimentBudget, EXPERIMENT_BUDGET_BYTES, experimentSize } from '../engine/model-size';
import type { RunSnapshot, Snapshot } from '../engine/session/snapshot-types';
import { fieldHistoryDepth } from './field-history';
import { createTrainingStore } from './training-store';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const MB = 1024 * 1024;
const HIDDEN = [1024, 1024, 256];
const PARAMS = 2_118_410;

const heap = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** One log-spread field per run, copied for each snapshot (as a transferred field arrives: new each time). */
const TEMPLATES = [0, 1].map((r) => new Float32Array(PARAMS).map((_, i) => 10 ** (((i + r) % 97) / 10)));

function snapshot(step: number): Snapshot {
  const percentiles = { min: 1, p1: 1, p25: 2, p50: 3, p75: 4, p99: 5, max: 6 };
  const runs = ['adam', 'sadam'].map(
    (runId, r) =>
      ({
        runId,
        label: runId,
        step,
        trainLoss: 1 / (step + 1),
        alrStats: percentiles,
        alr: (TEMPLATES[r] as Float32Array).slice(),
      }) as unknown as RunSnapshot,
  );
  return { step, backend: 'wasm', taskTitle: 'MNIST', runs };
}

describe('the page heap at the largest allowed experiment', () => {
  it('is the largest two-run MLP the budget allows (a third hidden layer of 768 would not fit)', () => {
    const experiment = (hidden: number[]) => ({
      task: {
        kind: 'mnist' as const,
        model: 'mlp' as const,
        hidden,
        activation: 'relu' as const,
        batchSize: 64,
      },
      runs: [
        { id: 'adam', label: 'Adam', spec: { name: 'adam' as const, lr: 1e-3 } },
        { id: 'sadam', label: 'Sadam', spec: { name: 'sadam' as const, lr: 1e-3 } },
      ],
    });
    expect(experimentSize(experiment(HIDDEN)).paramsPerRun).toBe(PARAMS);
    expect(checkExperimentBudget(experiment(HIDDEN))).toBeNull();
    expect(experimentSize(experiment(HIDDEN)).totalBytes).toBeGreaterThan(0.8 * EXPERIMENT_BUDGET_BYTES);
    expect(checkExperimentBudget(experiment([1024, 1024, 768]))).not.toBeNull();
  });

  it('stays flat over the run once the adapted field history has filled', async () => {
    const depth = fieldHistoryDepth(PARAMS, 2);
    const store = createTrainingStore();
    let step = 0;
    const feed = async (count: number) => {
      for (let i = 0; i < count; i++) {
        step += 1;
        store.receiveSnapshot(snapshot(step));
        await tick(); // the field history quantises in a task of its own
      }
    };
    await feed(depth + 4);
    const first = heap();
    const snapshots = 2 * depth + 2;
    await feed(snapshots);
    const second = heap();
    // The bounded history may differ by its whole depth between two samples (+1 latest frame per run);
    // an unbounded one would have added a byte per parameter per run per snapshot.
    const bound = (depth + 1) * 2 * PARAMS + 8 * MB;
    const unbounded = snapshots * 2 * PARAMS;
    expect(unbounded).toBeGreaterThan(bound);
    expect(second - first).toBeLessThan(bound);
    // And the whole history stays within the field-history budget.
    const held = Object.values(store.store.getState().fieldHistory).reduce(
      (n, h) => n + h.length * PARAMS,
      0,
    );
    expect(held).toBeLessThanOrEqual(2 * (depth + 1) * PARAMS);
    expect(held).toBeLessThan(56 * MB);
  }, 120_000);
});
