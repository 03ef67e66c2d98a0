import { describe, expect, it } from 'vitest';
import type { RunSnapshot, Snapshot } from '../engine/session/snapshot-types';
import { createTrainingStore } from './training-store';

const percentiles = { min: 1, p1: 1, p25: 2, p50: 3, p75: 4, p99: 5, max: 6 };
function snap(step: number, title = 'task'): Snapshot {
  const run = {
    runId: 'a',
    label: 'Adam',
    step,
    trainLoss: 1 / (step + 1),
    alrStats: percentiles,
    alr: new Float32Array(4).fill(step + 1),
  } as unknown as RunSnapshot;
  return { step, backend: 'cpu', taskTitle: title, runs: [run] };
}

describe('training store', () => {
  it('keeps the latest snapshot and a per-run history that restarts on reset or a new task', () => {
    const t = createTrainingStore();
    for (const step of [0, 10, 20, 30]) t.receiveSnapshot(snap(step));
    let { history, snapshot } = t.store.getState();
    expect(snapshot?.step).toBe(30);
    expect(history.a?.points().map((p) => p.step)).toEqual([0, 10, 20, 30]);
    t.receiveSnapshot(snap(0));
    t.receiveSnapshot(snap(10));
    expect(
      t.store
        .getState()
        .history.a?.points()
        .map((p) => p.step),
    ).toEqual([0, 10]);
    t.receiveSnapshot(snap(20, 'other task'));
    ({ history } = t.store.getState());
    expect(history.a?.points().map((p) => p.step)).toEqual([20]);
  });

  it('stays bounded over a long session', () => {
    const t = createTrainingStore();
    for (let step = 0; step <= 100_000; step += 10) t.receiveSnapshot(snap(step));
    const series = t.store.getState().history.a;
    expect(t.store.getState().fieldHistory.a?.length).toBeLessThanOrEqual(97);
    expect(series?.length).toBeLessThanOrEqual(2000);
    expect(series?.latest?.step).toBe(100_000);
    expect(series?.first?.step).toBe(0);
  });
});

describe('test metrics in the history', () => {
  it('records a test evaluation once, at the step it was taken, not again in snapshots that repeat it', () => {
    const t = createTrainingStore();
    const evaluated = (step: number, evaluatedAt: number) => {
      const s = snap(step);
      Object.assign(s.runs[0] as RunSnapshot, { testLoss: 0.5 + evaluatedAt, accuracy: 0.9, evaluatedAt });
      return s;
    };
    for (const [step, at] of [
      [0, 0],
      [10, 0],
      [20, 20],
      [30, 20],
    ] as const)
      t.receiveSnapshot(evaluated(step, at));
    const points = t.store.getState().history.a?.points() ?? [];
    expect(points.map((p) => p.step)).toEqual([0, 10, 20, 30]);
    expect(points.map((p) => p.value.testLoss)).toEqual([0.5, undefined, 20.5, undefined]);
    expect(points.map((p) => p.value.accuracy)).toEqual([0.9, undefined, 0.9, undefined]);
  });
});

describe('training store after a recovery', () => {
  it('rewinding to a checkpoint keeps the history up to it and goes on from there without a reset', () => {
    const t = createTrainingStore();
    for (const step of [0, 10, 20, 30, 40]) t.receiveSnapshot(snap(step));
    t.rewindTo(20);
    const steps = () =>
      t.store
        .getState()
        .history.a?.points()
        .map((p) => p.step);
    expect(steps()).toEqual([0, 10, 20]);
    // The restored snapshot (step 20) and the retraced steps after it.
    for (const step of [20, 30, 40, 50]) t.receiveSnapshot(snap(step));
    expect(steps()).toEqual([0, 10, 20, 30, 40, 50]);
    // A real reset still starts the history again.
    t.receiveSnapshot(snap(0));
    expect(steps()).toEqual([0]);
  });

  it('rewinding past the latest point changes nothing', () => {
    const t = createTrainingStore();
    for (const step of [0, 10]) t.receiveSnapshot(snap(step));
    const before = t.store.getState().history.a;
    t.rewindTo(10);
    expect(t.store.getState().history.a).toBe(before);
  });
});

describe('run labels on screen', () => {
  it('come from the page’s experiment, for the snapshot on screen and every later one', () => {
    const t = createTrainingStore();
    t.receiveSnapshot(snap(0));
    expect(t.store.getState().snapshot?.runs[0]?.label).toBe('Adam');
    const run = { id: 'a', label: 'Adam lr=0.01', spec: { name: 'adam' as const, lr: 0.01 } };
    t.setExperiment({
      task: { kind: 'surface', surface: 'beale' },
      runs: [run],
      seeds: { data: 1, init: 1, batches: 1 },
    });
    expect(t.store.getState().snapshot?.runs[0]?.label).toBe('Adam lr=0.01');
    t.receiveSnapshot(snap(10));
    expect(t.store.getState().snapshot?.runs[0]?.label).toBe('Adam lr=0.01');
  });
});
