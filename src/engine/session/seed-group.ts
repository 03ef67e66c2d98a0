// An experiment trained on several seeds at once (issue #15, docs/seeds.md): one lockstep Session per
// seed, seed k with `seedsForRepeat(seeds, k)` (its own initial weights and batch order), all stepped
// together so that every seed is at the same step. Within a seed every optimizer still shares weights
// and batches. A single-seed experiment never comes here: `createLockstep` gives it a plain Session, so
// its cost and numbers are exactly those of before.

import type { OptimizerSpecInput, StateField } from '../../optim';
import { type ExperimentConfig, type RunConfig, seedCountOf } from '../experiment';
import { type Seeds, seedsForRepeat } from '../random';
import type { AssetLoader, TaskConfig } from '../tasks';
import type { Checkpoint } from './checkpoint';
import { EvalBudget } from './eval-budget';
import { Session, type SessionOptions } from './session';
import type { Snapshot } from './snapshot-types';

/** What the trainer drives: one Session, or a SeedGroup of them. */
export interface Lockstep {
  readonly step: number;
  readonly experiment: ExperimentConfig;
  readonly runIds: string[];
  shownField: StateField;
  /** `advance` may run now (see Session.create's `trainLater`). */
  readonly trainable: boolean;
  /** Resolves once `advance` may run. */
  whenTrainable(): Promise<void>;
  advance(count?: number): void;
  settle(): Promise<void>;
  snapshot(options?: { budgeted?: boolean }): Promise<Snapshot>;
  setSpec(runId: string, partial: Partial<OptimizerSpecInput>): void;
  addRun(config: RunConfig): void;
  removeRun(runId: string): void;
  reset(newSeeds?: Partial<Seeds>): Promise<void>;
  setTask(task: TaskConfig): Promise<void>;
  checkpoint(): Promise<Checkpoint>;
  migrate(switchBackend: () => Promise<void>): Promise<Checkpoint>;
  restoreFrom(saved: Checkpoint, switchBackend?: () => Promise<void>): Promise<void>;
  dispose(): void;
}

/** A Session for one seed, a SeedGroup for several. */
export function createLockstep(
  config: ExperimentConfig,
  loader?: AssetLoader,
  options: SessionOptions = {},
): Promise<Lockstep> {
  return seedCountOf(config) > 1
    ? SeedGroup.create(config, loader, options)
    : Session.create(config, loader, options);
}

export class SeedGroup implements Lockstep {
  private field: StateField = 'adaptiveRate';
  /** One budget for all seeds: they are evaluated together or not at all, so their means compare. */
  private readonly evalBudget = new EvalBudget();

  private constructor(
    private readonly sessions: Session[],
    /** Seed 0's seeds: the experiment's own. */
    private baseSeeds: Seeds,
  ) {}

  static async create(
    config: ExperimentConfig,
    loader?: AssetLoader,
    options: SessionOptions = {},
  ): Promise<SeedGroup> {
    const sessions: Session[] = [];
    try {
      for (let k = 0; k < seedCountOf(config); k++)
        sessions.push(
          await Session.create({ ...config, seeds: seedsForRepeat(config.seeds, k) }, loader, options),
        );
    } catch (err) {
      for (const s of sessions) s.dispose();
      throw err;
    }
    return new SeedGroup(sessions, { ...config.seeds });
  }

  get seedCount(): number {
    return this.sessions.length;
  }

  private get first(): Session {
    return this.sessions[0] as Session;
  }

  get step(): number {
    return this.first.step;
  }

  get experiment(): ExperimentConfig {
    return { ...this.first.experiment, seeds: { ...this.baseSeeds }, seedCount: this.sessions.length };
  }

  get runIds(): string[] {
    return this.first.runIds;
  }

  get shownField(): StateField {
    return this.field;
  }

  set shownField(field: StateField) {
    this.field = field;
    for (const s of this.sessions) s.shownField = field;
  }

  get trainable(): boolean {
    return this.sessions.every((s) => s.trainable);
  }

  async whenTrainable(): Promise<void> {
    await Promise.all(this.sessions.map((s) => s.whenTrainable()));
  }

  /** Seed 0 takes its step, then seed 1, …: the seeds never drift apart. */
  advance(count = 1): void {
    for (let i = 0; i < count; i++) for (const s of this.sessions) s.advance(1);
  }

  async settle(): Promise<void> {
    await Promise.all(this.sessions.map((s) => s.settle()));
  }

  /** Every seed's runs at the current step; `runs` is seed 0's (docs/seeds.md). */
  async snapshot(options: { budgeted?: boolean } = {}): Promise<Snapshot> {
    const step = this.step;
    const readAll = (evaluate: boolean) => Promise.all(this.sessions.map((s) => s.read(evaluate)));
    const snaps =
      options.budgeted && !this.evalBudget.due(step)
        ? await readAll(false)
        : await this.evalBudget.timed(step, () => readAll(true));
    const [first] = snaps as [Snapshot];
    return { ...first, seedRuns: snaps.map((s) => s.runs) };
  }

  /** Validated on seed 0 first (InvalidSpecError there changes nothing), then the same on every seed. */
  setSpec(runId: string, partial: Partial<OptimizerSpecInput>): void {
    for (const s of this.sessions) s.setSpec(runId, partial);
  }

  addRun(config: RunConfig): void {
    this.first.addRun(config); // checks the id and the run count before any seed changes
    for (const s of this.sessions.slice(1)) s.addRun(config);
  }

  removeRun(runId: string): void {
    this.first.removeRun(runId);
    for (const s of this.sessions.slice(1)) s.removeRun(runId);
  }

  async reset(newSeeds?: Partial<Seeds>): Promise<void> {
    this.baseSeeds = { ...this.baseSeeds, ...newSeeds };
    for (const [k, s] of this.sessions.entries()) await s.reset(seedsForRepeat(this.baseSeeds, k));
    this.evalBudget.restart();
  }

  async setTask(task: TaskConfig): Promise<void> {
    for (const s of this.sessions) await s.setTask(task);
    this.evalBudget.restart();
  }

  async checkpoint(): Promise<Checkpoint> {
    const [first, ...rest] = (await Promise.all(this.sessions.map((s) => s.checkpoint()))) as [
      Checkpoint,
      ...Checkpoint[],
    ];
    return { ...first, repeats: rest };
  }

  async migrate(switchBackend: () => Promise<void>): Promise<Checkpoint> {
    const saved = await this.checkpoint();
    await this.restoreFrom(saved, switchBackend);
    return saved;
  }

  /**
   * Every seed back to its part of `saved` (seed 0 the checkpoint itself, seed k its `repeats[k − 1]`).
   * All seeds let go of their tensors before `switchBackend` runs, once. The live specs are seed 0's.
   */
  async restoreFrom(saved: Checkpoint, switchBackend?: () => Promise<void>): Promise<void> {
    const parts = [saved, ...(saved.repeats ?? [])];
    if (parts.length !== this.sessions.length)
      throw new Error(
        `the checkpoint holds ${parts.length} seed(s); the experiment has ${this.sessions.length}`,
      );
    const rest = this.sessions.slice(1);
    await this.first.restoreFrom(saved, async () => {
      for (const s of rest) s.release();
      await switchBackend?.();
    });
    const specs = this.first.experiment.runs;
    for (const [k, s] of rest.entries()) {
      await s.restoreFrom(parts[k + 1] as Checkpoint);
      for (const run of specs) s.setSpec(run.id, run.spec);
    }
  }

  dispose(): void {
    for (const s of this.sessions) s.dispose();
  }
}
