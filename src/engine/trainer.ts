// The training loop that runs in the worker: owns the lockstep Session, steps it ahead of drawing
// (several steps per tick), posts a snapshot at display cadence and yields between ticks so that
// commands are handled promptly. Independent of postMessage, so it runs in Node tests too.
// Over 300 lines on purpose: the command queue, the loop, step slicing and recovery share one set of
// flags (playing, rebuilding, generation, pending steps) that must change together; the slicing helpers
// live in trainer-slices.ts and the budget in model-size.ts.

import type { OptimizerSpecInput } from '../optim/spec';
import type { AssetLoader } from './data/asset-loader';
import { errorMessage } from './error-message';
import type { ExperimentConfig, RunConfig } from './experiment';
import { MessageError } from './messages';
import { checkExperimentBudget, overBudgetMessage } from './model-size';
import { MAX_SEED_REPEATS, type Seeds } from './random';
import type { Checkpoint } from './session/checkpoint-types';
import { createLockstep, type Lockstep } from './session/seed-group';
import type { FieldKind, Snapshot } from './session/snapshot-types';
import type { TaskConfig } from './tasks/configs';
import {
  advanceSlice,
  MAX_PENDING_STEPS,
  PROGRESS_SNAPSHOT_MS,
  sleep,
  yieldToEvents,
} from './trainer-slices';
import type { TrainerStatus } from './trainer-status';

export { MAX_PENDING_STEPS, SLICE_MS } from './trainer-slices';
export type { TrainerStatus } from './trainer-status';

export interface TrainerEvents {
  snapshot(snapshot: Snapshot): void;
  status(status: TrainerStatus): void;
  /** A failure inside the loop (not a rejected command); the loop pauses. */
  error(message: string): void;
  /** Every few seconds of training: all a restarted worker needs to carry on (see CHECKPOINT_INTERVAL_MS). */
  checkpoint?(checkpoint: Checkpoint, experiment: ExperimentConfig): void;
}

/**
 * How often a recovery checkpoint is read back (one async read of every weight and optimizer state).
 * Rare enough to cost little next to training, often enough that a crash loses a few seconds at most.
 */
export const CHECKPOINT_INTERVAL_MS = 3000;

/** How long a recovery waits for a loop stuck on a dead device before leaving it behind. */
const STUCK_LOOP_GRACE_MS = 2000;

/**
 * Experiments are built without waiting for their training data (MNIST's training set): the step-0
 * snapshot needs only the test set, so it is on screen while the rest downloads. Training waits for it.
 */
const TRAIN_LATER = { trainLater: true } as const;

/** While training waits for its data, the loop looks at its flags (pause, a new load) this often. */
const TRAINABLE_POLL_MS = 50;

/** At most ~30 snapshots a second: more would only load the page, not inform anyone. */
const MIN_SNAPSHOT_INTERVAL_MS = 33;

export class Trainer {
  private session: Lockstep | null = null;
  /** What the user asked for; the loop also stands still while a command rebuilds state. */
  private playing = false;
  private rebuilding = false;
  private loopRunning: Promise<void> | null = null;
  private stepsPerTick = 1;
  private snapshotEvery = 10;
  private sinceSnapshot = 0;
  /** The last snapshot repeated an evaluation from an earlier step (a budgeted one, while playing). */
  private shownEvaluationIsOld = false;
  private lastPostedAt = 0;
  private lastCheckpointAt = Number.NEGATIVE_INFINITY;
  private latestCheckpoint: Checkpoint | null = null;
  /** The loop stopped on a failure while playing: a recovery resumes it. */
  private stoppedByFailure = false;
  /** Bumped when a recovery leaves a stuck loop behind, so that it exits if it ever wakes. */
  private loopGeneration = 0;
  /** Serialises commands that rebuild state (load, reset, task, backend) against the loop. */
  private queue: Promise<unknown> = Promise.resolve();
  /** A snapshot after a paused setSpec is queued and not yet taken. */
  private specSnapshotQueued = false;
  /** Steps asked for by `step` and not yet taken; `pause`, `reset` and new experiments drop them. */
  private pendingSteps = 0;
  /** The `step` command queued or running: later `step` requests join it instead of queueing. */
  private stepping: Promise<void> | null = null;

