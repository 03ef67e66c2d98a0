// What the task itself looks like, by view kind: decision boundaries (2-D classification), contours
// with the optimizers' paths (loss surfaces), test digits with predictions (MNIST), a text sample
// (character LM).
import { lazy, type ReactNode, Suspense } from 'react';
import type { RunSnapshot } from '../../engine/session/snapshot-types';
import { EvaluatedAt } from '../evaluated-at';
import { BoundaryView } from './boundary-view';
import './charts.css';
import { DigitsView } from './digits-view';
import { runColor } from './palette';

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
  const view = runs[0]?.view;
  const kind = view?.kind ?? 'none';
  let body: ReactNode = null;
  if (view?.kind === 'trajectory') {
    body = (
      <Suspense fallback={null}>
        <TrajectoryView runs={runs} view={view} onPickStart={onPickStart} start={start} />
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
    <section className="chart task-view" data-testid="task-view" data-kind={kind}>
      {body}
    </section>
  );
}
