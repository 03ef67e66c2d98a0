// Seeded random streams. Data, initial weights and batch order each get their own stream so that
// changing one seed never shifts the others (issue #3: lockstep runs).

import { mulberry32 } from '../stats/random';

/** A stream for one seed: mulberry32, with the seed mixed so that small seeds (1, 2, ...) start far apart. */
export function createRandom(seed: number): () => number {
  return mulberry32((Math.floor(seed) ^ 0x9e3779b9) >>> 0);
}

/** Standard normal samples by Box–Muller. */
export function createNormal(random: () => number): () => number {
  return () => {
    const u = 1 - random();
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

/** In-place Fisher–Yates shuffle. */
export function shuffle<T extends { length: number; [i: number]: number }>(
  items: T,
  random: () => number,
): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = items[i] as number;
    items[i] = items[j] as number;
    items[j] = tmp;
  }
  return items;
}

export interface Seeds {
  /** The data set (2-D points, which MNIST subset order, ...). */
  data: number;
  /** Initial weights, shared by every run of a scene. */
  init: number;
  /** Batch order, shared by every run of a scene. */
  batches: number;
}

export const DEFAULT_SEEDS: Seeds = { data: 1, init: 1, batches: 1 };

/** The most seeds one experiment repeats over (the headless runner and, later, the app). */
export const MAX_SEED_REPEATS = 5;

/**
 * The seeds of repeat `index` (0-based) of an experiment run over several seeds: repeat 0 is the
 * experiment's own seeds; each later one shifts the initial weights and the batch order. The data
 * stay the same (one fixed train/test split for every repeat) unless `varyData` is set, so the spread
 * measured across repeats is the optimizer's, not the split's. Every run of a repeat shares its seeds:
 * optimizers stay in lockstep within a repeat.
 */
export function seedsForRepeat(base: Seeds, index: number, varyData = false): Seeds {
  return {
    data: varyData ? base.data + index : base.data,
    init: base.init + index,
    batches: base.batches + index,
  };
}
