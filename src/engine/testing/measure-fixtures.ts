// What the engine's tests share: small experiments with no data files, and a loader that has none.
import type { AssetLoader } from '../data/asset-loader';
import type { ExperimentConfig } from '../experiment';
import { sceneById } from '../scenes';
import { DEFAULT_CLASSIFY_2D } from '../tasks/configs';

/** Two spirals, a small 8-8 MLP, Adam beside Sadam: a session in milliseconds on any backend. */
export const SPIRALS: ExperimentConfig = {
  task: { ...DEFAULT_CLASSIFY_2D, hidden: [8, 8], trainSize: 128, batchSize: 16 },
  runs: [
    { id: 'a', label: 'Adam', spec: { name: 'adam', lr: 1e-2 } },
    { id: 'b', label: 'Sadam', spec: { name: 'sadam', lr: 1e-2, softplusBeta: 50 } },
  ],
  seeds: { data: 3, init: 4, batches: 5 },
};

/** Rosenbrock's experiment: quick to build and step on any backend, and it fetches nothing. */
export function rosenbrockExperiment(): ExperimentConfig {
  const scene = sceneById('rosenbrock');
  if (!scene) throw new Error('rosenbrock scene missing');
  return scene.experiment;
}

/** A loader for tests that must not fetch: every request fails, naming the file. */
export const noFiles: AssetLoader = async (path) => {
  throw new Error(`no file ${path} in this test`);
};
