// --seeds on real small runs: the 2-D moons race (three optimizers) for a few steps.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeAssetLoader, projectPublicDir } from '../engine/data/node-asset-loader';
import { seedsForRepeat } from '../engine/random';
import { type Scene, sceneById } from '../engine/scenes';
import { useBackend } from '../optim/testing/node-backends';
import { runExperiment } from './run-experiment';
import { runSeeds, summarizeRepeats } from './run-seeds';
import { formatSeedTable } from './seed-table';

const loader = nodeAssetLoader(projectPublicDir());
const moons = sceneById('race-moons') as Scene;

const sampleSd = (xs: number[]) => {
  const m = xs.reduce((s, v) => s + v, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, v) => s + (v - m) ** 2, 0) / (xs.length - 1));
};

describe('seedsForRepeat', () => {
  it('keeps repeat 0 as given, shifts init and batches after it, and the data only when asked', () => {
    const base = { data: 4, init: 7, batches: 9 };
    expect(seedsForRepeat(base, 0)).toEqual(base);
    expect(seedsForRepeat(base, 2)).toEqual({ data: 4, init: 9, batches: 11 });
    expect(seedsForRepeat(base, 2, true)).toEqual({ data: 6, init: 9, batches: 11 });
  });
});

describe('runSeeds (--seeds N)', () => {
  beforeAll(() => useBackend('wasm'));

  it('runs each seed in lockstep, keeps the single-seed shape, and summarises the finals', async () => {
    const tensorsBefore = tf.memory().numTensors;
    const result = await runSeeds(moons, { seedCount: 3, steps: 20, loader });
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    expect(result).toMatchObject({ scene: 'race-moons', seedCount: 3, varyData: false, steps: 20 });
    expect(result.repeats.map((r) => r.seeds)).toEqual([
      { data: 1, init: 1, batches: 1 },
      { data: 1, init: 2, batches: 2 },
      { data: 1, init: 3, batches: 3 },
    ]);
    // Seed 1 is exactly the single-seed run, and its runs are the result's documented `runs` (docs/ARCHITECTURE.md).
    const single = await runExperiment(moons, { steps: 20, loader });
    expect(result.repeats[0]?.runs).toEqual(single.runs);
    expect(result.runs).toEqual(single.runs);
    // Other seeds start elsewhere: a different loss at the first snapshot.
    const firstLoss = (k: number) => result.repeats[k]?.runs[0]?.snapshots[0]?.loss;
    expect(firstLoss(1)).not.toBe(firstLoss(0));
    expect(firstLoss(2)).not.toBe(firstLoss(1));

    expect(result.summary.map((s) => s.label)).toEqual(['Adam', 'Sadam β=50', 'S-Momentum']);
    for (const [i, s] of result.summary.entries()) {
      const finals = result.repeats.map((r) => r.runs[i]?.snapshots.at(-1));
      const acc = finals.map((f) => f?.accuracy as number);
      const testLoss = finals.map((f) => f?.testLoss as number);
      expect(s.seedCount).toBe(3);
      expect(s.diverged).toBe(0);
      expect(s.accuracy?.mean).toBeCloseTo(acc.reduce((a, b) => a + b, 0) / 3, 12);
      expect(s.accuracy?.sd).toBeCloseTo(sampleSd(acc), 12);
      expect(s.accuracy?.min).toBe(Math.min(...acc));
      expect(s.testLoss?.max).toBe(Math.max(...testLoss));
    }
  });

  it('prints a Table 1-style row per optimizer: accuracy % and test loss as mean ± sd and range', async () => {
    const result = await runSeeds(moons, { seedCount: 2, steps: 10, loader });
    const table = formatSeedTable('moons, 2 seeds', result.summary);
    const lines = table.trimEnd().split('\n');
    expect(lines[0]).toBe('moons, 2 seeds');
    expect(lines[1]).toMatch(
      /^optimizer\s+test acc\. % \(mean ± sd\)\s+range\s+test loss \(mean ± sd\)\s+range\s+seeds$/,
    );
    expect(lines).toHaveLength(3 + 3);
    const adam = result.summary[0];
    const row = lines[3] as string;
    const pct = (v: number | undefined) => (100 * (v ?? Number.NaN)).toFixed(2);
    expect(row.startsWith('Adam ')).toBe(true);
    expect(row).toContain(`${pct(adam?.accuracy?.mean)} ± ${pct(adam?.accuracy?.sd)}`);
    expect(row).toContain(`${pct(adam?.accuracy?.min)}–${pct(adam?.accuracy?.max)}`);
    expect(row).toContain(`${adam?.testLoss?.mean.toFixed(4)} ± ${adam?.testLoss?.sd.toFixed(4)}`);
    expect(row).toMatch(/\s2$/);
    // Columns line up: every row's range column starts where the header's does.
    const column = (lines[1] as string).indexOf('range');
    for (const line of lines.slice(3)) expect(line.slice(column - 2, column)).toBe('  ');
  });
});

describe('summarizeRepeats and the table for tasks without test data, and diverged seeds', () => {
  const ALR = { min: 1, p1: 1, p25: 1, p50: 1, p75: 1, p99: 1, max: 1 };
  const run = (loss: number, divergedAt: number | null) => ({
    id: 'adam',
    label: 'Adam',
    spec: {} as never,
    divergedAt,
    snapshots: [{ step: 5, epoch: 0, loss, alr: ALR, ordersOfMagnitude: 0 }],
  });
  const seeds = { data: 1, init: 1, batches: 1 };

  it('falls back to the training loss, leaves accuracy blank and counts the diverged seed apart', () => {
    const summary = summarizeRepeats([
      { seeds, runs: [run(0.5, null)] },
      { seeds, runs: [run(Number.NaN, 3)] },
      { seeds, runs: [run(0.7, null)] },
    ]);
    expect(summary[0]).toMatchObject({ seedCount: 3, diverged: 1, trainLoss: { n: 2, nonFinite: 1 } });
    expect(summary[0]?.accuracy).toBeUndefined();
    expect(summary[0]?.trainLoss.mean).toBeCloseTo(0.6, 12);
    const table = formatSeedTable('surface', summary);
    expect(table).toContain('train loss (mean ± sd)');
    expect(table).toMatch(/Adam\s+—\s+—\s+0\.6000 ± 0\.1414\s+0\.5000–0\.7000\s+3\s+1/);
    expect(table).toContain('Diverged seeds are left out');
  });
});
