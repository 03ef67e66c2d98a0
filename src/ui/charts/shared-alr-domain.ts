// The shared log domain of the A-LR charts (one y-axis for every run), from the store's
// state: all runs' history extents and their ceilings, padded to whole decades. Pure (no React).
import type { TrainingState } from '../../state/training-store';
import { alrBound } from './bound';
import { historyAlrExtent } from './history-extent';
import { decadeDomain, positiveExtent } from './log-axis';

/** The shared domain as a string key "lo hi" (a stable value for the store selector). */
export function sharedAlrDomainKey(
  state: Pick<TrainingState, 'snapshot' | 'history'>,
  runIds?: readonly string[],
): string {
  const runs = (state.snapshot?.runs ?? []).filter((r) => !runIds || runIds.includes(r.runId));
  const values: number[] = [];
  for (const r of runs) {
    const series = state.history[r.runId];
    const extent = series ? historyAlrExtent(series) : null;
    if (extent) values.push(...extent);
    values.push(alrBound(r.spec).value);
  }
  const [lo, hi] = decadeDomain(positiveExtent(values));
  return `${lo} ${hi}`;
}
