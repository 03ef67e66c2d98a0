// What the page does when the engine fails under training. A lost GPU device is handled inside the worker
// (it moves the runs to the next backend from its last checkpoint); the page rewinds the charts to that
// checkpoint and says so. A dead worker is replaced here: a fresh one gets the experiment and the runs'
// state from the latest checkpoint the old one sent, and training resumes if it was playing. No tfjs here.

import type { EngineClient, EngineListeners } from '../engine/client';
import type { ExperimentConfig } from '../engine/experiment';
import { type EngineStop, type LostGpu, messageOf } from '../engine/messages';
import type { Checkpoint } from '../engine/session/checkpoint-types';
import type { EngineConnection } from './engine-connection';
import type { TrainingStore } from './training-store';

/** A worker that dies this often is not restarted again: something is wrong beyond a fluke. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

export function createEngineRecovery(
  connection: EngineConnection,
  training: TrainingStore,
  client: () => EngineClient,
  assetBase: () => string,
  /** The experiment the engine has taken (edits it never answered are not put back on a new worker). */
  taken: () => ExperimentConfig | null = () => training.store.getState().experiment,
) {
  let saved: { checkpoint: Checkpoint; experiment: ExperimentConfig } | null = null;
  let lost: LostGpu = { kind: 'webGlContextLost' };
  const restarts: number[] = [];

  const restart = async (stop: EngineStop): Promise<void> => {
    const now = Date.now();
    while (restarts.length > 0 && now - (restarts[0] as number) > RESTART_WINDOW_MS) restarts.shift();
    if (restarts.length >= MAX_RESTARTS) {
      training.fail({ kind: 'engineGaveUp', stop, times: MAX_RESTARTS });
      return;
    }
    restarts.push(now);
    const { status, shownField } = training.store.getState();
    const current = taken();
    const wasPlaying = status?.playing ?? false;
    training.notify({ kind: 'engineRestarting', stop });
    const ready = await connection.restart();
    if (!ready) {
      training.fail({ kind: 'engineNotRestarted', stop });
      return;
    }
    const experiment = saved?.experiment ?? current;
    if (!experiment) return; // nothing was loaded yet: the scene loader does it
    const snapshotEvery = status?.snapshotEvery ?? 10;
    try {
      const c = client();
      if (saved) {
        training.rewindTo(saved.checkpoint.step);
        await c.send({
          type: 'restore',
          experiment,
          checkpoint: saved.checkpoint,
          snapshotEvery,
          assetBase: assetBase(),
        });
      } else {
        await c.send({ type: 'load', experiment, snapshotEvery, assetBase: assetBase() });
      }
      connection.markExperimentLoaded();
      await c.send({ type: 'setSpeed', stepsPerTick: status?.stepsPerTick ?? 1, snapshotEvery });
      await c.send({ type: 'setShownField', field: shownField });
      // Settings changed after the checkpoint (e.g. while paused) are the user's: put them back.
      const restored = new Set(experiment.runs.map((r) => r.id));
      for (const run of current?.runs ?? []) {
        if (restored.has(run.id))
          await c.send({ type: 'setSpec', runId: run.id, spec: run.spec }).catch(() => undefined);
      }
      if (wasPlaying) await c.send({ type: 'play' });
      const step = saved?.checkpoint.step ?? 0;
      training.notify({ kind: 'engineRestarted', stop, step });
    } catch (err) {
      training.fail({ kind: 'restoreFailed', cause: messageOf(err) });
    }
  };

  const listeners: EngineListeners = {
    checkpoint: (checkpoint, experiment) => {
      saved = { checkpoint, experiment };
    },
    recovering: (loss, step) => {
      lost = loss;
      training.rewindTo(step);
      training.notify({ kind: 'backendMoving', lost, step });
    },
    recovered: (step, ready) => {
      connection.backendChanged(ready);
      training.notify({ kind: 'backendMoved', lost, backend: ready.backend, step });
    },
    dead: (stop) => void restart(stop),
  };
  return { listeners };
}
