import * as tf from '@tensorflow/tfjs-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useBackend } from '../../optim/testing/node-backends';
import type { ExperimentConfig } from '../experiment';
import { seedsForRepeat } from '../random';
import { SPIRALS } from '../testing/measure-fixtures';
import { trainerHarness } from '../testing/trainer-harness';
import { createLockstep, type Lockstep, SeedGroup } from './seed-group';
import { Session } from './session';
import type { RunSnapshot } from './snapshot-types';

/** What must agree between two runs trained alike: losses, accuracy and the whole A-LR field. */
const numbers = (r: RunSnapshot) => ({
  trainLoss: r.trainLoss,
  testLoss: r.testLoss,
  accuracy: r.accuracy,
  losses: Array.from(r.losses),
  alr: Array.from(r.alr),
});

describe('several seeds in lockstep', () => {
  const open: Lockstep[] = [];
  const make = async (config: ExperimentConfig) => {
    const s = await createLockstep(config);
    open.push(s);
    return s;
  };
  beforeEach(() => useBackend('cpu'));
  afterEach(() => {
    for (const s of open.splice(0)) s.dispose();
  });

  it('one seed is a plain Session (the path of before); several are a group', async () => {
    expect(await make(SPIRALS)).toBeInstanceOf(Session);
    expect(await make({ ...SPIRALS, seedCount: 1 })).toBeInstanceOf(Session);
    const group = await make({ ...SPIRALS, seedCount: 3 });
    expect(group).toBeInstanceOf(SeedGroup);
    expect((group as SeedGroup).seedCount).toBe(3);
    expect(group.experiment.seeds).toEqual(SPIRALS.seeds);
    expect(group.experiment.seedCount).toBe(3);
  });

  it('seed k of a group is identical to a 1-seed run with that seed; seeds differ from each other', async () => {
    const group = await make({ ...SPIRALS, seedCount: 3 });
    group.advance(12);
    const snap = await group.snapshot();
    expect(snap.step).toBe(12);
    expect(snap.seedRuns).toHaveLength(3);
    expect(snap.runs).toBe(snap.seedRuns?.[0]);
    for (let k = 0; k < 3; k++) {
      const single = await make({ ...SPIRALS, seeds: seedsForRepeat(SPIRALS.seeds, k) });
      single.advance(12);
      const alone = await single.snapshot();
      expect(alone.seedRuns).toBeUndefined();
      const seeded = snap.seedRuns?.[k] ?? [];
      expect(seeded.map(numbers)).toEqual(alone.runs.map(numbers));
    }
    // Different seeds: different initial weights and batches, so different losses.
    const loss = (k: number) => snap.seedRuns?.[k]?.[0]?.trainLoss;
    expect(loss(1)).not.toBe(loss(0));
    expect(loss(2)).not.toBe(loss(1));
  });

  it('starts the optimizers of one seed from the same weights, and the seeds from different ones', async () => {
    const group = await make({ ...SPIRALS, seedCount: 2 });
    const saved = await group.checkpoint();
    expect(saved.repeats).toHaveLength(1);
    const seed0 = saved.runs.map((r) => r.params);
    const seed1 = (saved.repeats?.[0]?.runs ?? []).map((r) => r.params);
    expect(seed0[1]).toEqual(seed0[0]);
    expect(seed1[1]).toEqual(seed1[0]);
    expect(seed1[0]).not.toEqual(seed0[0]);
  });

  it('applies spec changes, added runs and resets to every seed', async () => {
    const group = await make({ ...SPIRALS, seedCount: 2 });
    group.setSpec('a', { lr: 0.05 });
    group.addRun({ id: 'c', label: 'SGD', spec: { name: 'sgdm', lr: 0.1 } });
    group.advance(3);
    const snap = await group.snapshot();
    for (const runs of snap.seedRuns ?? []) {
      expect(runs.map((r) => r.runId)).toEqual(['a', 'b', 'c']);
      expect(runs[0]?.spec.lr).toBe(0.05);
    }
    await group.reset();
    expect(group.step).toBe(0);
    const again = await group.snapshot();
    expect(again.seedRuns?.every((runs) => runs.every((r) => r.step === 0))).toBe(true);
  });

  it('restores every seed from its checkpoint (a migration keeps the numbers)', async () => {
    const group = await make({ ...SPIRALS, seedCount: 2 });
    group.advance(5);
    const before = await group.snapshot();
    let switched = 0;
    await group.migrate(async () => {
      switched += 1;
    });
    expect(switched).toBe(1);
    const after = await group.snapshot();
    expect(after.step).toBe(5);
    expect(after.seedRuns?.map((runs) => runs.map((r) => Array.from(r.alr)))).toEqual(
      before.seedRuns?.map((runs) => runs.map((r) => Array.from(r.alr))),
    );
    await expect(group.restoreFrom({ ...(await group.checkpoint()), repeats: [] })).rejects.toThrow(
      /holds 1 seed/,
    );
  });

  it('leaks no tensors over many steps and snapshots with 3 seeds', async () => {
    const group = await make({ ...SPIRALS, seedCount: 3 });
    group.advance(2);
    await group.snapshot();
    const settled = tf.memory().numTensors;
    for (let i = 0; i < 10; i++) {
      group.advance(6);
      await group.snapshot({ budgeted: i % 2 === 0 });
    }
    expect(tf.memory().numTensors).toBe(settled);
    group.dispose();
    open.splice(open.indexOf(group), 1);
    expect(tf.memory().numTensors).toBeLessThan(settled);
  });
});

describe('the trainer on several seeds', () => {
  beforeEach(() => useBackend('cpu'));

  it('switches the seed count live: same specs and shown field, step 0, every seed in the snapshot', async () => {
    const { trainer, snapshots } = trainerHarness();
    await trainer.load(SPIRALS, 5);
    await trainer.setShownField('sqrtSecondMoment');
    trainer.setSpec('a', { lr: 0.03 });
    await trainer.step(4);
    await trainer.setSeedCount(3);
    const last = snapshots.at(-1);
    expect(last?.step).toBe(0);
    expect(last?.seedRuns).toHaveLength(3);
    expect(last?.runs[0]?.spec.lr).toBe(0.03);
    expect(last?.runs[0]?.shown.kind).toBe('sqrtSecondMoment');
    expect(trainer.experiment?.seedCount).toBe(3);
    await trainer.step(4);
    expect(snapshots.at(-1)?.seedRuns?.every((runs) => runs.every((r) => r.step === 4))).toBe(true);
    await expect(trainer.setSeedCount(9)).rejects.toThrow(/seeds: 1–5/);
    await trainer.setSeedCount(1);
    expect(snapshots.at(-1)?.seedRuns).toBeUndefined();
    expect(trainer.experiment?.seedCount).toBeUndefined();
    trainer.dispose();
  });
});
