import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../optim/testing/node-backends';
import { sceneById } from './scenes';
import { trainerHarness } from './testing/trainer-harness';

const rosenbrock = sceneById('rosenbrock');
if (!rosenbrock) throw new Error('rosenbrock scene missing');

describe('Trainer (the worker loop)', () => {
  beforeAll(() => useBackend('cpu'));

  it('loads with a step-0 snapshot, plays ahead several steps per tick, pauses and single-steps', async () => {
    const { trainer, snapshots, until, errors } = trainerHarness();
    await trainer.load(rosenbrock.experiment, 20);
    expect(snapshots[0]?.step).toBe(0);
    trainer.setSpeed(5);
    trainer.play();
    const later = await until((s) => s.step >= 100);
    // Whole ticks of 5 steps; at least 20 steps apart (and at most ~30 snapshots a second).
    expect(later.step % 5).toBe(0);
    await trainer.pause();
    const stoppedAt = trainer.status.step;
    await new Promise((r) => setTimeout(r, 30));
    expect(trainer.status.step).toBe(stoppedAt);
    await trainer.step(3);
    expect(snapshots[snapshots.length - 1]?.step).toBe(stoppedAt + 3);
    expect(errors).toEqual([]);
    trainer.dispose();
  });

  it('pausing right after a snapshot that repeated an earlier evaluation shows the step evaluated', async () => {
    const race = sceneById('race-moons');
    if (!race) throw new Error('scene missing');
    const { trainer, snapshots, until, errors } = trainerHarness();
    await trainer.load(race.experiment, 1);
    trainer.play();
    // A budgeted snapshot that repeats an evaluation (between the early ones at steps 5, 10, 20, …).
    const old = await until((s) => s.runs.some((r) => r.evaluatedAt !== undefined && r.evaluatedAt < r.step));
    // Before the loop takes another step: no steps since that snapshot.
    await trainer.pause();
    const last = snapshots[snapshots.length - 1];
    expect(last?.step).toBe(trainer.status.step);
    expect(last).not.toBe(old);
    for (const run of last?.runs ?? []) expect(run.evaluatedAt).toBe(run.step);
    expect(errors).toEqual([]);
    trainer.dispose();
  });

  it('applies live spec changes while playing, and reset/task changes restart cleanly', async () => {
    const { trainer, until, errors, snapshots } = trainerHarness();
    await trainer.load(rosenbrock.experiment, 10);
    trainer.play();
    await until((s) => s.step >= 30);
    trainer.setSpec('adam', { name: 'sadam', softplusBeta: 1 });
    expect(() => trainer.setSpec('adam', { beta2: 2 })).toThrow(/beta2/);
    const switched = await until((s) => s.runs[0]?.spec.name === 'sadam' && s.step >= 60);
    // β = 1 caps the A-LR at 1/ln 2.
    expect(switched.runs[0]?.alrStats.max).toBeLessThanOrEqual(1 / Math.LN2 + 1e-6);
    const before = snapshots.length;
    await trainer.reset();
    // Reset posts a step-0 snapshot with the specs in force, then training goes on from there.
    const afterReset = snapshots.slice(before).find((s) => s.step === 0);
    expect(afterReset?.runs[0]?.spec.name).toBe('sadam');
    await until((s) => s.step > 0);
    await trainer.setTask({ kind: 'surface', surface: 'beale' });
    const beale = await until((s) => s.taskTitle === 'Beale' && s.step >= 10);
    expect(beale.runs).toHaveLength(3);
    await trainer.pause();
    expect(errors).toEqual([]);
    trainer.dispose();
  });

  it('while paused, a spec change (a slider burst included) is shown by one snapshot, at the same step', async () => {
    const { trainer, snapshots, errors } = trainerHarness();
    await trainer.load(rosenbrock.experiment, 10);
    const before = snapshots.length;
    const burst = [2, 3, 4, 5].map((b) => trainer.setSpec('adam', { name: 'custom', phi: `z + ${b}e-8` }));
    await Promise.all(burst);
    const after = snapshots.slice(before);
    expect(after.length).toBeGreaterThanOrEqual(1);
    expect(after.length).toBeLessThanOrEqual(2);
    const last = after[after.length - 1];
    expect(last?.step).toBe(0);
    expect(last?.runs[0]?.spec).toMatchObject({ name: 'custom', phi: 'z + 5e-8' });
    expect(() => trainer.setSpec('adam', { phi: 'log(z)' })).toThrow(/column 1/);
    expect(errors).toEqual([]);
    trainer.dispose();
  });
});
