// Auto's choice by measurement (issue #12), as pure functions over measured rates: which backend wins,
// how the measuring budget is shared out, and the key a measurement is cached under. No tfjs here: the
// page imports it to cache and show the rates.
import type { ExperimentConfig } from './experiment';
import { BACKEND_CHAIN, type BackendName, type BackendRate } from './protocol';

export type { BackendRate };

/** The whole measurement's cost on the worker: every backend's start, first step and timed steps. */
export const MEASURE_BUDGET_MS = 1500;

/**
 * The fastest backend by measured rate. Rates from a budget that ran out count as well (they are a lower
 * bound of a slow backend: it loses anyway). On a tie the chain order decides; with no rate at all, the
 * backend already running stays.
 */
export function chooseFastest(rates: readonly BackendRate[], current: BackendName): BackendName {
  let best: { backend: BackendName; rate: number } | null = null;
  for (const r of rates) {
    const rate = 'stepsPerS' in r ? r.stepsPerS : undefined;
    if (rate === undefined || !Number.isFinite(rate) || rate <= 0) continue;
    const better =
      !best ||
      rate > best.rate ||
      (rate === best.rate && BACKEND_CHAIN.indexOf(r.backend) < BACKEND_CHAIN.indexOf(best.backend));
    if (better) best = { backend: r.backend, rate };
  }
  return best?.backend ?? current;
}

/**
 * The slice of the budget the next backend gets: what is left, shared evenly by the backends still to
 * measure (one that finishes early leaves its time to the rest).
 */
export function nextSlice(remainingMs: number, backendsLeft: number): number {
  if (backendsLeft <= 0) return 0;
  return Math.max(0, remainingMs) / backendsLeft;
}

/**
 * What a measurement depends on: the task (data, model, batch size) and the number of runs stepped in
 * lockstep; not hyperparameters, seeds or labels. Two experiments with one key cost the same per step.
 */
export function taskShapeKey(experiment: Pick<ExperimentConfig, 'task' | 'runs'>): string {
  return `${stableJson(experiment.task)}×${experiment.runs.length}`;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
