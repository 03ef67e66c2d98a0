// Recovery in the worker loop: periodic checkpoints (async reads, no leaked tensors), a restarted worker
// restoring the runs from one, and a dead backend replaced under a playing loop. The surface scene has no
// batches, so a run restored from a checkpoint must retrace exactly the losses of the uninterrupted run.
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useBackend } from '../optim/testing/node-backends';
import { sceneById } from './scenes';
import type { Snapshot } from './session/snapshot-types';
import { trainerHarness } from './testing/trainer-harness';
import { CHECKPOINT_INTERVAL_MS } from './trainer';

const rosenbrock = (() => {
  const scene = sceneById('rosenbrock');
  if (!scene) throw new Error('rosenbrock scene missing');
  return scene;
})();

/** Losses of the uninterrupted run, one snapshot every step (stepping by hand, so the cadence is exact). */
async function reference(steps: number): Promise<Map<number, number[]>> {
  const { trainer, snapshots } = trainerHarness(1e9);
  await trainer.load(rosenbrock.experiment, 1);
  for (let i = 0; i < steps; i++) await trainer.step(1);
  trainer.dispose();
  return new Map(snapshots.map((s) => [s.step, s.runs.map((r) => r.trainLoss)]));
}

describe('Trainer recovery', () => {
  beforeEach(() => useBackend('cpu'));
  afterEach(() => useBackend('cpu'));

  it('the app checkpoints every few seconds, not every step', () => {
    expect(CHECKPOINT_INTERVAL_MS).toBeGreaterThanOrEqual(2000);
  });

  it('checkpoints at load and then at most once per interval, without leaking tensors', async () => {
    const { trainer, checkpoints, until, errors } = trainerHarness(50);
    await trainer.load(rosenbrock.experiment, 5);
    expect(checkpoints.map((c) => c.checkpoint.step)).toEqual([0]);
    trainer.play();
    await until((s) => s.step >= 50);
    await trainer.pause(); // counted while paused: no losses queued between snapshots
    const tensorsAt50 = tf.memory().numTensors;
    trainer.play();
    await until((s) => s.step >= 2000);
    await trainer.pause();
    expect(tf.memory().numTensors).toBe(tensorsAt50);
    expect(checkpoints.length).toBeGreaterThan(2);
    // Each checkpoint carries weights and optimizer state of every run, and the experiment it belongs to.
    const last = checkpoints.at(-1);
    expect(last?.checkpoint.runs.map((r) => r.config.id)).toEqual(['adam', 'sadam', 'sgdm']);
    expect(last?.checkpoint.runs[0]?.optimizerState.length).toBeGreaterThan(0);
    expect(last?.experiment.runs).toHaveLength(3);
    expect(errors).toEqual([]);
    trainer.dispose();
  });

  it('a restarted worker restores the runs from a checkpoint and retraces the uninterrupted losses', async () => {
    const expected = await reference(30);
    const first = trainerHarness(0);
    await first.trainer.load(rosenbrock.experiment, 1);
    for (let i = 0; i < 12; i++) await first.trainer.step(1);
    const saved = first.checkpoints.at(-1);
    expect(saved?.checkpoint.step).toBe(12);
    first.trainer.dispose(); // the worker "dies"
    if (!saved) return;

    const second = trainerHarness(1e9);
    await second.trainer.restore(saved.experiment, 1, saved.checkpoint);
    expect(second.snapshots[0]?.step).toBe(12);
    for (let i = 0; i < 18; i++) await second.trainer.step(1);
    for (const s of second.snapshots.slice(1)) {
      expect(
        s.runs.map((r) => r.trainLoss),
        `step ${s.step}`,
      ).toEqual(expected.get(s.step));
    }
    expect(second.snapshots.at(-1)?.step).toBe(30);
    second.trainer.dispose();
  });

  it('a recovery keeps hyperparameters changed after the checkpoint (a slider forces no checkpoint)', async () => {
    const { trainer, checkpoints, snapshots } = trainerHarness(1e9);
    await trainer.load(rosenbrock.experiment, 1);
    await trainer.step(5);
    trainer.setSpec('adam', { lr: 0.005 });
    expect(checkpoints).toHaveLength(1); // the one of step 0
    expect(await trainer.recoverOnto(() => useBackend('cpu'))).toBe(0);
    expect(snapshots.at(-1)?.runs[0]?.spec.lr).toBe(0.005);
    expect(trainer.experiment?.runs[0]?.spec.lr).toBe(0.005);
    trainer.dispose();
  });

  it('a backend that dies under a playing loop: back to the checkpoint on another backend, playing again', async () => {
    const expected = await reference(40);
    const { trainer, checkpoints, snapshots, errors, until } = trainerHarness(1e9);
    await trainer.load(rosenbrock.experiment, 1);
    for (let i = 0; i < 10; i++) await trainer.step(1);
    // The checkpoint of step 0 is the only one (interval 1e9); take one at step 10 as the loop would.
    expect(checkpoints.map((c) => c.checkpoint.step)).toEqual([0]);
    const session = (trainer as unknown as { session: { advance: (n: number) => void } }).session;
    const advance = session.advance.bind(session);
    // The next steps fail, as ops do on a lost device; the loop stops and reports it.
    session.advance = () => {
      throw new Error('device lost (simulated)');
    };
    trainer.play();
    await expect.poll(() => errors.length).toBe(1);
    expect(trainer.status.playing).toBe(false);
    session.advance = advance;

    const tensorsBefore = tf.memory().numTensors;
    const from = await trainer.recoverOnto(() => useBackend('wasm'));
    expect(from).toBe(0);
    expect(tf.getBackend()).toBe('wasm');
    expect(trainer.status.playing).toBe(true);
    const resumed = await until((s) => s.step >= 20);
    await trainer.pause();
    expect(resumed.backend).toBe('wasm');
    // Continues from the checkpoint's weights: each snapshot's loss is the mean over the steps since the
    // previous one, and matches the uninterrupted run's over the same steps (wasm vs cpu: float32 noise).
    const after = snapshots.filter((s) => s.backend === 'wasm');
    expect(after.length).toBeGreaterThan(2);
    for (let k = 1; k < after.length; k++) {
      const [prev, cur] = [after[k - 1] as Snapshot, after[k] as Snapshot];
      if (cur.step > 40 || cur.step === prev.step) continue;
      cur.runs.forEach((r, i) => {
        let sum = 0;
        for (let step = prev.step + 1; step <= cur.step; step++) sum += expected.get(step)?.[i] ?? Number.NaN;
        expect(r.trainLoss, `${r.runId} step ${cur.step}`).toBeCloseTo(sum / (cur.step - prev.step), 3);
      });
    }
    expect(tf.memory().numTensors).toBeLessThanOrEqual(tensorsBefore);
    trainer.dispose();
  });
});
