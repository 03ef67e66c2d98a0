// Runs a scene headless with the same engine as the app and collects the headless JSON (docs/ARCHITECTURE.md, "The headless JSON").
// Backend set-up and file output live in experiment.ts; this part is testable in Vitest.

import * as tf from '@tensorflow/tfjs-core';
import type { AssetLoader } from '../engine/data/asset-loader';
import type { Seeds } from '../engine/random';
import type { Scene } from '../engine/scenes';
import { Session } from '../engine/session/session';
import type { RunSnapshot } from '../engine/session/snapshot-types';
import type { OptimizerSpec } from '../optim/spec';
import type { Percentiles } from '../stats/percentiles';

export interface ExperimentSnapshot {
  step: number;
  epoch: number;
  loss: number;
  testLoss?: number;
  accuracy?: number;
  alr: Percentiles;
  /** log10(max/min) of the pooled A-LR. */
  ordersOfMagnitude: number;
  /** Loss surfaces only: the run's current point (x, y) ... */
  point?: [number, number];
  /** ... and its A-LR per coordinate there (x, y). */
  pointAlr?: [number, number];
}

export interface ExperimentRun {
  id: string;
  label: string;
  spec: OptimizerSpec;
  divergedAt: number | null;
  snapshots: ExperimentSnapshot[];
}

export interface ExperimentResult {
  scene: string;
  title: string;
  seed: number;
  /** The data, initial-weight and batch-order seeds this run used (`seed` sets all three). */
  seeds: Seeds;
  backend: string;
  steps: number;
  every: number;
  runs: ExperimentRun[];
}

export interface RunOptions {
  steps?: number;
  seed?: number;
  /** The three seeds, set apart (a repeat over seeds); wins over `seed`. */
  seeds?: Seeds;
  every?: number;
  loader: AssetLoader;
  onProgress?: (step: number) => void;
}

/** The current point and per-coordinate A-LR of a loss-surface run (nothing for other tasks). */
function surfacePoint(r: RunSnapshot): Pick<ExperimentSnapshot, 'point' | 'pointAlr'> {
  const { view } = r;
  if (view.kind !== 'trajectory' || view.points.length < 2 || r.alr.length !== 2) return {};
  const n = view.points.length;
  return {
    point: [view.points[n - 2] as number, view.points[n - 1] as number],
    pointAlr: [r.alr[0] as number, r.alr[1] as number],
  };
}

export async function runExperiment(scene: Scene, options: RunOptions): Promise<ExperimentResult> {
  const seeds =
    options.seeds ??
    (options.seed === undefined
      ? scene.experiment.seeds
      : { data: options.seed, init: options.seed, batches: options.seed });
  const seed = seeds.init;
  const steps = options.steps ?? scene.defaultSteps;
  const every = options.every ?? scene.snapshotEvery;
  const session = await Session.create({ ...scene.experiment, seeds }, options.loader);
  const runs = new Map<string, ExperimentRun>();
  try {
    while (session.step < steps) {
      session.advance(Math.min(every, steps - session.step));
      const snapshot = await session.snapshot();
      for (const r of snapshot.runs) {
        const run = runs.get(r.runId) ?? {
          id: r.runId,
          label: r.label,
          spec: r.spec,
          divergedAt: null,
          snapshots: [],
        };
        run.spec = r.spec;
        run.divergedAt = r.divergedAt;
        run.snapshots.push({
          step: r.step,
          epoch: r.epoch,
          loss: r.trainLoss,
          ...(r.testLoss !== undefined ? { testLoss: r.testLoss } : {}),
          ...(r.accuracy !== undefined ? { accuracy: r.accuracy } : {}),
          alr: r.alrStats,
          ordersOfMagnitude: r.ordersOfMagnitude,
          ...surfacePoint(r),
        });
        runs.set(r.runId, run);
      }
      options.onProgress?.(session.step);
    }
  } finally {
    session.dispose();
  }
  return {
    scene: scene.id,
    title: scene.title,
    seed,
    seeds,
    backend: tf.getBackend(),
    steps,
    every,
    runs: [...runs.values()],
  };
}