  constructor(
    private readonly events: TrainerEvents,
    private readonly loader: AssetLoader,
    /** Tests shorten it; the app keeps the default. */
    private readonly checkpointEveryMs = CHECKPOINT_INTERVAL_MS,
  ) {}

  get status(): TrainerStatus {
    return {
      playing: this.playing,
      step: this.session?.step ?? 0,
      stepsPerTick: this.stepsPerTick,
      snapshotEvery: this.snapshotEvery,
    };
  }

  /** Replaces the experiment (a scene, a link) and posts the step-0 snapshot. */
  load(experiment: ExperimentConfig, snapshotEvery: number): Promise<void> {
    // Over the model-size budget: refused before anything is built; the running experiment is untouched.
    const over = checkExperimentBudget(experiment);
    if (over) return Promise.reject(new MessageError({ kind: 'overBudget', over }, overBudgetMessage(over)));
    this.pendingSteps = 0;
    return this.exclusive(async () => {
      const next = await createLockstep(experiment, this.loader, TRAIN_LATER);
      this.session?.dispose();
      this.session = next;
      this.snapshotEvery = Math.max(1, Math.round(snapshotEvery));
      this.stateChanged();
      performance.mark('engine:runs-built'); // the start-up timeline (bench/app-bench.mjs)
      await this.postSnapshot();
      performance.mark('engine:step0-posted');
    });
  }

  /** Like `load`, then every run back to the checkpoint's weights, optimizer state and step (a restarted worker). */
  restore(experiment: ExperimentConfig, snapshotEvery: number, saved: Checkpoint): Promise<void> {
    this.pendingSteps = 0;
    return this.exclusive(async () => {
      const next = await createLockstep(experiment, this.loader, TRAIN_LATER);
      try {
        await next.restoreFrom(saved);
      } catch (err) {
        next.dispose();
        throw err;
      }
      this.session?.dispose();
      this.session = next;
      this.snapshotEvery = Math.max(1, Math.round(snapshotEvery));
      this.latestCheckpoint = saved;
      this.lastCheckpointAt = performance.now();
      await this.postSnapshot();
    });
  }

  /** Starts (or, while an experiment loads, schedules) continuous training. */
  play(): void {
    this.playing = true;
    this.stoppedByFailure = false;
    this.emitStatus();
    if (!this.rebuilding) this.startLoop();
  }

  /** Stops after the current tick and shows the steps taken since the last snapshot. */
  pause(): Promise<void> {
    this.playing = false;
    this.stoppedByFailure = false;
    this.pendingSteps = 0; // a long `step` stops after its current slice
    // The status goes out after the last snapshot, so "paused" always shows the final step.
    return this.exclusive(async () => {
      // Also when the last snapshot repeated an earlier evaluation: paused, the numbers are the step's own.
      if (this.session && (this.sinceSnapshot > 0 || this.shownEvaluationIsOld)) await this.postSnapshot();
      else this.emitStatus();
    });
  }

  /**
   * `count` steps (while paused), then a snapshot. Runs in slices of SLICE_MS that yield to the message
   * loop, so pings are answered and `pause` or `reset` stop it within a slice. A request arriving while
   * one is queued or running adds its count to it (at most MAX_PENDING_STEPS outstanding) and resolves
   * with it; `step(0)` only posts a snapshot.
   */
  step(count = 1): Promise<void> {
    const n = Number.isFinite(count) ? Math.max(0, Math.round(count)) : 0;
    this.pendingSteps = Math.min(MAX_PENDING_STEPS, this.pendingSteps + n);
    if (this.stepping) return this.stepping;
    const stepping = this.exclusive(async () => {
      try {
        await this.takePendingSteps(this.requireSession());
      } finally {
        // Cleared before the closing snapshot: a request arriving during it starts a new command.
        this.stepping = null;
        this.pendingSteps = 0;
      }
      await this.postSnapshot();
    });
    this.stepping = stepping;
    return stepping;
  }

