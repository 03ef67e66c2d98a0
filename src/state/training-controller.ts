// The commands the UI sends to the training loop, and where their answers land (the training store).
// No tfjs, no React: buttons call these; canvases and cards subscribe to the store.

import type { ControlCommand, EngineClient } from '../engine/client';
import type { ExperimentConfig, RunConfig } from '../engine/experiment';
import { type EngineMessage, messageOf } from '../engine/messages';
import { checkExperimentBudget, type SizedExperiment } from '../engine/model-size';
import type { Seeds } from '../engine/random';
import { type Scene, sceneById } from '../engine/scenes';
import type { FieldKind } from '../engine/session/snapshot-types';
import type { TaskConfig } from '../engine/tasks/configs';
import type { OptimizerSpecInput } from '../optim/spec';
import { coalescing } from './coalesce';
import type { EngineConnection } from './engine-connection';
import { createEngineRecovery } from './engine-recovery';
import { fieldLoans } from './field-loans';
import { createRequestedExperiment, type ExperimentChange, type PendingEdit } from './requested-experiment';
import { untypedLabel, withSpec } from './run-label';
import type { TrainingStore } from './training-store';
import { MAX_LABEL_LENGTH } from './url/schema';
import { type Opening, warmupChunks, warmupSteps } from './warm-up';

/** The app's absolute base URL: the worker fetches data files relative to it. */
export function assetBase(): string {
  return new URL(import.meta.env.BASE_URL, document.baseURI).href;
}

