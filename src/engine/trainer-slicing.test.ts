// Long commands never hold the worker: `step(count)` runs in slices that yield to the message loop (so the
// page's watchdog pings are answered), `pause` and `reset` stop it within a slice, and a flood of `step`
// requests coalesces into one bounded command.
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../optim/testing/node-backends';
import type { ExperimentConfig } from './experiment';
import { sceneById } from './scenes';
import { trainerHarness } from './testing/trainer-harness';
import { MAX_PENDING_STEPS } from './trainer';
import { DEAD_AFTER_MS } from './watchdog';

const race = sceneById('race-moons');
const rosenbrock = sceneById('rosenbrock');
if (!race || !rosenbrock) throw new Error('scenes missing');

/** A 2-D classifier big enough that 1,000 CPU steps take seconds (one block would starve every ping). */
const heavier: ExperimentConfig = {
  ...race.experiment,
  runs: race.experiment.runs.slice(0, 2),
  task: {
    kind: 'classify2d',
    dataset: 'moons',
    hidden: [16, 16],
    activation: 'tanh',
    batchSize: 32,
    noise: 0.2,
    trainSize: 400,
  },
};

/** Answers a "ping" every `everyMs` on the event loop, as the worker does; returns the longest wait seen. */
function pinger(everyMs: number) {
  let answered = 0;
  let longest = 0;
  let sentAt = performance.now();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    const now = performance.now();
    longest = Math.max(longest, now - sentAt);
    answered += 1;
    sentAt = now + everyMs;
    setTimeout(tick, everyMs);
  };
  setTimeout(tick, everyMs);
  return {
    stop: () => {
      stopped = true;
      return { answered, longestLateMs: longest };
    },
  };
}

describe('Trainer: long commands in slices', () => {
  beforeAll(() => useBackend('cpu'));

  it('1,000 steps on the CPU backend: pings are answered throughout, far inside the watchdog', async () => {
    const { trainer, snapshots, errors } = trainerHarness();
    await trainer.load(heavier, 10);
    const ping = pinger(50);
    const started = performance.now();
    await trainer.step(1000);
    const tookMs = performance.now() - started;
    const { answered, longestLateMs } = ping.stop();
    expect(trainer.status.step).toBe(1000);
    expect(snapshots[snapshots.length - 1]?.step).toBe(1000);
    // A ping waits for one slice (plus a progress snapshot), never for the whole command: without slicing
    // the longest wait would be the command's whole duration. Bounds relative to it, since the machine
    // may be loaded; and far inside the watchdog's 20 s either way.
    expect(longestLateMs).toBeLessThan(tookMs / 4);
    expect(longestLateMs).toBeLessThan(DEAD_AFTER_MS / 2);
    expect(answered).toBeGreaterThanOrEqual(Math.floor(tookMs / 50 / 10));
    // The page saw progress during the command, not only at its end.
    expect(snapshots.some((s) => s.step > 0 && s.step < 1000)).toBe(true);
    expect(errors).toEqual([]);
    trainer.dispose();
  }, 240_000);

  it('pause stops a long step within a slice; reset drops what is left and goes back to step 0', async () => {
    const { trainer, errors } = trainerHarness();
    await trainer.load(heavier, 10);
    const stepping = trainer.step(1000);
    await new Promise((r) => setTimeout(r, 150));
    const pausedAt = performance.now();
    await trainer.pause();
    const pauseTook = performance.now() - pausedAt;
    await stepping;
    const stoppedAt = trainer.status.step;
    expect(stoppedAt).toBeGreaterThan(0);
    expect(stoppedAt).toBeLessThan(1000);
    expect(pauseTook).toBeLessThan(2000);
    await new Promise((r) => setTimeout(r, 100));
    expect(trainer.status.step).toBe(stoppedAt);

    const again = trainer.step(1000);
    await new Promise((r) => setTimeout(r, 150));
    await trainer.reset();
    await again;
    expect(trainer.status.step).toBe(0);
    expect(errors).toEqual([]);
    trainer.dispose();
  }, 60_000);

  it('a flood of step requests coalesces into one command of at most MAX_PENDING_STEPS', async () => {
    const { trainer, snapshots, errors } = trainerHarness();
    await trainer.load(rosenbrock.experiment, 10);
    const before = snapshots.length;
    const flood = Array.from({ length: 500 }, () => trainer.step(1000));
    expect(new Set(flood).size).toBe(1); // every request joined the first one
    await Promise.all(flood);
    expect(trainer.status.step).toBe(MAX_PENDING_STEPS);
    // One closing snapshot (plus progress snapshots), not 500.
    expect(snapshots.length - before).toBeLessThan(50);
    // Small requests still add up exactly while one is pending.
    const small = [trainer.step(2), trainer.step(3), trainer.step(0)];
    await Promise.all(small);
    expect(trainer.status.step).toBe(MAX_PENDING_STEPS + 5);
    expect(errors).toEqual([]);
    trainer.dispose();
  }, 60_000);
});
