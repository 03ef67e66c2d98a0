// What the measurement tests share: a small scene with no data files, and a loader that has none.
import type { AssetLoader } from '../data/asset-loader';
import type { ExperimentConfig } from '../experiment';
import { sceneById } from '../scenes';

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