  reset(newSeeds?: Partial<Seeds>): Promise<void> {
    this.pendingSteps = 0; // steps asked for before a reset are moot
    return this.exclusive(async () => {
      await this.requireSession().reset(newSeeds);
      this.stateChanged();
      await this.postSnapshot();
    });
  }

  setTask(task: TaskConfig): Promise<void> {
    const runs = this.session?.experiment.runs ?? [];
    const seedCount = this.session?.experiment.seedCount;
    const over = checkExperimentBudget({ task, runs, ...(seedCount ? { seedCount } : {}) });
    if (over) return Promise.reject(new MessageError({ kind: 'overBudget', over }, overBudgetMessage(over)));
    this.pendingSteps = 0;
    return this.exclusive(async () => {
      await this.requireSession().setTask(task);
      this.stateChanged();
      await this.postSnapshot();
    });
  }

  /**
   * Trains every run on `count` seeds from step 0 (docs/seeds.md), keeping the live specs, the task and
   * what the heatmaps show; refused over the model-size budget, the running experiment untouched.
   */
  setSeedCount(count: number): Promise<void> {
    if (!Number.isInteger(count) || count < 1 || count > MAX_SEED_REPEATS)
      return Promise.reject(new RangeError(`seeds: 1–${MAX_SEED_REPEATS}; asked for ${count}`));
    const current = this.requireSession().experiment;
    const { seedCount: _, ...rest } = current;
    const experiment: ExperimentConfig = count > 1 ? { ...rest, seedCount: count } : rest;
    const over = checkExperimentBudget(experiment);
    if (over) return Promise.reject(new MessageError({ kind: 'overBudget', over }, overBudgetMessage(over)));
    this.pendingSteps = 0;
    return this.exclusive(async () => {
      const shown = this.requireSession().shownField;
      const next = await createLockstep(experiment, this.loader, TRAIN_LATER);
      next.shownField = shown;
      this.session?.dispose();
      this.session = next;
      this.stateChanged();
      await this.postSnapshot();
    });
  }

  /** Takes effect at the next step; throws InvalidSpecError (nothing changed) on a bad value. */
  setSpec(runId: string, spec: Partial<OptimizerSpecInput>): Promise<void> {
    // No checkpoint forced here (a slider sends many): a recovery keeps the live specs (Session.restoreFrom).
    // Validated at once (an InvalidSpecError reaches the caller); while paused the page would otherwise
    // keep showing the old spec (its editors read the snapshot), so one snapshot follows.
    this.requireSession().setSpec(runId, spec);
    // A slider's burst of changes coalesces into the one snapshot still waiting in the queue.
    if (this.playing || this.specSnapshotQueued) return Promise.resolve();
    this.specSnapshotQueued = true;
    return this.exclusive(async () => {
      this.specSnapshotQueued = false;
      await this.postSnapshot();
    });
  }

  /** What the heatmaps draw from the next snapshot on; posts one at once when paused. */
  setShownField(field: FieldKind): Promise<void> {
    return this.exclusive(async () => {
      this.requireSession().shownField = field;
      if (!this.playing) await this.postSnapshot();
    });
  }

  /**
   * Over the budget: throws at once. Else the run is built in the command queue: built while a command
   * has another backend current (Auto's measurement), its weights would stay on that backend.
   */
  addRun(run: RunConfig): Promise<void> {
    const session = this.requireSession();
    const { task, runs, seedCount } = session.experiment;
    const over = checkExperimentBudget({ task, runs: [...runs, run], ...(seedCount ? { seedCount } : {}) });
    if (over) throw new MessageError({ kind: 'overBudget', over }, overBudgetMessage(over));
    return this.exclusive(async () => {
      this.requireSession().addRun(run);
      this.stateChanged();
    });
  }

