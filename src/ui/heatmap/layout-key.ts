import type { RunSnapshot } from '../../engine/session/snapshot-types';

/** A string that changes exactly when the run's layout changes (re-plans the canvases). */
export function layoutKey(run: RunSnapshot | null): string {
  if (!run) return '';
  return run.layout
    .map(
      (l) => `${l.name}:${l.shape.join('x')}@${l.offset}${l.display ? `:${JSON.stringify(l.display)}` : ''}`,
    )
    .join('|');
}
