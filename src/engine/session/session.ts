// The lockstep session: every run starts from the same initial weights and sees the same batches in
// the same order, so the only difference between two panels is the optimizer (issue #3).
// Stepping is synchronous (work is queued on the device); snapshots read everything back in one
// batched await.

import * as tf from '@tensorflow/tfjs-core';
import type { OptimizerSpecInput, StateField } from '../../optim';
import { simdFieldReady } from '../../optim/fused/simd-field';
import { type ExperimentConfig, MAX_RUNS, type RunConfig } from '../experiment';
import type { Seeds } from '../random';
import { type AssetLoader, createTask, type TaskConfig } from '../tasks';
import type { Task } from '../tasks/task';
import { type Checkpoint, readCheckpoint, restoreRun } from './checkpoint';
import { EvalBudget } from './eval-budget';
import { Run } from './run';
import { readSnapshot } from './snapshot';
import type { Snapshot } from './snapshot-types';

export interface SessionOptions {
  /** Resolve before the training data are in; see Session.create. */
  trainLater?: boolean;
}

export class Session {
  private runs: Run[];
  private stepCount = 0;
  /** The task's training data are in: `advance` may run. */
  private ready = false;

  private constructor(
    private config: ExperimentConfig,
    private task: Task,
    private readonly loader?: AssetLoader,
  ) {
    checkRunCount(config.runs.length);
    this.runs = config.runs.map((r) => new Run(r, task.params));
  }

  /**
   * Builds the task and the runs. `trainLater`: resolve once a snapshot can be read, before the task's
   * training data are in (the app's first picture); `whenTrainable` must then resolve before `advance`.
   */
  static async create(
    config: ExperimentConfig,
    loader?: AssetLoader,
    { trainLater = false }: SessionOptions = {},
  ): Promise<Session> {
    // The field kernel compiles beside the task, so that every snapshot takes the same path (its
    // softplus differs from the JS loop's in the last float32 places).
    const [task] = await Promise.all([createTask(config.task, config.seeds, loader), simdFieldReady]);
    performance.mark('engine:task-created'); // the start-up timeline (bench/app-bench.mjs)
    const session = new Session(structuredClone(config), task, loader);
    if (!trainLater) await session.whenTrainable();
    return session;
  }

  /** `advance` may run now. */
  get trainable(): boolean {
    return this.ready;
  }

  /** Resolves once `advance` may run (at once for most tasks); a failed download rejects, and the next call retries. */
  async whenTrainable(): Promise<void> {
    if (this.ready) return;
    const task = this.task;
    await task.prepareTraining?.();
    if (task === this.task) this.ready = true;
  }

  get step(): number {
    return this.stepCount;
  }

  get experiment(): ExperimentConfig {
    return structuredClone({
      ...this.config,
      runs: this.runs.map((r) => ({ ...r.config, spec: r.optimizer.spec })),
    });
  }

  get runIds(): string[] {
    return this.runs.map((r) => r.id);
  }

  /** Takes `count` lockstep steps: one shared batch per step, one update per live run. */
  advance(count = 1): void {
    if (!this.ready) throw new Error('the training data are still loading: await whenTrainable() first');
    for (let i = 0; i < count; i++) {
      this.stepCount += 1;
      for (const change of this.config.schedule ?? []) {
        if (change.atStep === this.stepCount) this.setSpec(change.runId, change.spec);
      }
      const batch = this.task.nextBatch();
      for (const run of this.runs) run.step(this.task, batch, this.stepCount);
      if (batch) tf.dispose([batch.x, batch.y]);
    }
  }

  /** Waits until every step queued so far has run on the device (one tiny read per run): for timing. */
  async settle(): Promise<void> {
    const sums = tf.tidy(() =>
      this.runs.map((r) => tf.sum(r.variables[r.variables.length - 1] as tf.Variable)),
    );
    try {
      await Promise.all(sums.map((s) => s.data()));
    } finally {
      tf.dispose(sums);
    }
  }

  /** The field the heatmaps show (A-LR by default). */
  shownField: StateField = 'adaptiveRate';

  private readonly evalBudget = new EvalBudget();

  /**
   * Reads a snapshot. `budgeted` (the trainer while playing) evaluates on the test data only when the
   * evaluation fits its time budget (eval-budget.ts), else repeats the last one; the default always
   * evaluates, so headless experiments do not depend on timing.
   */
  snapshot(options: { budgeted?: boolean } = {}): Promise<Snapshot> {
    if (options.budgeted && !this.evalBudget.due(this.stepCount)) return this.read(false);
    return this.evalBudget.timed(this.stepCount, () => this.read(true));
  }

  /** Reads a snapshot now, evaluating on the test data or not (a seed group decides for all its seeds). */
  read(evaluate: boolean): Promise<Snapshot> {
    return readSnapshot(this.task, this.runs, this.stepCount, this.shownField, evaluate);
  }

