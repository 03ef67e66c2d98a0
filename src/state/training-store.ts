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
import { FieldHistory, fieldHistoryDepth } from './field-history';
import { fieldArraysOf, fieldLoans } from './field-loans';
import { type HistoryPoint, seedHistoryPoint } from './seed-history';
import type { FirstScreen } from './warm-up';

/** One point of a run's history: what the curves and the Figure-1 chart draw (seed-history.ts). */
export type { HistoryPoint };

/** An experiment on several seeds (docs/seeds.md), as the page holds it; null for a single seed. */
export interface SeedState {
  count: number;
  /** The seed (0-based) whose runs the heatmaps, readouts and task view show: `snapshot.runs`. */
  shown: number;
  /** Every seed's runs in the latest snapshot (seed k at index k). */
  runs: RunSnapshot[][];
  /** Every seed's own history per run (the charts draw the means in `history`; the export all of them). */
  history: Record<string, BoundedSeries<HistoryPoint>[]>;
}

/** Points kept per run: a whole lecture's training, downsampled evenly when full. */
export const HISTORY_CAPACITY = 2000;
/** The store holds the fields of this many latest snapshots (field-loans.ts): the one on screen and two before. */
const HELD_SNAPSHOTS = 3;

export interface TrainingState {
  snapshot: Snapshot | null;
  status: TrainerStatus | null;
  history: Record<string, BoundedSeries<HistoryPoint>>;
  /** Per run, the A-LR field over time (for the hover sparkline of one coordinate). */
  fieldHistory: Record<string, FieldHistory>;
  /** The last failure the engine reported about training (shown until the next success). */
  error: EngineMessage | null;
  /**
   * The experiment as the user asked for it (task, runs, seeds): edits still on their way to the engine
   * included, a refused one rolled back (state/requested-experiment.ts). Links and the drawer read it.
   */
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
  /** Several seeds: every seed's latest runs and history, and which one is shown. */
  seeds: SeedState | null;
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
    seeds: null,
  }));
  // The field arrays of the last few snapshots, held for the engine until newer ones replace them.
  const heldFields: Float32Array[][] = [];
  return {
    store,
    receiveSnapshot(snapshot: Snapshot): void {
      const fields = fieldArraysOf(snapshot);
      fieldLoans.lend(fields);
      heldFields.push(fields);
      if (heldFields.length > HELD_SNAPSHOTS)
        for (const array of heldFields.shift() ?? []) fieldLoans.release(array);
      const { history, fieldHistory, snapshot: previous, seeds: before } = store.getState();
      // Several seeds: the charts get the means and bands, everything else the chosen seed's runs.
      const seedRuns = snapshot.seedRuns && snapshot.seedRuns.length > 1 ? snapshot.seedRuns : null;
      const shown = seedRuns ? Math.min(before?.shown ?? 0, seedRuns.length - 1) : 0;
      const displayed = seedRuns ? { ...snapshot, runs: seedRuns[shown] as RunSnapshot[] } : snapshot;
      const seedCountChanged = (seedRuns?.length ?? 1) !== (before?.count ?? 1);
      const next: Record<string, BoundedSeries<HistoryPoint>> = {};
      const nextFields: Record<string, FieldHistory> = {};
      const nextPerSeed: Record<string, BoundedSeries<HistoryPoint>[]> = {};
      for (const run of displayed.runs) {
        let series = history[run.runId] ?? new BoundedSeries<HistoryPoint>(HISTORY_CAPACITY);
        let fields = fieldHistory[run.runId];
        let perSeed = before?.history[run.runId];
        // A reset or a new experiment starts the run's history again.
        const latest = series.latest;
        if (
          latest &&
          (latest.step > run.step || previous?.taskTitle !== snapshot.taskTitle || seedCountChanged)
        ) {
          series = new BoundedSeries<HistoryPoint>(HISTORY_CAPACITY);
          fields = undefined;
          perSeed = undefined;
        }
        const depth = fieldHistoryDepth(run.alr.length, displayed.runs.length);
        if (!fields || fields.fieldLength !== run.alr.length || fields.capacity !== depth)
          fields = new FieldHistory(run.alr.length, depth);
        const fresh = !series.latest || series.latest.step < run.step;
        if (seedRuns) {
          perSeed ??= seedRuns.map(() => new BoundedSeries<HistoryPoint>(HISTORY_CAPACITY));
          const points = seedRuns.map((runs) => {
            const same = runs.find((r) => r.runId === run.runId);
            return same ? historyPoint(same) : null;
          });
          if (fresh) {
            const own = points.filter((p): p is HistoryPoint => p !== null);
            series.push(run.step, seedHistoryPoint(own));
            points.forEach((p, k) => {
              const s = perSeed?.[k];
              if (p && s && (!s.latest || s.latest.step < run.step)) s.push(run.step, p);
            });
          }
          nextPerSeed[run.runId] = perSeed;
        } else if (fresh) series.push(run.step, historyPoint(run));
        if (fresh && run.step > 0) fields.push(run.step, run.alr);
        next[run.runId] = series;
        nextFields[run.runId] = fields;
      }
      store.setState({
        snapshot: relabelled(displayed, store.getState().experiment),
        history: next,
        fieldHistory: nextFields,
        error: null,
        seeds: seedRuns ? { count: seedRuns.length, shown, runs: seedRuns, history: nextPerSeed } : null,
      });
    },
    /**
     * Several seeds: the heatmaps, readouts and task view show seed `index` (0-based) from now on; the
     * charts keep drawing the means. The hover sparkline starts again (it is one seed's history).
     */
    showSeed(index: number): void {
      const { seeds, snapshot, experiment } = store.getState();
      if (!seeds || !snapshot || !Number.isInteger(index)) return;
      const shown = Math.min(seeds.count - 1, Math.max(0, index));
      if (shown === seeds.shown) return;
      const runs = seeds.runs[shown] as RunSnapshot[];
      store.setState({
        seeds: { ...seeds, shown },
        snapshot: relabelled({ ...snapshot, runs }, experiment),
        fieldHistory: {},
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
      const { seeds } = store.getState();
      for (const [runId, series] of Object.entries(store.getState().history)) {
        history[runId] = rewound(series, step);
      }
      const perSeed = seeds
        ? Object.fromEntries(
            Object.entries(seeds.history).map(([runId, all]) => [runId, all.map((s) => rewound(s, step))]),
          )
        : null;
      store.setState({ history, ...(seeds && perSeed ? { seeds: { ...seeds, history: perSeed } } : {}) });
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
