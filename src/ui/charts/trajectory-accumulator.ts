// A snapshot's trajectory view carries only the x, y pairs of the steps since the previous snapshot;
// this keeps each run's whole path. A step that goes back (reset, reload) or a new surface starts the
// path again; the same snapshot seen twice (a re-render) adds nothing. A lecture-long run takes millions
// of steps, so a path is bounded: past `maxPoints` every other point is dropped (the start and the
// latest point always stay), older stretches thinning first — far more than a plot a few hundred pixels
// wide can show, and the heap no longer grows with the run (issue #7).

import type { RunSnapshot } from '../../engine/session/snapshot-types';

interface RunPath {
  surface: string;
  step: number;
  xy: number[];
}

/** Points kept per run before thinning: 20,000 x, y pairs, 320 KB as JS numbers. */
export const MAX_PATH_POINTS = 20_000;

export class TrajectoryAccumulator {
  private paths = new Map<string, RunPath>();

  constructor(private readonly maxPoints = MAX_PATH_POINTS) {}

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
      if (path.xy.length > 2 * this.maxPoints) path.xy = thinned(path.xy);
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

/** Every other x, y pair, from the first; the last pair is kept too. */
function thinned(xy: number[]): number[] {
  const out: number[] = [];
  const pairs = xy.length / 2;
  for (let i = 0; i < pairs; i += 2) out.push(xy[2 * i] as number, xy[2 * i + 1] as number);
  if ((pairs - 1) % 2 !== 0) out.push(xy[xy.length - 2] as number, xy[xy.length - 1] as number);
  return out;
}
