// The commands the UI sends to the training loop, and where their answers land (the training store).
// No tfjs, no React: buttons call these; canvases and cards subscribe to the store.

import type { EngineClient } from '../engine/client';
import type { RunConfig } from '../engine/experiment';
import type { Seeds } from '../engine/random';
import type { Scene } from '../engine/scenes';
import type { FieldKind } from '../engine/session/snapshot-types';
import type { TaskConfig } from '../engine/tasks/configs';
import type { OptimizerSpecInput } from '../optim/spec';
import type { EngineConnection } from './engine-connection';
import { createEngineRecovery } from './engine-recovery';
import type { TrainingStore } from './training-store';

/** The app's absolute base URL: the worker fetches data files relative to it. */
export function assetBase(): string {
  return new URL(import.meta.env.BASE_URL, document.baseURI).href;
}

export function createTrainingController(connection: EngineConnection, training: TrainingStore) {
  let wired: EngineClient | null = null;
  const recovery = createEngineRecovery(connection, training, () => client(), assetBase);
  const client = (): EngineClient => {
    const c = connection.client();
    if (wired !== c) {
      c.listen({
        snapshot: training.receiveSnapshot,
        status: training.receiveStatus,
        ...recovery.listeners,
        // Auto's measurement of the loaded scene (issue #12).
        measuring: () => connection.measuring(),
        measured: (shapeKey, ready) => connection.measured(shapeKey, ready),
      });
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
        training.setExperiment(structuredClone(scene.experiment));
        await client().send({ type: 'setSpeed', stepsPerTick: scene.stepsPerTick ?? 1 });
        await client().send({ type: 'setShownField', field: training.store.getState().shownField });
      }),
    play: () => attempt(() => client().send({ type: 'play' })),
    pause: () => attempt(() => client().send({ type: 'pause' })),
    step: (count = 1) => attempt(() => client().send({ type: 'step', count })),
    reset: () => attempt(() => client().send({ type: 'reset' })),
    /** New seeds (data, initial weights, batch order) and a fresh start. */
    reseed: (seeds: Seeds) =>
      attempt(async () => {
        await client().send({ type: 'reset', seeds });
        const experiment = training.store.getState().experiment;
        if (experiment)
          training.setExperiment(
            { ...experiment, seeds },
            'New seeds: training restarted from new initial weights.',
          );
      }),
    /** A new task or model: every run restarts from step 0 with its current optimizer. */
    setTask: (task: TaskConfig) =>
      attempt(async () => {
        await client().send({ type: 'setTask', task });
        const experiment = training.store.getState().experiment;
        if (experiment)
          training.setExperiment(
            { ...experiment, task },
            'Task or model changed: the runs restarted from step 0.',
          );
      }),
    /** Another panel (up to four), starting from the shared initial weights. */
    addRun: (run: RunConfig) =>
      attempt(async () => {
        await client().send({ type: 'addRun', run });
        const experiment = training.store.getState().experiment;
        if (experiment) training.setExperiment({ ...experiment, runs: [...experiment.runs, run] });
        if (!training.store.getState().status?.playing) await client().send({ type: 'step', count: 0 });
      }),
    removeRun: (runId: string) =>
      attempt(async () => {
        await client().send({ type: 'removeRun', runId });
        const experiment = training.store.getState().experiment;
        if (experiment)
          training.setExperiment({ ...experiment, runs: experiment.runs.filter((r) => r.id !== runId) });
        if (!training.store.getState().status?.playing) await client().send({ type: 'step', count: 0 });
      }),
    /** Loss surfaces: restart every run from a new start point (a click on the contour plot). */
    setStart: (x: number, y: number) => {
      const task = training.store.getState().experiment?.task;
      if (task?.kind !== 'surface') return Promise.resolve(false);
      return attempt(async () => {
        const next = { ...task, start: [x, y] as [number, number] };
        await client().send({ type: 'setTask', task: next });
        const experiment = training.store.getState().experiment;
        if (experiment)
          training.setExperiment(
            { ...experiment, task: next },
            `New start point (${x.toFixed(2)}, ${y.toFixed(2)}): the runs restarted.`,
          );
      });
    },
    setShownField: (field: FieldKind) =>
      attempt(async () => {
        training.setShownField(field);
        await client().send({ type: 'setShownField', field });
      }),
    setSpeed: (stepsPerTick: number) => attempt(() => client().send({ type: 'setSpeed', stepsPerTick })),
    setSpec: (runId: string, spec: Partial<OptimizerSpecInput>) =>
      attempt(async () => {
        await client().send({ type: 'setSpec', runId, spec });
        const experiment = training.store.getState().experiment;
        if (experiment) {
          const runs = experiment.runs.map((r) =>
            r.id === runId ? { ...r, spec: { ...r.spec, ...spec } as OptimizerSpecInput } : r,
          );
          training.setExperiment({ ...experiment, runs });
        }
      }),
  };
}

export type TrainingController = ReturnType<typeof createTrainingController>;
