// Runs a scene over several seeds (`--seeds N`): one lockstep experiment per seed, each with its own
// initial weights and batch order (random.ts seedsForRepeat), then a summary per optimizer of the
// final test accuracy and loss (mean ± sd, range) like the paper's Table 1.

import type { Seeds } from '../engine/random';
import { seedsForRepeat } from '../engine/random';
import type { Scene } from '../engine/scenes';
import { type RunSummary, summarizeFinals } from '../stats/seed-summary';
import { MAX_HEADLESS_SEEDS } from './args';
import { type ExperimentResult, type ExperimentRun, type RunOptions, runExperiment } from './run-experiment';

export interface SeedRepeat {
  seeds: Seeds;
  runs: ExperimentRun[];
}

export type { RunSummary } from '../stats/seed-summary';

/**
 * A single-seed result (the documented JSON: its `runs` are the first seed's) plus every seed's series and the
 * summary. `seed`/`seeds` are the first repeat's.
 */
export interface SeedsResult extends ExperimentResult {
  seedCount: number;
  varyData: boolean;
  repeats: SeedRepeat[];
  summary: RunSummary[];
}

export interface SeedsOptions extends Omit<RunOptions, 'seeds' | 'onProgress'> {
  seedCount: number;
  onProgress?: (repeat: number, step: number) => void;
}

export function summarizeRepeats(repeats: readonly SeedRepeat[]): RunSummary[] {
  const first = repeats[0]?.runs ?? [];
  return first.map((run) => {
    const finals = repeats.flatMap((r) => {
      const same = r.runs.find((x) => x.id === run.id);
      const last = same?.snapshots[same.snapshots.length - 1];
      if (!same || !last) return [];
      return [
        {
          ...(last.accuracy !== undefined ? { accuracy: last.accuracy } : {}),
          ...(last.testLoss !== undefined ? { testLoss: last.testLoss } : {}),
          trainLoss: last.loss,
          diverged: same.divergedAt !== null,
        },
      ];
    });
    return summarizeFinals(run.id, run.label, finals);
  });
}

export async function runSeeds(scene: Scene, options: SeedsOptions): Promise<SeedsResult> {
  const { seedCount, onProgress, ...rest } = options;
  if (!Number.isInteger(seedCount) || seedCount < 1 || seedCount > MAX_HEADLESS_SEEDS)
    throw new RangeError(`seeds: 1–${MAX_HEADLESS_SEEDS}; asked for ${seedCount}`);
  const base =
    options.seed === undefined
      ? scene.experiment.seeds
      : { data: options.seed, init: options.seed, batches: options.seed };
  const varyData = scene.repeat?.varyData ?? false;
  const results: ExperimentResult[] = [];
  for (let k = 0; k < seedCount; k++) {
    results.push(
      await runExperiment(scene, {
        ...rest,
        seeds: seedsForRepeat(base, k, varyData),
        onProgress: (step) => onProgress?.(k, step),
      }),
    );
  }
  const [first] = results as [ExperimentResult];
  const repeats = results.map((r) => ({ seeds: r.seeds, runs: r.runs }));
  return { ...first, seedCount, varyData, repeats, summary: summarizeRepeats(repeats) };
}
