import { describe, expect, it } from 'vitest';
import type { RunSnapshot, Snapshot } from '../engine/session/snapshot-types';
import { seedHistoryPoint } from './seed-history';
import { createTrainingStore, type HistoryPoint } from './training-store';

const pct = (p50: number) => ({
  min: p50 / 100,
  p1: p50 / 10,
  p25: p50 / 2,
  p50,
  p75: 2 * p50,
  p99: 10 * p50,
  max: 100 * p50,
});
const point = (trainLoss: number, p50: number, test?: { loss: number; acc: number }): HistoryPoint => ({
  trainLoss,
  alr: pct(p50),
  ...(test ? { testLoss: test.loss, accuracy: test.acc } : {}),
});

describe('mean and band over seeds', () => {
  it('averages losses and accuracy, with the min–max range as the band', () => {
    const p = seedHistoryPoint([
      point(1, 10, { loss: 0.5, acc: 0.9 }),
      point(2, 1000, { loss: 0.7, acc: 0.8 }),
      point(3, 100, { loss: 0.6, acc: 0.95 }),
    ]);
    expect(p.trainLoss).toBeCloseTo(2, 12);
    expect(p.testLoss).toBeCloseTo(0.6, 12);
    expect(p.accuracy).toBeCloseTo(0.883333333333, 10);
    expect(p.seeds).toEqual({
      n: 3,
      trainLoss: [1, 3],
      testLoss: [0.5, 0.7],
      accuracy: [0.8, 0.95],
      alrMedian: [10, 1000],
    });
  });

  it('takes the geometric mean of the A-LR percentiles (they span decades on a log axis)', () => {
    const p = seedHistoryPoint([point(1, 10), point(1, 1000)]);
    expect(p.alr.p50).toBeCloseTo(100, 9);
    expect(p.alr.max).toBeCloseTo(10_000, 6);
    expect(p.alr.min).toBeCloseTo(1, 9);
  });

  it('leaves a diverged seed (NaN) out of the mean and the range, and test values unless every seed has one', () => {
    const p = seedHistoryPoint([
      point(1, 10, { loss: 0.5, acc: 0.9 }),
      point(Number.NaN, Number.NaN),
      point(3, 10),
    ]);
    expect(p.trainLoss).toBe(2);
    expect(p.seeds?.n).toBe(2);
    expect(p.seeds?.trainLoss).toEqual([1, 3]);
    expect(p.alr.p50).toBeCloseTo(10, 9);
    expect(p.testLoss).toBeUndefined();
    expect(p.seeds?.accuracy).toBeUndefined();
  });
});

function run(runId: string, step: number, loss: number, alr: number): RunSnapshot {
  return {
    runId,
    label: runId,
    step,
    trainLoss: loss,
    divergedAt: null,
    alrStats: pct(alr),
    alr: new Float32Array(4).fill(alr),
  } as unknown as RunSnapshot;
}

function seeded(step: number, losses: number[]): Snapshot {
  const seedRuns = losses.map((l, k) => [run('a', step, l, 10 * (k + 1)), run('b', step, 2 * l, 1)]);
  return { step, backend: 'cpu', taskTitle: 'task', runs: seedRuns[0] as RunSnapshot[], seedRuns };
}

describe('the store on several seeds', () => {
  it('charts the means, keeps every seed, and shows the chosen seed’s runs', () => {
    const t = createTrainingStore();
    t.receiveSnapshot(seeded(0, [1, 2, 3]));
    t.receiveSnapshot(seeded(10, [0.5, 1, 1.5]));
    let s = t.store.getState();
    expect(s.seeds?.count).toBe(3);
    expect(s.seeds?.shown).toBe(0);
    expect(s.history.a?.points().map((p) => p.value.trainLoss)).toEqual([2, 1]);
    expect(s.history.b?.latest?.value.seeds?.trainLoss).toEqual([1, 3]);
    expect(s.seeds?.history.a?.map((h) => h.latest?.value.trainLoss)).toEqual([0.5, 1, 1.5]);
    expect(s.snapshot?.runs[0]?.trainLoss).toBe(0.5);

    t.showSeed(2);
    s = t.store.getState();
    expect(s.seeds?.shown).toBe(2);
    expect(s.snapshot?.runs[0]?.trainLoss).toBe(1.5);
    expect(s.snapshot?.runs[0]?.alr[0]).toBe(30);
    expect(s.fieldHistory).toEqual({});
    // The next snapshot keeps the chosen seed; the charts keep the means.
    t.receiveSnapshot(seeded(20, [0.2, 0.4, 0.6]));
    s = t.store.getState();
    expect(s.snapshot?.runs[0]?.trainLoss).toBe(0.6);
    expect(s.history.a?.latest?.value.trainLoss).toBeCloseTo(0.4, 12);
    t.showSeed(7); // clamped to the last seed
    expect(t.store.getState().seeds?.shown).toBe(2);
  });

  it('goes back to the single-seed path (no bands, no seed state) when the seed count drops to 1', () => {
    const t = createTrainingStore();
    t.receiveSnapshot(seeded(0, [1, 2]));
    t.receiveSnapshot(seeded(10, [1, 2]));
    const single: Snapshot = { step: 0, backend: 'cpu', taskTitle: 'task', runs: [run('a', 0, 4, 1)] };
    t.receiveSnapshot(single);
    const s = t.store.getState();
    expect(s.seeds).toBeNull();
    expect(s.history.a?.points().map((p) => p.value)).toEqual([{ trainLoss: 4, alr: pct(1) }]);
  });

  it('rewinds every seed’s history with the means', () => {
    const t = createTrainingStore();
    for (const step of [0, 10, 20]) t.receiveSnapshot(seeded(step, [1, 2]));
    t.rewindTo(10);
    const s = t.store.getState();
    expect(s.history.a?.latest?.step).toBe(10);
    expect(s.seeds?.history.a?.map((h) => h.latest?.step)).toEqual([10, 10]);
  });
});
