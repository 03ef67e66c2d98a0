// Two facts about a run's snapshot the views must say plainly instead of drawing them as if broken.
import type { RunSnapshot } from '../engine/session/snapshot-types';

/**
 * The run has not taken a step yet (step 0, or a run just added): its optimizer has seen no gradient, so
 * there is no A-LR field (every value NaN). Not a failure: a diverged run is something else.
 */
export function awaitsFirstStep(run: Pick<RunSnapshot, 'alr' | 'divergedAt' | 'histogram'>): boolean {
  return run.divergedAt === null && run.alr.length > 0 && run.histogram.nonFinite === run.alr.length;
}

/** The step the test numbers and task view were evaluated at, when it is not the snapshot's own; else null. */
export function staleEvaluation(run: Pick<RunSnapshot, 'step' | 'evaluatedAt'>): number | null {
  return run.evaluatedAt !== undefined && run.evaluatedAt !== run.step ? run.evaluatedAt : null;
}