  removeRun(runId: string): void {
    this.requireSession().removeRun(runId);
    this.stateChanged();
  }

  setSpeed(stepsPerTick: number, snapshotEvery?: number): void {
    if (!Number.isFinite(stepsPerTick) || stepsPerTick < 1 || stepsPerTick > 1000) {
      throw new RangeError(`steps per tick must be 1–1000; got ${stepsPerTick}`);
    }
    this.stepsPerTick = Math.round(stepsPerTick);
    if (snapshotEvery !== undefined) this.snapshotEvery = Math.max(1, Math.round(snapshotEvery));
    this.emitStatus();
  }

  /** Moves weights and optimizer state to another backend (snapshot first, so no loss is dropped). */
  migrate(switchBackend: () => Promise<void>): Promise<Checkpoint> {
    return this.exclusive(async () => {
      const session = this.requireSession();
      await this.postSnapshot();
      const saved = await session.migrate(switchBackend);
      await this.postSnapshot();
      return saved;
    });
  }

  /** The most recent recovery checkpoint (null before the first snapshot of an experiment). */
  get lastCheckpoint(): Checkpoint | null {
    return this.latestCheckpoint;
  }

  /**
   * The backend died under training (a lost GPU device): every run goes back to the last checkpoint on the
   * backend `switchBackend` starts, and training resumes if it was playing. Runs outside the command queue:
   * a loop or a command may be stuck on a readback the dead device never answers; they are left behind.
   * Returns the step training carries on from.
   */
  recoverOnto(switchBackend: () => Promise<void>): Promise<number> {
    const recovery = (async () => {
      const session = this.requireSession();
      const saved = this.latestCheckpoint;
      if (!saved) throw new Error('there is no checkpoint to recover from yet');
      const resume = this.playing || this.stoppedByFailure;
      this.rebuilding = true;
      this.loopGeneration += 1; // whatever the old loop still reads from the dead device is dropped
      try {
        await Promise.race([this.loopRunning, sleep(STUCK_LOOP_GRACE_MS)]);
        this.loopRunning = null;
        await session.restoreFrom(saved, switchBackend);
        this.stoppedByFailure = false;
        this.lastCheckpointAt = performance.now();
        await this.postSnapshot();
      } finally {
        this.rebuilding = false;
      }
      if (resume) this.play();
      return saved.step;
    })();
    // Later commands wait for the recovery, not for whatever the dead device left hanging.
    this.queue = recovery.catch(() => undefined);
    return recovery;
  }

  /** Resolves once the experiment's training data are in (at once for most tasks). */
  whenTrainable(): Promise<void> {
    return this.session?.whenTrainable() ?? Promise.resolve();
  }

  /** Runs `work` with training stopped and no command in flight (e.g. the self-check's leak count). */
  whileStopped<T>(work: () => Promise<T>): Promise<T> {
    return this.exclusive(work);
  }

  checkpoint(): Promise<Checkpoint> {
    return this.exclusive(() => this.requireSession().checkpoint());
  }

  get experiment(): ExperimentConfig | null {
    return this.session?.experiment ?? null;
  }

  dispose(): void {
    this.playing = false;
    this.session?.dispose();
    this.session = null;
  }

  private startLoop(): void {
    if (this.loopRunning) return;
    const running = this.loop().finally(() => {
      // A loop left behind by a recovery may end after its successor started: leave that one be.
      if (this.loopRunning === running) this.loopRunning = null;
    });
    this.loopRunning = running;
  }

