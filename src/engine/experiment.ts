// An experiment as plain data: the task, 1–4 runs and the seeds. Scenes, the URL codec and the
// worker protocol all speak this (no tfjs here).

import type { OptimizerSpecInput } from '../optim/spec';
import type { Seeds } from './random';
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
}

export const MAX_RUNS = 4;
