// Training state outside React (docs/ARCHITECTURE.md: state outside React, redraw when dirty): the latest
// snapshot, the status of the worker's loop, and a bounded per-run history for the charts.
// No tfjs here.

import { createStore } from 'zustand/vanilla';
import type { ExperimentConfig } from '../engine/experiment';
import type { EngineMessage } from '../engine/messages';
import type { OverBudget } from '../engine/model-size';
import type { FieldKind, RunSnapshot, Snapshot } from '../engine/session/snapshot-types';
import type { TrainerStatus } from '../engine/trainer-status';
import { BoundedSeries } from '../stats/downsample';
import type { Percentiles } from '../stats/percentiles';
import { FieldHistory, fieldHistoryDepth } from './field-history';
import type { FirstScreen } from './warm-up';

/** One point of a run's history: what the curves and the Figure-1 chart draw. */
export interface HistoryPoint {
  trainLoss: number;
  testLoss?: number;
  accuracy?: number;
  alr: Percentiles;
}

/** Points kept per run: a whole lecture's training, downsampled evenly when full. */
export const HISTORY_CAPACITY = 2000;

export interface TrainingState {
  snapshot: Snapshot | null;
  status: TrainerStatus | null;
  history: Record<string, BoundedSeries<HistoryPoint>>;
  /** Per run, the A-LR field over time (for the hover sparkline of one coordinate). */
  fieldHistory: Record<string, FieldHistory>;
  /** The last failure the engine reported about training (shown until the next success). */
  error: EngineMessage | null;
  /** The experiment as last loaded or changed from here (task, runs, seeds). */
  experiment: ExperimentConfig | null;
  /** What the heatmaps draw. */
  shownField: FieldKind;
  /** A short note after a change that reset training (e.g. a new task). */
  notice: EngineMessage | null;
  /** View options: one colour scale for all panels (honest comparison) or one per panel. */
  sharedScale: boolean;
  /** How a heatmap pixel summarises the cells it covers when a layer has more cells than pixels. */
  aggregate: 'max' | 'min' | 'mean';
  /** The untouched first screen: warming up, warmed up, or asking for a click (state/warm-up.ts). */
  firstScreen: FirstScreen | null;
  /** An experiment refused for the model-size budget (engine/model-size.ts), until dismissed or replaced. */
  refusal: OverBudget | null;
}

export function historyPoint(run: RunSnapshot): HistoryPoint {
  // A snapshot that repeats an earlier test evaluation (the engine's budget, session/eval-budget.ts)
  // adds no test point: the test curves join the steps that were really evaluated, with no plateaus.
  const fresh = run.evaluatedAt === undefined || run.evaluatedAt === run.step;
  return {
    trainLoss: run.trainLoss,
    ...(fresh && run.testLoss !== undefined ? { testLoss: run.testLoss } : {}),
    ...(fresh && run.accuracy !== undefined ? { accuracy: run.accuracy } : {}),
    alr: run.alrStats,
  };
}

export function createTrainingStore() {
  const store = createStore<TrainingState>(() => ({
    snapshot: null,
    status: null,
    history: {},
    fieldHistory: {},
    error: null,
    experiment: null,
    shownField: 'adaptiveRate',
    notice: null,
    sharedScale: true,
    aggregate: 'max',
    firstScreen: null,
    refusal: null,
  }));
  return {
    store,
    receiveSnapshot(snapshot: Snapshot): void {
      const { history, fieldHistory, snapshot: previous } = store.getState();
      const next: Record<string, BoundedSeries<HistoryPoint>> = {};
      const nextFields: Record<string, FieldHistory> = {};
      for (const run of snapshot.runs) {
        let series = history[run.runId] ?? new BoundedSeries<HistoryPoint>(HISTORY_CAPACITY);
        let fields = fieldHistory[run.runId];
        // A reset or a new experiment starts the run's history again.
        const latest = series.latest;
        if (latest && (latest.step > run.step || previous?.taskTitle !== snapshot.taskTitle)) {
          series = new BoundedSeries<HistoryPoint>(HISTORY_CAPACITY);
          fields = undefined;
        }
        const depth = fieldHistoryDepth(run.alr.length, snapshot.runs.length);
        if (!fields || fields.fieldLength !== run.alr.length || fields.capacity !== depth)
          fields = new FieldHistory(run.alr.length, depth);
        if (!series.latest || series.latest.step < run.step) {
          series.push(run.step, historyPoint(run));
          if (run.step > 0) fields.push(run.step, run.alr);
        }
        next[run.runId] = series;
        nextFields[run.runId] = fields;
      }
      store.setState({
        snapshot: relabelled(snapshot, store.getState().experiment),
        history: next,
        fieldHistory: nextFields,
        error: null,
      });
    },
    receiveStatus(status: TrainerStatus): void {
      store.setState({ status });
    },
    fail(message: EngineMessage): void {
      store.setState({ error: message });
    },
    /** The experiment as changed from here; the snapshot on screen takes its run labels at once. */
    setExperiment(experiment: ExperimentConfig, notice: EngineMessage | null = null): void {
      const { snapshot } = store.getState();
      store.setState({ experiment, notice, snapshot: snapshot && relabelled(snapshot, experiment) });
    },
    setFirstScreen(firstScreen: FirstScreen | null): void {
      if (store.getState().firstScreen !== firstScreen) store.setState({ firstScreen });
    },
    setShownField(shownField: FieldKind): void {
      store.setState({ shownField });
    },
    setView(view: Partial<Pick<TrainingState, 'sharedScale' | 'aggregate'>>): void {
      store.setState(view);
    },
    /** A message that is not about a change the user made (e.g. the engine recovered from a failure). */
    notify(notice: EngineMessage): void {
      store.setState({ notice });
    },
    /**
     * The runs went back to a checkpoint at `step` (a lost GPU device, a restarted worker): the history
     * up to it stays, the points after it go (the runs will retrace those steps).
     */
    rewindTo(step: number): void {
      const history: Record<string, BoundedSeries<HistoryPoint>> = {};
      for (const [runId, series] of Object.entries(store.getState().history)) {
        history[runId] = rewound(series, step);
      }
      store.setState({ history });
    },
    dismissNotice(): void {
      store.setState({ notice: null });
    },
    /** An experiment was refused for its size; nothing else changes. */
    refuse(refusal: OverBudget | null): void {
      store.setState({ refusal });
    },
  };
}

export type TrainingStore = ReturnType<typeof createTrainingStore>;

/**
 * The page owns run labels (they follow live spec changes, or stay as typed: state/run-label.ts); the
 * engine's copy is the one it was loaded with. A snapshot shows the page's, so every view agrees.
 */
function relabelled(snapshot: Snapshot, experiment: ExperimentConfig | null): Snapshot {
  if (!experiment) return snapshot;
  let changed = false;
  const runs = snapshot.runs.map((run) => {
    const label = experiment.runs.find((r) => r.id === run.runId)?.label;
    if (label === undefined || label === run.label) return run;
    changed = true;
    return { ...run, label };
  });
  return changed ? { ...snapshot, runs } : snapshot;
}

function rewound(series: BoundedSeries<HistoryPoint>, step: number): BoundedSeries<HistoryPoint> {
  if ((series.latest?.step ?? 0) <= step) return series;
  const kept = new BoundedSeries<HistoryPoint>(series.capacity);
  series.forEach((at, value) => {
    if (at <= step) kept.push(at, value);
  });
  return kept;
}
