// Finds a run in the latest snapshot together with its colour (picked by its position).
import type { RunSnapshot } from '../../engine/session/snapshot-types';
import { runIndexOf, runOf } from '../../state/run-selectors';
import type { TrainingState } from '../../state/training-store';
import { runColor } from './palette';

export function findRun(state: TrainingState, runId: string): { run: RunSnapshot; color: string } | null {
  const run = runOf(state, runId);
  return run ? { run, color: runColor(runIndexOf(state, runId)) } : null;
}
