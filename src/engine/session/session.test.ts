import * as tf from '@tensorflow/tfjs-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useBackend } from '../../optim/testing/node-backends';
import { logHistogram } from '../../stats/histogram';
import { percentiles } from '../../stats/percentiles';
import type { ExperimentConfig } from '../experiment';
import { DEFAULT_CLASSIFY_2D } from '../tasks/configs';
import { SPIRALS } from '../testing/measure-fixtures';
import { Session } from './session';

const ROSENBROCK: ExperimentConfig = {
  task: { kind: 'surface', surface: 'rosenbrock' },
  runs: [
    { id: 'adam', label: 'Adam', spec: { name: 'adam', lr: 0.05 } },
    { id: 'sgd', label: 'SGD', spec: { name: 'sgdm', lr: 0.01 } },
  ],
  seeds: { data: 1, init: 1, batches: 1 },
};

async function paramsOf(session: Session) {
  return (await session.checkpoint()).runs.map((r) => r.params);
}

describe('lockstep session', () => {
  const sessions: Session[] = [];
  const open = async (config: ExperimentConfig) => {
    const s = await Session.create(config);
    sessions.push(s);
    return s;
  };
  beforeEach(() => useBackend('cpu'));
  afterEach(() => {
    for (const s of sessions.splice(0)) s.dispose();
  });

  it('starts every run from identical weights; runs with the same spec stay identical', async () => {
    const session = await open({
      ...SPIRALS,
      runs: [
        SPIRALS.runs[0],
        { ...SPIRALS.runs[0], id: 'twin' },
        SPIRALS.runs[1],
      ] as ExperimentConfig['runs'],
    });
    const [a0, twin0, b0] = await paramsOf(session);
    expect(twin0).toEqual(a0);
    expect(b0).toEqual(a0);
    session.advance(25);
    const [a, twin, b] = await paramsOf(session);
    expect(twin).toEqual(a);
    expect(b).not.toEqual(a);
  });

  it('gives the same numbers for the same seeds, and different ones for another init seed', async () => {
    const one = await open(SPIRALS);
    const two = await open(SPIRALS);
    const other = await open({ ...SPIRALS, seeds: { ...SPIRALS.seeds, init: 99 } });
    for (const s of [one, two, other]) s.advance(20);
    const [s1, s2, s3] = await Promise.all([one.snapshot(), two.snapshot(), other.snapshot()]);
    expect(s1.runs.map((r) => Array.from(r.losses))).toEqual(s2.runs.map((r) => Array.from(r.losses)));
    expect(s1.runs[0]?.alr).toEqual(s2.runs[0]?.alr);
    expect(s3.runs[0]?.trainLoss).not.toBe(s1.runs[0]?.trainLoss);
  });

  it('snapshots carry losses, accuracy, the A-LR field with its layout, statistics and the view', async () => {
    const session = await open(SPIRALS);
    session.advance(10);
    const snap = await session.snapshot();
    expect(snap.step).toBe(10);
    expect(snap.backend).toBe('cpu');
    const [adam, sadam] = snap.runs;
    if (!adam || !sadam) throw new Error('two runs expected');
    expect(Array.from(adam.lossSteps)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(adam.losses).toHaveLength(10);
    expect(adam.accuracy).toBeGreaterThanOrEqual(0);
    expect(adam.testLoss).toBeGreaterThan(0);
    // 2-8-8-2: 16 + 8 + 64 + 8 + 16 + 2 = 114 parameters.
    expect(adam.alr).toHaveLength(114);
    expect(adam.layout.map((l) => [l.name, l.offset, l.size])).toEqual([
      ['dense1/kernel', 0, 16],
      ['dense1/bias', 16, 8],
      ['dense2/kernel', 24, 64],
      ['dense2/bias', 88, 8],
      ['dense3/kernel', 96, 16],
      ['dense3/bias', 112, 2],
    ]);
    expect(adam.alrStats.max).toBe(Math.max(...adam.alr));
    expect(sadam.alrStats.max).toBeLessThanOrEqual(50 / Math.LN2 + 1e-3);
    expect(adam.ordersOfMagnitude).toBeCloseTo(Math.log10(adam.alrStats.max / adam.alrStats.min), 6);
    expect(adam.histogram.counts.reduce((a, b) => a + b, 0)).toBe(114);
    expect(adam.view.kind).toBe('boundary');
    if (adam.view.kind === 'boundary') expect(adam.view.probabilities).toHaveLength(40 * 40 * 2);
    expect(adam.evaluatedAt).toBe(10);
    // The next snapshot reports only the new steps.
    session.advance(3);
    expect(Array.from((await session.snapshot()).runs[0]?.lossSteps ?? [])).toEqual([11, 12, 13]);
  });

  it("gives a large field's statistics exactly as the float64 paths do (in-place radix, bit-table histogram)", async () => {
    // 2-160-128-2: a 20,480-value layer, large enough for the float32 fast paths of stats/.
    const task = { ...DEFAULT_CLASSIFY_2D, hidden: [160, 128], trainSize: 128, batchSize: 16 };
    const session = await open({ ...SPIRALS, task });
    session.advance(2);
    for (const run of (await session.snapshot()).runs) {
      expect(run.alr.length).toBe(21_346);
      const asFloat64 = Float64Array.from(run.alr);
      expect(run.alrStats).toEqual(percentiles(asFloat64));
      expect(run.histogram).toEqual(logHistogram(Array.from(run.alr)));
    }
  });

  it('a budgeted snapshot right after an evaluation repeats it, and says from which step', async () => {
    const session = await open(SPIRALS);
    session.advance(10);
    const first = await session.snapshot({ budgeted: true }); // nothing to repeat yet: evaluates
    session.advance(1);
    const next = await session.snapshot({ budgeted: true }); // ~0 ms of training since: over budget
    const [a, b] = [first.runs[0], next.runs[0]];
    expect(a?.evaluatedAt).toBe(10);
    expect(b?.step).toBe(11);
    expect(b?.evaluatedAt).toBe(10);
    expect(b?.accuracy).toBe(a?.accuracy);
    expect(b?.testLoss).toBe(a?.testLoss);
    expect(b?.alr).not.toEqual(a?.alr); // the field itself is fresh
    const full = await session.snapshot(); // unbudgeted: always evaluates
    expect(full.runs[0]?.evaluatedAt).toBe(11);
  });

  it('stops a diverging run at the step it diverged, lets the others go on, and reset recovers', async () => {
    const session = await open({
      ...ROSENBROCK,
      runs: [
        ROSENBROCK.runs[0],
        { id: 'wild', label: 'SGD lr 1', spec: { name: 'sgdm', lr: 1 } },
      ] as ExperimentConfig['runs'],
    });
    session.advance(30);
    const snap = await session.snapshot();
    const [adam, wild] = snap.runs;
    expect(wild?.divergedAt).toBeGreaterThan(0);
    expect(wild?.divergedAt).toBeLessThanOrEqual(30);
    const badIndex = Array.from(wild?.losses ?? []).findIndex((l) => !Number.isFinite(l));
    expect(wild?.lossSteps[badIndex]).toBe(wild?.divergedAt);
    expect(adam?.divergedAt).toBeNull();
    expect(Number.isFinite(adam?.trainLoss)).toBe(true);
    session.advance(5);
    const later = await session.snapshot();
    expect(later.runs[1]?.losses).toHaveLength(0);
    expect(later.runs[0]?.losses).toHaveLength(5);
    await session.reset();
    expect(session.step).toBe(0);
    session.advance(2);
    const fresh = await session.snapshot();
    expect(fresh.runs[1]?.divergedAt).toBeNull();
    expect(fresh.runs[1]?.losses).toHaveLength(2);
  });

  it('changes a spec live, adds and removes runs, and records the surface trajectory', async () => {
    const session = await open(ROSENBROCK);
    session.advance(5);
    session.setSpec('adam', { name: 'sadam', softplusBeta: 10 });
    expect(() => session.setSpec('adam', { lr: -1 })).toThrow(/lr must be/);
    session.addRun({ id: 'late', label: 'late Adam', spec: { name: 'adam' } });
    expect(() => session.addRun({ id: 'late', label: 'dup', spec: { name: 'adam' } })).toThrow(/exists/);
    session.advance(5);
    const snap = await session.snapshot();
    expect(snap.runs.map((r) => r.spec.name)).toEqual(['sadam', 'sgdm', 'adam']);
    const view = snap.runs[0]?.view;
    expect(view?.kind).toBe('trajectory');
    if (view?.kind === 'trajectory') expect(view.points).toHaveLength(20);
    session.removeRun('sgd');
    session.removeRun('late');
    expect(() => session.removeRun('adam')).toThrow(/1–4 runs/);
    expect(session.runIds).toEqual(['adam']);
  });

  it('moves to another backend mid-run without losing weights or optimizer state', async () => {
    const straight = await open(SPIRALS);
    const moved = await open(SPIRALS);
    straight.advance(15);
    moved.advance(15);
    await moved.snapshot();
    await moved.migrate(() => useBackend('wasm'));
    expect(tf.getBackend()).toBe('wasm');
    moved.advance(15);
    const movedParams = await paramsOf(moved);
    await moved.migrate(() => useBackend('cpu'));
    straight.advance(15);
    const straightParams = await paramsOf(straight);
    for (let r = 0; r < 2; r++) {
      for (const [name, values] of Object.entries(straightParams[r] ?? {})) {
        const other = movedParams[r]?.[name] ?? new Float32Array();
        let worst = 0;
        values.forEach((v, i) => {
          worst = Math.max(worst, Math.abs(v - (other[i] ?? Number.NaN)));
        });
        expect(worst, `${name} of run ${r}`).toBeLessThan(1e-5);
      }
    }
  });

  it('keeps the tensor count flat over 2,000 steps with snapshots', async () => {
    const session = await open(SPIRALS);
    session.advance(10);
    await session.snapshot();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 40; i++) {
      session.advance(50);
      await session.snapshot();
    }
    expect(session.step).toBe(2010);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('Session.create with trainLater', () => {
  beforeEach(() => useBackend('cpu'));

  it('reads a snapshot at once; refuses to step until whenTrainable has resolved; then trains as usual', async () => {
    const later = await Session.create(SPIRALS, undefined, { trainLater: true });
    expect(later.trainable).toBe(false);
    expect((await later.read(true)).step).toBe(0);
    expect(() => later.advance(1)).toThrow(/still loading/);
    await later.whenTrainable();
    expect(later.trainable).toBe(true);
    later.advance(3);
    const now = await Session.create(SPIRALS);
    expect(now.trainable).toBe(true);
    now.advance(3);
    // Same weights after the same steps: waiting changed nothing but when.
    expect(await paramsOf(later)).toEqual(await paramsOf(now));
    later.dispose();
    now.dispose();
  });
});
