// One optimizer's final numbers over several seeds, like the paper's Table 1: mean ± sd and the
// seed-to-seed range of final test accuracy and loss (stats/spread.ts does the arithmetic). Shared by
// the headless runner's table (cli/seed-table.ts) and the page's live table (ui/seed-table.tsx), so the
// two always agree. Also says, from the numbers alone, whether one optimizer is ahead on every seed.
// Plain TypeScript: no tfjs, no DOM.

import { type Spread, spreadOf } from './spread';

/** One seed's last numbers for one optimizer. */
export interface SeedFinal {
  /** Final test accuracy (a fraction); absent for tasks without one. */
  accuracy?: number;
  /** Final test loss; absent for tasks without test data. */
  testLoss?: number;
  /** Final training loss (mean over the last snapshot's steps). */
  trainLoss: number;
  diverged: boolean;
}

/** One optimizer's final numbers over the seeds. */
export interface RunSummary {
  id: string;
  label: string;
  /** Seeds this run was trained on. */
  seedCount: number;
  /** Of those, how many diverged (their NaN losses are left out of the spreads). */
  diverged: number;
  accuracy?: Spread;
  testLoss?: Spread;
  trainLoss: Spread;
}

export function summarizeFinals(id: string, label: string, finals: readonly SeedFinal[]): RunSummary {
  const spread = (pick: (f: SeedFinal) => number | undefined) => {
    const values = finals.map(pick);
    return values.some((v) => v !== undefined) ? spreadOf(values.map((v) => v ?? Number.NaN)) : undefined;
  };
  const accuracy = spread((f) => f.accuracy);
  const testLoss = spread((f) => f.testLoss);
  return {
    id,
    label,
    seedCount: finals.length,
    diverged: finals.filter((f) => f.diverged).length,
    ...(accuracy ? { accuracy } : {}),
    ...(testLoss ? { testLoss } : {}),
    trainLoss: spreadOf(finals.map((f) => f.trainLoss)),
  };
}

const DASH = '—';

/** "92.92 ± 0.60" and "92.20–93.60": an accuracy spread in percent, two decimals. */
export function accuracyCells(s: Spread | undefined): [string, string] {
  if (!s || s.n === 0) return [DASH, DASH];
  const pct = (v: number) => (100 * v).toFixed(2);
  return [`${pct(s.mean)} ± ${pct(s.sd)}`, `${pct(s.min)}–${pct(s.max)}`];
}

function lossNumber(v: number): string {
  return Math.abs(v) < 100 ? v.toFixed(4) : v.toExponential(2);
}

/** "0.2497 ± 0.0128" and "0.2363–0.2642": a loss spread, four decimals (exponents when large). */
export function lossCells(s: Spread | undefined): [string, string] {
  if (!s || s.n === 0) return [DASH, DASH];
  return [`${lossNumber(s.mean)} ± ${lossNumber(s.sd)}`, `${lossNumber(s.min)}–${lossNumber(s.max)}`];
}

/**
 * Seeds needed before the table names a leader: on 2 seeds, one of two equal optimizers "wins both" one
 * time in four by chance alone; on 3, one in eight.
 */
export const MIN_VERDICT_SEEDS = 3;

/** What the numbers say about a winner: only "ahead" when one optimizer beats every other on every seed. */
export type Verdict =
  | { kind: 'ahead'; leader: string; seeds: number; metric: 'accuracy' | 'loss' }
  | { kind: 'none'; seeds: number; metric: 'accuracy' | 'loss' }
  | { kind: 'tooFew' };

/**
 * `values[r][k]`: optimizer r's final number on seed k (accuracy: higher is better; loss: lower). The
 * seeds pair the optimizers (same initial weights and batches within a seed), so the honest test is
 * seed by seed: the optimizer with the best mean is "ahead" only if it is better than each other
 * optimizer on every seed. Fewer than MIN_VERDICT_SEEDS seeds or two optimizers, or a non-finite value:
 * no verdict.
 */
export function seedVerdict(
  labels: readonly string[],
  values: readonly (readonly number[])[],
  metric: 'accuracy' | 'loss',
): Verdict {
  const seeds = values[0]?.length ?? 0;
  if (
    labels.length < 2 ||
    seeds < MIN_VERDICT_SEEDS ||
    values.some((v) => v.length !== seeds || !v.every(Number.isFinite))
  )
    return { kind: 'tooFew' };
  const better = (a: number, b: number) => (metric === 'accuracy' ? a > b : a < b);
  const means = values.map((v) => spreadOf(v).mean);
  let leader = 0;
  for (let r = 1; r < means.length; r++) if (better(means[r] as number, means[leader] as number)) leader = r;
  const lead = values[leader] as readonly number[];
  const aheadEverywhere = values.every(
    (other, r) => r === leader || other.every((v, k) => better(lead[k] as number, v)),
  );
  return aheadEverywhere
    ? { kind: 'ahead', leader: labels[leader] as string, seeds, metric }
    : { kind: 'none', seeds, metric };
}
