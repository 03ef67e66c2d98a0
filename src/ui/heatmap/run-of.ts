import type { RunSnapshot } from '../../engine/session/snapshot-types';
import type { TrainingState } from '../../state/training-store';

/** The latest snapshot of one run, or null. */
export function runOf(state: TrainingState, runId: string): RunSnapshot | null {
  return state.snapshot?.runs.find((r) => r.runId === runId) ?? null;
}

/** A string that changes exactly when the run's layout changes (re-plans the canvases). */
export function layoutKey(run: RunSnapshot | null): string {
  if (!run) return '';
  return run.layout
    .map(
      (l) => `${l.name}:${l.shape.join('x')}@${l.offset}${l.display ? `:${JSON.stringify(l.display)}` : ''}`,
    )
    .join('|');
}
