// The live experiment: the scene's caption, the settings drawer, one panel per run, and the shared
// charts (training curves, the φ view, the task view).

import { lazy, memo, Suspense, useCallback, useDeferredValue, useMemo } from 'react';
import { MAX_RUNS, type RunConfig } from '../engine/experiment';
import { sceneById } from '../engine/scenes';
import { controller, training } from '../state/app-state';
import { addedRunSuffix, defaultLabel } from '../state/run-label';
import { TrainingCurves as CurvesChart } from './charts';
import { runColor } from './charts/palette';
import { useShown } from './embed-context';
import { ExperimentDrawer as ExperimentDrawerView } from './experiment-drawer';
import { FirstScreenNote as FirstScreenNoteView } from './first-screen-note';
import { messageText, overBudgetText, sceneText, useLanguage, useT } from './i18n';
import { Notice } from './notice';
import { RunCard as RunCardView } from './run-card';
import { SeedPicker as SeedPickerView } from './seeds/seed-picker';
import { useTraining } from './use-training';

// Shown only for a run over several seeds: a lazy part, invisible until its code arrives.
const SeedTable = memo(lazy(() => import('./seeds/seed-table').then((m) => ({ default: m.SeedTable }))));

/** A fresh run id and a spec worth comparing: SAMSGrad at the paper's setting. */
// They draw from the store in animation frames: no need to re-render them with every snapshot.
const TrainingCurves = memo(CurvesChart);
const RunCard = memo(RunCardView);
// These take no props and read the store themselves: a snapshot need not re-render them (the drawer's
// whole form re-rendered with every snapshot, issue #12).
const ExperimentDrawer = memo(ExperimentDrawerView);
const FirstScreenNote = memo(FirstScreenNoteView);
const SeedPicker = memo(SeedPickerView);
// These draw the snapshot, but only the deferred render's: the urgent render that the store's update
// starts in the worker message's task (with the previous deferred snapshot) skips them.
// The φ view and the task view (digits, decision boundaries, contours) sit below the fold: lazy parts, so
// the page's first JavaScript stays within its budget (issue #6: 150 KiB gzip).
const PhiView = memo(lazy(() => import('./charts/phi-view').then((m) => ({ default: m.PhiView }))));
const TaskView = memo(lazy(() => import('./charts/task-view').then((m) => ({ default: m.TaskView }))));

function nextRun(ids: string[]): RunConfig {
  let n = ids.length + 1;
  while (ids.includes(`run${n}`)) n++;
  const id = `run${n}`;
  const spec = { name: 'samsgrad', lr: 1e-2, softplusBeta: 50 } as const;
  return { id, label: defaultLabel(spec, addedRunSuffix(id)), spec };
}

/** A refusal for the budget: the parameters (with the seeds when there are several) or the activations. */
export function TrainingPanel({ sceneId }: { sceneId: string }) {
  // A new snapshot re-renders the run cards in a deferred (interruptible, time-sliced) render, not in
  // the worker message's task: that task stays short (issue #6, no long tasks). The first one of a scene
  // renders at once: a deferred render restarts with every newer snapshot, and the warm-up's arrive
  // faster than the first render's slices finish on a busy machine (issue #12's first step).
  const latest = useTraining((s) => s.snapshot);
  const snapshot = useDeferredValue(latest) ?? latest;
  const error = useTraining((s) => s.error);
  const notice = useTraining((s) => s.notice);
  const refusal = useTraining((s) => s.refusal);
  const scene = sceneById(sceneId);
  const t = useT();
  const language = useLanguage();
  const text = scene ? sceneText(scene, language) : null;
  const showCaption = useShown('caption');
  const showSettings = useShown('settings');
  const showAdd = useShown('add');
  const showCurves = useShown('curves');
  const showSoftplus = useShown('softplus');
  const showTask = useShown('task');
  const task = useTraining((s) => s.experiment?.task);
  const start = task?.kind === 'surface' ? task.start : undefined;
  const pickStart = useCallback((x: number, y: number) => void controller.setStart(x, y), []);
  // Every run's φ with its current A-LR percentiles (run colours by position, as in every chart).
  const phiRuns = useMemo(
    () =>
      (snapshot?.runs ?? []).map((r, i) => ({
        runId: r.runId,
        label: r.label,
        color: runColor(i),
        spec: r.spec,
        step: r.step,
        alr: r.alrStats,
      })),
    [snapshot],
  );
  return (
    <section className="card training" aria-labelledby="training-title">
      <h2 id="training-title">{text?.title ?? t('training.title')}</h2>
      {text && showCaption && (
        <p className="muted" data-testid="scene-caption">
          {text.caption[0]}
          <br />
          {text.caption[1]}
        </p>
      )}
      {showSettings && <ExperimentDrawer />}
      {notice && (
        <Notice onDismiss={() => training.dismissNotice()}>
          <span data-testid="training-notice">{messageText(notice, language)}</span>
        </Notice>
      )}
      {refusal && (
        <Notice testId="budget-notice" onDismiss={() => training.refuse(null)}>
          {overBudgetText(refusal, language)}
        </Notice>
      )}
      {error && (
        <p className="error" role="alert" data-testid="training-error">
          {t('training.error', { message: messageText(error, language) })}
        </p>
      )}
      {snapshot && <FirstScreenNote />}
      {snapshot && <SeedPicker />}
      {snapshot ? (
        <div
          className="runs"
          id="runs"
          data-testid="runs"
          data-step={snapshot.step}
          data-backend={snapshot.backend}
        >
          {snapshot.runs.map((run, index) => (
            <RunCard key={run.runId} run={run} index={index} removable={snapshot.runs.length > 1} />
          ))}
        </div>
      ) : null}
      {snapshot && (
        <Suspense fallback={null}>
          <SeedTable />
        </Suspense>
      )}
      {snapshot && showAdd && snapshot.runs.length < MAX_RUNS ? (
        <button
          type="button"
          className="button button--quiet add-run"
          data-testid="add-run"
          onClick={() => void controller.addRun(nextRun(snapshot.runs.map((r) => r.runId)))}
        >
          {t('training.addRun')}
        </button>
      ) : null}
      {snapshot ? (
        <div className="bottom-row">
          {showCurves && (
            <section className="card" aria-label={t('training.curves')}>
              <TrainingCurves />
            </section>
          )}
          {showSoftplus && (
            <section className="card" aria-label={t('training.softplus')}>
              <Suspense fallback={null}>
                <PhiView runs={phiRuns} />
              </Suspense>
            </section>
          )}
          {showTask && (
            <section className="card" aria-label={t('training.taskView')}>
              <Suspense fallback={null}>
                <TaskView runs={snapshot.runs} onPickStart={pickStart} {...(start ? { start } : {})} />
              </Suspense>
            </section>
          )}
        </div>
      ) : (
        <p className="muted" data-testid="loading-scene">
          {t('training.loading')}
        </p>
      )}
    </section>
  );
}
