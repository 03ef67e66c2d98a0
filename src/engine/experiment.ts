// An experiment as plain data: the task, 1–4 runs and the seeds. Scenes, the URL codec and the
// worker protocol all speak this (no tfjs here).

import type { OptimizerSpecInput } from '../optim/spec';
import { MAX_SEED_REPEATS, type Seeds } from './random';
import type { TaskConfig } from './tasks/configs';

export interface RunConfig {
  /** Stable id chosen by the caller (e.g. 'adam', 'sadam'); also the panel's key. */
  id: string;
  label: string;
  spec: OptimizerSpecInput;
  /** The user typed the label: it stays as typed instead of following the spec (state/run-label.ts). */
  labelTyped?: boolean;
}

/** A live spec change at a given step (e.g. flip Adam to Sadam mid-training). */
export interface ScheduledChange {
  atStep: number;
  runId: string;
  spec: Partial<OptimizerSpecInput>;
}

export interface ExperimentConfig {
  task: TaskConfig;
  runs: RunConfig[];
  seeds: Seeds;
  schedule?: ScheduledChange[];
  /**
   * Train every run on this many seeds at once (docs/seeds.md): seed k uses `seedsForRepeat(seeds, k)`.
   * Absent or 1: a single lockstep session, exactly as without this field.
   */
  seedCount?: number;
}

export const MAX_RUNS = 4;

/** How many seeds an experiment trains on: its `seedCount`, a whole number in 1–MAX_SEED_REPEATS. */
export function seedCountOf(experiment: Pick<ExperimentConfig, 'seedCount'>): number {
  const n = experiment.seedCount;
  if (n === undefined || !Number.isFinite(n)) return 1;
  return Math.min(MAX_SEED_REPEATS, Math.max(1, Math.round(n)));
}