  private async loop(): Promise<void> {
    const generation = this.loopGeneration;
    try {
      while (this.playing && !this.rebuilding && generation === this.loopGeneration) {
        const session = this.session;
        if (!session) break;
        if (!session.trainable) {
          // Not awaited to the end: a command (a new scene, a reset) must not wait for this download.
          const ready = session.whenTrainable();
          ready.catch(() => undefined); // a failure that loses the race is seen on the next turn
          await Promise.race([ready, sleep(TRAINABLE_POLL_MS)]);
          continue;
        }
        // A tick of many steps (up to 1000) is sliced too, so the loop never holds the worker for long.
        let left = this.stepsPerTick;
        while (left > 0) {
          const taken = advanceSlice(session, left);
          left -= taken;
          this.sinceSnapshot += taken;
          if (left === 0) break;
          await yieldToEvents();
          if (!this.playing || this.rebuilding || generation !== this.loopGeneration) return;
        }
        // Display cadence: every `snapshotEvery` steps, but never more often than the screen can use.
        const due =
          this.sinceSnapshot >= this.snapshotEvery &&
          performance.now() - this.lastPostedAt >= MIN_SNAPSHOT_INTERVAL_MS;
        if (due) await this.postSnapshot(true);
        await yieldToEvents();
      }
    } catch (err) {
      if (generation !== this.loopGeneration) return; // left behind by a recovery: nothing to report
      this.stoppedByFailure = this.playing;
      this.playing = false;
      this.events.error(errorMessage(err));
      this.emitStatus();
    }
  }

  /** Takes the pending steps slice by slice; stops early when they are dropped or a recovery begins. */
  private async takePendingSteps(session: Lockstep): Promise<void> {
    const generation = this.loopGeneration;
    await session.whenTrainable();
    while (this.pendingSteps > 0 && generation === this.loopGeneration && session === this.session) {
      const taken = advanceSlice(session, this.pendingSteps);
      this.pendingSteps = Math.max(0, this.pendingSteps - taken);
      if (this.pendingSteps === 0) return;
      if (performance.now() - this.lastPostedAt >= PROGRESS_SNAPSHOT_MS) await this.postSnapshot();
      await yieldToEvents();
    }
  }

  /** `budgeted`: while playing, the test evaluation may be repeated (session/eval-budget.ts). */
  private async postSnapshot(budgeted = false): Promise<void> {
    if (!this.session) return;
    this.sinceSnapshot = 0;
    this.lastPostedAt = performance.now();
    const generation = this.loopGeneration;
    const snapshot = await this.session.snapshot({ budgeted });
    if (generation !== this.loopGeneration) return; // read from a dead device after a recovery began
    this.shownEvaluationIsOld = snapshot.runs.some(
      (run) => run.evaluatedAt !== undefined && run.evaluatedAt !== run.step,
    );
    this.events.snapshot(snapshot);
    this.emitStatus();
    if (performance.now() - this.lastCheckpointAt >= this.checkpointEveryMs) await this.takeCheckpoint();
  }

  /** Reads every run's state back (async only) for recovery; the page gets a copy. */
  private async takeCheckpoint(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.lastCheckpointAt = performance.now();
    const saved = await session.checkpoint();
    if (session !== this.session) return; // replaced meanwhile: the next snapshot checkpoints the new one
    this.latestCheckpoint = saved;
    this.events.checkpoint?.(saved, session.experiment);
  }

  /** The experiment or its runs changed: the next snapshot takes a checkpoint of the new state. */
  private stateChanged(): void {
    this.lastCheckpointAt = Number.NEGATIVE_INFINITY;
  }

  private emitStatus(): void {
    this.events.status(this.status);
  }

  /** Runs `work` after any earlier rebuilding command, with the loop stopped around it. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = async () => {
      this.rebuilding = true;
      await this.loopRunning;
      try {
        return await work();
      } finally {
        this.rebuilding = false;
        if (this.playing && this.session) this.startLoop();
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private requireSession(): Lockstep {
    if (!this.session) throw new Error('no experiment is loaded yet');
    return this.session;
  }
}
