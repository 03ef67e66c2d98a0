// The commands the UI sends to the training loop, and where their answers land (the training store).
// No tfjs, no React: buttons call these; canvases and cards subscribe to the store.

import type { EngineClient } from '../engine/client';
import type { Scene } from '../engine/scenes';
import type { OptimizerSpecInput } from '../optim/spec';
import type { EngineConnection } from './engine-connection';
import type { TrainingStore } from './training-store';

/** The app's absolute base URL: the worker fetches data files relative to it. */
export function assetBase(): string {
  return new URL(import.meta.env.BASE_URL, document.baseURI).href;
}

export function createTrainingController(connection: EngineConnection, training: TrainingStore) {
  let wired: EngineClient | null = null;
  const client = () => {
    const c = connection.client();
    if (wired !== c) {
      c.listen({ snapshot: training.receiveSnapshot, status: training.receiveStatus });
      wired = c;
    }
    return c;
  };
  /** Runs a command; a refusal is shown in the store rather than thrown at a click handler. */
  const attempt = async (work: () => Promise<void>): Promise<boolean> => {
    try {
      await work();
      return true;
    } catch (err) {
      training.fail(err instanceof Error ? err.message : String(err));
      return false;
    }
  };

  return {
    loadScene: (scene: Scene) =>
      attempt(async () => {
        await client().send({
          type: 'load',
          experiment: scene.experiment,
          snapshotEvery: scene.snapshotEvery,
          assetBase: assetBase(),
        });
        connection.markExperimentLoaded();
      }),
    play: () => attempt(() => client().send({ type: 'play' })),
    pause: () => attempt(() => client().send({ type: 'pause' })),
    step: (count = 1) => attempt(() => client().send({ type: 'step', count })),
    reset: () => attempt(() => client().send({ type: 'reset' })),
    setSpeed: (stepsPerTick: number) => attempt(() => client().send({ type: 'setSpeed', stepsPerTick })),
    setSpec: (runId: string, spec: Partial<OptimizerSpecInput>) =>
      attempt(() => client().send({ type: 'setSpec', runId, spec })),
  };
}

export type TrainingController = ReturnType<typeof createTrainingController>;
