// CSV/JSON export of an experiment on several seeds: the means the charts draw and every seed's own series.
import { describe, expect, it } from 'vitest';
import type { RunSnapshot, Snapshot } from '../../engine/session/snapshot-types';
import { DEFAULT_PHI, type OptimizerSpec } from '../../optim/spec';
import { createTrainingStore } from '../../state/training-store';
import { CSV_COLUMNS, metricsRows, runHistories, toCsv, toJson } from './metrics-table';
import { parseCsv, validateMetricsDocument } from './testing/metrics-checks';

const spec: OptimizerSpec = {
  name: 'adam',
  lr: 1e-3,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
  softplusBeta: 50,
  phi: DEFAULT_PHI,
  weightDecay: 0,
  convention: 'official',
  partial: 0.125,
  finalLr: 0.1,
  gamma: 1e-3,
};
const pct = { min: 1, p1: 2, p25: 3, p50: 4, p75: 5, p99: 6, max: 7 };

function seeded(step: number, losses: number[]): Snapshot {
  const seedRuns = losses.map((trainLoss) => [
    {
      runId: 'a',
      label: 'Adam',
      spec,
      step,
      trainLoss,
      alrStats: pct,
      alr: new Float32Array(2),
    } as unknown as RunSnapshot,
  ]);
  return { step, backend: 'cpu', taskTitle: 't', runs: seedRuns[0] as RunSnapshot[], seedRuns };
}

describe('export over several seeds', () => {
  it('writes the mean rows and every seed’s rows, with a seed column', () => {
    const t = createTrainingStore();
    t.receiveSnapshot(seeded(0, [1, 3]));
    t.receiveSnapshot(seeded(10, [0.5, 1.5]));
    const histories = runHistories(t.store.getState());
    const rows = metricsRows(histories);
    expect(rows.map((r) => [r.seed, r.step, r.trainLoss])).toEqual([
      ['mean', 0, 2],
      ['mean', 10, 1],
      [1, 0, 1],
      [1, 10, 0.5],
      [2, 0, 3],
      [2, 10, 1.5],
    ]);
    const csv = parseCsv(toCsv(rows));
    expect(csv[0]).toEqual([...CSV_COLUMNS, 'seed']);
    expect(csv.slice(1).map((r) => r.at(-1))).toEqual(['mean', 'mean', '1', '1', '2', '2']);

    const doc = toJson({ runs: histories, experiment: null });
    expect(validateMetricsDocument(doc)).toEqual([]);
    expect(doc.runs[0]?.points.map((p) => p.trainLoss)).toEqual([2, 1]);
    expect(doc.runs[0]?.seeds?.map((s) => [s.seed, s.points.map((p) => p.trainLoss)])).toEqual([
      [1, [1, 0.5]],
      [2, [3, 1.5]],
    ]);
  });

  it('leaves a single-seed export exactly as before: no seed column, no seeds', () => {
    const t = createTrainingStore();
    const single = seeded(0, [1]);
    t.receiveSnapshot({ ...single, seedRuns: undefined } as Snapshot);
    const histories = runHistories(t.store.getState());
    expect(histories[0]?.seedPoints).toBeUndefined();
    expect(parseCsv(toCsv(metricsRows(histories)))[0]).toEqual([...CSV_COLUMNS]);
    expect(toJson({ runs: histories, experiment: null }).runs[0]).not.toHaveProperty('seeds');
  });
});