export function createTrainingController(connection: EngineConnection, training: TrainingStore) {
  let wired: EngineClient | null = null;
  /** The store's experiment is the one asked for, edits in flight included (state/requested-experiment.ts). */
  const requested = createRequestedExperiment((experiment, notice) =>
    training.setExperiment(experiment, notice === undefined ? training.store.getState().notice : notice),
  );
  const recovery = createEngineRecovery(connection, training, () => client(), assetBase, requested.taken);
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
      // Snapshot fields the page is done with go back to this worker for reuse (field-loans.ts).
      fieldLoans.connect((buffers) => c.returnFields(buffers));
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
      training.fail(messageOf(err));
      return false;
    }
  };

  /**
   * The model-size budget, checked before anything is sent: every experiment passes here, whether it
   * comes from a link, the drawer, a scene, a CSV or a parent page. Over budget, it is refused with a
   * typed reason (rendered through the string tables) and the running experiment is left untouched.
   */
  const fits = (experiment: SizedExperiment): boolean => {
    const over = checkExperimentBudget(experiment);
    if (over) training.refuse(over);
    return over === null;
  };
  /** A change the user made fits: an earlier refusal is out of date. */
  const fitsNow = (experiment: SizedExperiment): boolean => {
    const ok = fits(experiment);
    if (ok) training.refuse(null);
    return ok;
  };
  const current = () => requested.requested();
  /** The current seed count, as the budget reads it (absent: one seed). */
  const seedsNow = (): Pick<ExperimentConfig, 'seedCount'> => {
    const n = current()?.seedCount;
    return n === undefined ? {} : { seedCount: n };
  };
  /**
   * Records `change` in the store's experiment at once (links carry it while it is in flight) and sends
   * `command`. Taken, `notice` is shown; refused, the change is rolled back and the engine's reason thrown
   * (to `attempt`, which shows it). `sendAndSettle` is the same for an edit already recorded.
   */
  const sendAndRecord = (command: ControlCommand, change: ExperimentChange, notice?: EngineMessage) =>
    sendAndSettle(requested.edit(change, notice), command);
  const sendAndSettle = async (edit: PendingEdit, command: ControlCommand): Promise<void> => {
    try {
      await client().send(command);
    } catch (err) {
      edit.settle(false);
      throw err;
    }
    edit.settle(true);
  };

  /** Steps asked for while one `step` is in flight add up (the engine's own bound: 1000 outstanding). */
  const sendSteps = coalescing(
    (count: number) => attempt(() => client().send({ type: 'step', count })),
    (a, b) => Math.min(1000, a + b),
  );
  /**
   * One spec change per run in flight; later ones merge (latest value of each field wins) and are sent
   * when it is answered. Each is recorded as asked at once and settles with the command that carried it.
   */
  const specSenders = new Map<string, (spec: Partial<OptimizerSpecInput>) => Promise<boolean>>();
  const specSender = (runId: string) => {
    let sender = specSenders.get(runId);
    if (!sender) {
      sender = coalescing(
        (spec: Partial<OptimizerSpecInput>) => attempt(() => client().send({ type: 'setSpec', runId, spec })),
        (a, b) => ({ ...a, ...b }),
      );
      specSenders.set(runId, sender);
    }
    return sender;
  };
  const setSpec = async (runId: string, spec: Partial<OptimizerSpecInput>): Promise<boolean> => {
    const edit = requested.edit((e) => ({
      ...e,
      runs: e.runs.map((r) => (r.id === runId ? withSpec(r, spec) : r)),
    }));
    const ok = await specSender(runId)(spec);
    edit.settle(ok);
    return ok;
  };

  // The first screen's warm-up (state/warm-up.ts): a run of step commands that any command driving
  // training interrupts. Bumping the generation stops it after the command in flight.
  let warmupGeneration = 0;
  /** The scene loaded last: its runs' labels are the templates of untyped labels. */
  let sceneId: string | null = null;
  const interrupt = () => {
    warmupGeneration += 1;
    training.setFirstScreen(null);
  };
  const warmUp = async (scene: Scene) => {
    const generation = ++warmupGeneration;
    const target = warmupSteps(scene);
    training.setFirstScreen({ phase: 'warming', target });
    for (const count of warmupChunks(target, scene.snapshotEvery)) {
      if (generation !== warmupGeneration) return;
      const ok = await attempt(() => client().send({ type: 'step', count }));
      if (!ok) break;
    }
    if (generation === warmupGeneration) training.setFirstScreen({ phase: 'warmed', target });
  };

  return {
    /**
     * Loads a scene. `opening` is for the page's first scene only: 'warm-up' trains a fixed first
     * stretch and pauses, 'prompt' (reduced motion) asks for a click; later scenes wait at step 0.
     */
    loadScene: async (asked: Scene, opening?: Opening) => {
      let scene = asked;
      if (!fits(asked.experiment)) {
        // Nothing runs yet (a link at start-up): the scene's own experiment instead, the refusal shown.
        const own = sceneById(asked.id);
        if (current() !== null || !own || checkExperimentBudget(own.experiment)) return false;
        scene = own;
      }
      interrupt();
      const generation = warmupGeneration;
      sceneId = scene.id;
      // The page's labels first, so the new scene's first snapshot is shown with its own.
      const load = requested.replace(structuredClone(scene.experiment));
      const loaded = await attempt(async () => {
        await sendAndSettle(load, {
          type: 'load',
          experiment: scene.experiment,
          snapshotEvery: scene.snapshotEvery,
          assetBase: assetBase(),
        });
        connection.markExperimentLoaded();
        await client().send({ type: 'setSpeed', stepsPerTick: scene.stepsPerTick ?? 1 });
        await client().send({ type: 'setShownField', field: training.store.getState().shownField });
      });
      if (!loaded) return false; // the experiment before it is the one asked for again
      // A command while the scene loaded (a tour's or a parent page's play) takes precedence.
      if (generation !== warmupGeneration) return true;
      if (opening === 'warm-up') void warmUp(scene);
      else if (opening === 'prompt') training.setFirstScreen({ phase: 'prompt' });
      return true;
    },
    play: () => {
      interrupt();
      return attempt(() => client().send({ type: 'play' }));
    },
    pause: () => {
      interrupt();
      return attempt(() => client().send({ type: 'pause' }));
    },
    step: (count = 1) => {
      interrupt();
      return sendSteps(count);
    },
    reset: () => {
      interrupt();
      return attempt(() => client().send({ type: 'reset' }));
    },
    /** New seeds (data, initial weights, batch order) and a fresh start. */
    reseed: (seeds: Seeds) =>
      attempt(async () => {
        interrupt();
        await sendAndRecord({ type: 'reset', seeds }, (experiment) => ({ ...experiment, seeds }), {
          kind: 'newSeeds',
        });
      }),
    /** A new task or model: every run restarts from step 0 with its current optimizer. */
    setTask: (task: TaskConfig) => {
      if (!fitsNow({ task, runs: current()?.runs ?? [], ...seedsNow() })) return Promise.resolve(false);
      return attempt(async () => {
        interrupt();
        await sendAndRecord({ type: 'setTask', task }, (experiment) => ({ ...experiment, task }), {
          kind: 'taskChanged',
        });
      });
    },
    /**
     * Every run on `count` seeds (1–5, docs/seeds.md), from step 0 with the current specs; refused with
     * the budget's reason when parameters × runs × seeds do not fit.
     */
    setSeedCount: (count: number) => {
      const experiment = current();
      if (!experiment || !fitsNow({ ...experiment, seedCount: count })) return Promise.resolve(false);
      return attempt(async () => {
        interrupt();
        await sendAndRecord({ type: 'setSeedCount', count }, ({ seedCount: _, ...rest }) =>
          count > 1 ? { ...rest, seedCount: count } : rest,
        );
      });
    },
    /** Several seeds: which one the heatmaps, readouts and task view show (0-based). */
    showSeed: (index: number) => training.showSeed(index),
    /** Another panel (up to four), starting from the shared initial weights. */
    addRun: (run: RunConfig) => {
      const experiment = current();
      if (experiment && !fitsNow({ ...experiment, runs: [...experiment.runs, run] }))
        return Promise.resolve(false);
      return attempt(async () => {
        await sendAndRecord({ type: 'addRun', run }, (e) => ({ ...e, runs: [...e.runs, run] }));
        if (!training.store.getState().status?.playing) await client().send({ type: 'step', count: 0 });
      });
    },
    removeRun: (runId: string) =>
      attempt(async () => {
        await sendAndRecord({ type: 'removeRun', runId }, (e) => ({
          ...e,
          runs: e.runs.filter((r) => r.id !== runId),
        }));
        if (!training.store.getState().status?.playing) await client().send({ type: 'step', count: 0 });
      }),
    /** Loss surfaces: restart every run from a new start point (a click on the contour plot). */
    setStart: (x: number, y: number) => {
      const task = training.store.getState().experiment?.task;
      if (task?.kind !== 'surface') return Promise.resolve(false);
      return attempt(async () => {
        interrupt();
        const next = { ...task, start: [x, y] as [number, number] };
        await sendAndRecord(
          { type: 'setTask', task: next },
          (experiment) => ({ ...experiment, task: next }),
          { kind: 'newStart', x: x.toFixed(2), y: y.toFixed(2) },
        );
      });
    },
    setShownField: (field: FieldKind) =>
      attempt(async () => {
        training.setShownField(field);
        await client().send({ type: 'setShownField', field });
      }),
    setSpeed: (stepsPerTick: number) => attempt(() => client().send({ type: 'setSpeed', stepsPerTick })),
    setSpec,
    /**
     * The user's own label for a run (kept as typed from then on); an empty one goes back to the label
     * `untyped` gives (derived from the spec).
     */
    setLabel: (runId: string, text: string) => {
      const label = text.trim().slice(0, MAX_LABEL_LENGTH);
      const base = sceneById(sceneId ?? '')?.experiment.runs ?? [];
      requested.local((experiment) => ({
        ...experiment,
        runs: experiment.runs.map((r): RunConfig => {
          if (r.id !== runId) return r;
          const { labelTyped: _, ...rest } = r;
          return label === ''
            ? { ...rest, label: untypedLabel(r, base) }
            : { ...rest, label, labelTyped: true };
        }),
      }));
    },
  };
}

export type TrainingController = ReturnType<typeof createTrainingController>;