  /** Live change of one run's hyperparameters; throws InvalidSpecError and changes nothing if invalid. */
  setSpec(runId: string, partial: Partial<OptimizerSpecInput>): void {
    this.runById(runId).optimizer.setSpec(partial);
  }

  /** A new run starting from the shared initial weights at the current step count. */
  addRun(config: RunConfig): void {
    checkRunCount(this.runs.length + 1);
    if (this.runs.some((r) => r.id === config.id)) throw new Error(`a run with id '${config.id}' exists`);
    this.runs.push(new Run(config, this.task.params));
  }

  removeRun(runId: string): void {
    checkRunCount(this.runs.length - 1);
    const run = this.runById(runId);
    run.dispose();
    this.runs = this.runs.filter((r) => r !== run);
  }

  /**
   * Back to step 0 with every run's current spec. Same initial weights and batch order by default;
   * `newSeeds` draws new ones (data, init and batches) for a fresh start.
   */
  async reset(newSeeds?: Partial<Seeds>): Promise<void> {
    const configs = this.runs.map((r) => ({ ...r.config, spec: r.optimizer.spec }));
    this.disposeRuns();
    this.task.releaseTensors();
    this.config = { ...this.config, runs: configs, seeds: { ...this.config.seeds, ...newSeeds } };
    this.task = await createTask(this.config.task, this.config.seeds, this.loader);
    this.ready = false;
    this.runs = configs.map((r) => new Run(r, this.task.params));
    this.stepCount = 0;
    this.evalBudget.restart();
    // Last: a failed download leaves a whole session at step 0, and the next `whenTrainable` retries.
    await this.whenTrainable();
  }

  /** Changing the task or model resets the session (new task, same run specs). */
  async setTask(task: TaskConfig): Promise<void> {
    this.config = { ...this.config, task };
    await this.reset();
  }

  /** Every run's weights and optimizer state, read back asynchronously. */
  checkpoint(): Promise<Checkpoint> {
    return readCheckpoint(this.runs, this.stepCount);
  }

  /**
   * Moves the session to another backend without losing weights or optimizer state: checkpoint
   * (async reads), switch, re-create data and variables there. Losses queued since the last
   * snapshot are dropped: take a snapshot first.
   */
  async migrate(switchBackend: () => Promise<void>): Promise<Checkpoint> {
    const saved = await this.checkpoint();
    this.disposeRuns();
    this.task.releaseTensors();
    await switchBackend();
    this.runs = await Promise.all(saved.runs.map((r) => restoreRun(r, this.task.params)));
    return saved;
  }

  /**
   * Rebuilds every run from a checkpoint taken earlier (after a lost GPU device, or in a restarted worker):
   * weights, optimizer state, divergence flags and the step count come back; the batch stream goes on from
   * where this session's task is. `switchBackend`, when given, runs after the old tensors are let go and
   * before the new ones exist. Letting go may fail on a lost device: those tensors are abandoned with it.
   */
  async restoreFrom(saved: Checkpoint, switchBackend?: () => Promise<void>): Promise<void> {
    // Hyperparameters changed since the checkpoint are the user's latest word: they stay.
    const liveSpecs = new Map(this.runs.map((r) => [r.id, r.optimizer.spec]));
    try {
      this.disposeRuns();
    } catch {
      this.runs = [];
    }
    try {
      this.task.releaseTensors();
    } catch {
      // The task re-creates its tensors on first use, on the then-current backend.
    }
    if (switchBackend) await switchBackend();
    this.runs = await Promise.all(
      saved.runs.map((r) => {
        const spec = liveSpecs.get(r.config.id);
        return restoreRun(spec ? { ...r, config: { ...r.config, spec } } : r, this.task.params);
      }),
    );
    this.config = { ...this.config, runs: this.runs.map((r) => r.config) };
    this.stepCount = saved.step;
  }

  dispose(): void {
    this.disposeRuns();
    this.task.releaseTensors();
  }

  /**
   * Lets go of every tensor (a seed group, before it switches backend for all its seeds); a later
   * `restoreFrom` rebuilds the runs. Letting go may fail on a lost device: those tensors go with it.
   */
  release(): void {
    try {
      this.disposeRuns();
    } catch {
      this.runs = [];
    }
    try {
      this.task.releaseTensors();
    } catch {
      // The task re-creates its tensors on first use.
    }
  }

  private disposeRuns(): void {
    for (const run of this.runs) run.dispose();
    this.runs = [];
  }

  private runById(runId: string): Run {
    const run = this.runs.find((r) => r.id === runId);
    if (!run) throw new Error(`no run with id '${runId}'`);
    return run;
  }
}

function checkRunCount(count: number): void {
  if (count < 1 || count > MAX_RUNS)
    throw new RangeError(`a scene has 1–${MAX_RUNS} runs; asked for ${count}`);
}
