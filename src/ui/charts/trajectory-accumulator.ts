// A snapshot's trajectory view carries only the x, y pairs of the steps since the previous snapshot;
// this keeps each run's whole path. A step that goes back (reset, reload) or a new surface starts the
// path again; the same snapshot seen twice (a re-render) adds nothing.

import type { RunSnapshot } from '../../engine/session/snapshot-types';

interface RunPath {
  surface: string;
  step: number;
  xy: number[];
}

export class TrajectoryAccumulator {
  private paths = new Map<string, RunPath>();

  /** Folds in the latest snapshot's runs; runs no longer present are dropped. */
  update(runs: readonly RunSnapshot[]): void {
    const seen = new Set<string>();
    for (const run of runs) {
      const view = run.view;
      if (view.kind !== 'trajectory') continue;
      seen.add(run.runId);
      let path = this.paths.get(run.runId);
      if (!path || path.surface !== view.surface || run.step < path.step) {
        path = { surface: view.surface, step: -1, xy: [] };
        this.paths.set(run.runId, path);
      }
      if (run.step === path.step) continue;
      path.step = run.step;
      const pts = view.points;
      for (let i = 0; i + 1 < pts.length; i += 2) path.xy.push(pts[i] as number, pts[i + 1] as number);
    }
    for (const id of [...this.paths.keys()]) if (!seen.has(id)) this.paths.delete(id);
  }

  /** x, y pairs of the run's path so far (empty if none). */
  path(runId: string): readonly number[] {
    return this.paths.get(runId)?.xy ?? [];
  }

  clear(): void {
    this.paths.clear();
  }
}
