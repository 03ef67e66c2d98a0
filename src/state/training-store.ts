// Training state outside React (STYLE.md: state outside React, redraw when dirty): the latest
// snapshot, the status of the worker's loop, and a bounded per-run history for the charts.
// No tfjs here.

import { createStore } from 'zustand/vanilla';
import type { RunSnapshot, Snapshot } from '../engine/session/snapshot-types';
import type { TrainerStatus } from '../engine/trainer-status';
import { BoundedSeries } from '../stats/downsample';
import type { Percentiles } from '../stats/percentiles';

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
  /** The last failure the engine reported about training (shown until the next success). */
  error: string | null;
}

export function historyPoint(run: RunSnapshot): HistoryPoint {
  return {
    trainLoss: run.trainLoss,
    ...(run.testLoss !== undefined ? { testLoss: run.testLoss } : {}),
    ...(run.accuracy !== undefined ? { accuracy: run.accuracy } : {}),
    alr: run.alrStats,
  };
}

export function createTrainingStore() {
  const store = createStore<TrainingState>(() => ({
    snapshot: null,
    status: null,
    history: {},
    error: null,
  }));
  return {
    store,
    receiveSnapshot(snapshot: Snapshot): void {
      const { history, snapshot: previous } = store.getState();
      const next: Record<string, BoundedSeries<HistoryPoint>> = {};
      for (const run of snapshot.runs) {
        let series = history[run.runId] ?? new BoundedSeries<HistoryPoint>(HISTORY_CAPACITY);
        // A reset or a new experiment starts the run's history again.
        const latest = series.latest;
        if (latest && (latest.step >= run.step || previous?.taskTitle !== snapshot.taskTitle)) {
          series = new BoundedSeries<HistoryPoint>(HISTORY_CAPACITY);
        }
        if (run.step > 0 || series.length === 0) {
          if (!series.latest || series.latest.step < run.step) series.push(run.step, historyPoint(run));
        }
        next[run.runId] = series;
      }
      store.setState({ snapshot, history: next, error: null });
    },
    receiveStatus(status: TrainerStatus): void {
      store.setState({ status });
    },
    fail(message: string): void {
      store.setState({ error: message });
    },
  };
}

export type TrainingStore = ReturnType<typeof createTrainingStore>;
