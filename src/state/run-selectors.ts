// Selectors over the training store's latest snapshot, for views that subscribe to the store outside React.

import type { RunSnapshot } from '../engine/session/snapshot-types';
import type { TrainingState } from './training-store';

/** The run's position in the latest snapshot (which picks its colour), or −1. */
export function runIndexOf(state: TrainingState, runId: string): number {
  return state.snapshot?.runs.findIndex((r) => r.runId === runId) ?? -1;
}

/** The latest snapshot of one run, or null. */
export function runOf(state: TrainingState, runId: string): RunSnapshot | null {
  return state.snapshot?.runs[runIndexOf(state, runId)] ?? null;
}
