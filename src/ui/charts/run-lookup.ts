// Finds a run in the latest snapshot together with its position (which picks its colour).
import type { RunSnapshot } from '../../engine/session/snapshot-types';
import type { TrainingState } from '../../state/training-store';
import { runColor } from './palette';

export function findRun(state: TrainingState, runId: string): { run: RunSnapshot; color: string } | null {
  const runs = state.snapshot?.runs ?? [];
  const index = runs.findIndex((r) => r.runId === runId);
  const run = runs[index];
  return run ? { run, color: runColor(index) } : null;
}
