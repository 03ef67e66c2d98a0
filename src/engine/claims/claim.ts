// A scene's claim as plain data: what its caption says will be seen, written as predicates over the
// snapshot series the headless runner records (`npm run experiment -- --check` evaluates them).
// No tfjs: scenes.ts carries these, and the UI imports scenes.

import type { Percentiles } from '../../stats/percentiles';

/** One recorded snapshot of one run (the runner's JSON has these fields, and more). */
export interface ClaimSnapshot {
  step: number;
  loss: number;
  testLoss?: number;
  accuracy?: number;
  alr: Percentiles;
  ordersOfMagnitude: number;
  /** Loss surfaces: the current point and the A-LR of each coordinate there. */
  point?: [number, number];
  pointAlr?: [number, number];
}

export interface ClaimRun {
  id: string;
  label: string;
  divergedAt: number | null;
  snapshots: ClaimSnapshot[];
}

/** What a claim can read from one snapshot of one run. */
export type RunStat =
  | 'alrMin'
  | 'alrP1'
  | 'alrP25'
  | 'alrMedian'
  | 'alrP75'
  | 'alrP99'
  | 'alrMax'
  /** log10(max/min) of the whole A-LR field. */
  | 'orders'
  | 'loss'
  | 'testLoss'
  | 'accuracy'
  /** Loss surfaces: the point's coordinates, and each coordinate's A-LR there. */
  | 'x'
  | 'y'
  | 'alrX'
  | 'alrY'
  /** Loss surfaces: alrY / alrX, the anisotropy at the current point. */
  | 'alrRatio';

/** A snapshot by step ('final': the last one). */
export type When = 'final' | { step: number };

export type Quantity =
  /** A statistic of one run at one snapshot. */
  | { kind: 'stat'; run: string; stat: RunStat; at?: When }
  /** The largest or smallest value of a statistic over the snapshots with from ≤ step ≤ to. */
  | {
      kind: 'extreme';
      run: string;
      stat: RunStat;
      /** Of the absolute value (e.g. the farthest |y| from a valley floor). */
      abs?: boolean;
      extreme: 'max' | 'min';
      from?: number;
      to?: number;
    }
  /** Loss surfaces: the distance between two runs' points. */
  | { kind: 'distance'; runs: [string, string]; at?: When }
  /** Loss surfaces: a run's distance from a fixed point (e.g. the minimum). */
  | { kind: 'distanceTo'; run: string; point: [number, number]; name: string; at?: When }
  /** The first snapshot step at which a statistic (or its absolute value) is above / below a level. */
  | {
      kind: 'firstStep';
      run: string;
      stat: RunStat;
      abs?: boolean;
      crosses: 'above' | 'below';
      level: number;
    }
  /** A number; `name` (may be '') when it comes from the theory, e.g. 1/ε or β/ln 2. */
  | { kind: 'constant'; value: number; name: string };

export type Comparison = '<' | '<=' | '>' | '>=';

export type Claim =
  /** left op factor × right (factor 1 by default). */
  | { kind: 'compare'; left: Quantity; op: Comparison; right: Quantity; factor?: number }
  /** |left − right| ≤ tolerance × |right|. */
  | { kind: 'near'; left: Quantity; right: Quantity; tolerance: number }
  /** Each quantity larger than the one before (e.g. spreads ordered by β). */
  | { kind: 'increasing'; quantities: Quantity[] }
  /** A statistic never rises (or never falls) from one snapshot to the next, up to a relative slack. */
  | {
      kind: 'monotone';
      run: string;
      stat: RunStat;
      direction: 'nonIncreasing' | 'nonDecreasing';
      slack?: number;
    }
  /** A statistic rises by at least `atLeast` (relative) from one snapshot to a later one. */
  | { kind: 'rises'; run: string; stat: RunStat; atLeast: number }
  /** No run of the list diverged. */
  | { kind: 'noDivergence'; runs: string[] };

/** What a scene says will be seen, in words, and the checks that must all hold. */
export interface SceneClaim {
  says: string;
  checks: Claim[];
  /** Fast scenes run in `npm test`; slow ones (bigger models) in the full check only. */
  cost: 'fast' | 'slow';
}
