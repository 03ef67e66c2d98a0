// What the task itself looks like, by view kind: decision boundaries (2-D classification), contours
// with the optimizers' paths (loss surfaces), test digits with predictions (MNIST), a text sample
// (character LM).
import { lazy, type ReactNode, Suspense, useEffect, useRef } from 'react';
import type { RunSnapshot } from '../../engine/session/snapshot-types';
import { training } from '../../state/app-state';
import { EvaluatedAt } from '../evaluated-at';
import { BoundaryView } from './boundary-view';
import './charts.css';
import { DigitsView } from './digits-view';
import { runColor } from './palette';
import { TrajectoryAccumulator } from './trajectory-accumulator';

// Loss-surface contours need d3-contour and d3-geo: a lazy chunk, fetched when a surface scene shows.
const TrajectoryView = lazy(() => import('./trajectory-view').then((m) => ({ default: m.TrajectoryView })));

export interface TaskViewProps {
  /** The latest snapshot's runs, in snapshot order (their position picks their colour). */
  runs: readonly RunSnapshot[];
  /** Loss surfaces: a click on the plot gives the data coordinates of a new start point. */
  onPickStart?: (x: number, y: number) => void;
  /** Loss surfaces: the runs' start point, when not the surface's default (e.g. after onPickStart). */
  start?: [number, number];
}

export function TaskView({ runs, onPickStart, start }: TaskViewProps) {
  // A snapshot carries only its own steps' points, and React renders at most the latest of several
  // that arrive within a frame: the paths are folded in from the store itself, every snapshot, outside
  // the lazy contour chunk (so those that arrive while it loads count too).
  const paths = useRef(new TrajectoryAccumulator()).current;
  useEffect(() => {
    const fold = (snapshot: { runs: readonly RunSnapshot[] } | null) => {
      if (snapshot) paths.update(snapshot.runs);
    };
    fold(training.store.getState().snapshot);
    return training.store.subscribe((state, previous) => {
      if (state.snapshot !== previous.snapshot) fold(state.snapshot);
    });
  }, [paths]);
  const view = runs[0]?.view;
  const kind = view?.kind ?? 'none';
  let body: ReactNode = null;
  if (view?.kind === 'trajectory') {
    body = (
      <Suspense fallback={null}>
        <TrajectoryView runs={runs} view={view} paths={paths} onPickStart={onPickStart} start={start} />
      </Suspense>
    );
  } else if (kind === 'boundary') {
    body = <BoundaryView runs={runs} />;
  } else if (kind === 'digits') {
    body = <DigitsView runs={runs} />;
  } else if (kind === 'text') {
    body = (
      <div className="text-view">
        {runs.map((run, i) =>
          run.view.kind === 'text' ? (
            <figure key={run.runId} className="text-view__run" data-run={run.runId}>
              <figcaption className="key key--run" style={{ ['--run-color' as string]: runColor(i) }}>
                {run.label}
                <EvaluatedAt run={run} what="sample" />
              </figcaption>
              <pre className="text-view__sample">{run.view.sample}</pre>
            </figure>
          ) : null,
        )}
      </div>
    );
  }
  return (
    <section className="chart task-view" id="task-view" data-testid="task-view" data-kind={kind}>
      {body}
    </section>
  );
}
