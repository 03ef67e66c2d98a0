import { beforeAll, describe, expect, it } from 'vitest';
import { nodeAssetLoader, projectPublicDir } from '../engine/data/node-asset-loader';
import { sceneById } from '../engine/scenes';
import { useBackend } from '../optim/testing/node-backends';
import { runExperiment } from './run-experiment';

const loader = nodeAssetLoader(projectPublicDir());

function scene(id: string) {
  const found = sceneById(id);
  if (!found) throw new Error(`no scene ${id}`);
  return found;
}

describe('headless experiments (the documented headless JSON)', () => {
  beforeAll(() => useBackend('wasm'));

  it('fig1-mnist shows the Figure 1 contrast: Adam at 1/ε, Sadam under β/ln 2', async () => {
    const result = await runExperiment(scene('fig1-mnist'), { steps: 40, loader });
    expect(result).toMatchObject({ scene: 'fig1-mnist', seed: 1, backend: 'wasm', steps: 40 });
    const [adam, sadam] = result.runs;
    expect(adam?.label).toBe('Adam');
    expect(adam?.spec).toMatchObject({ name: 'adam', lr: 1e-3, eps: 1e-8 });
    expect(sadam?.spec).toMatchObject({ name: 'sadam', lr: 1e-2, softplusBeta: 50 });
    const last = (r: typeof adam) => r?.snapshots[r.snapshots.length - 1];
    expect(adam?.snapshots.map((s) => s.step)).toEqual([10, 20, 30, 40]);
    const adamLast = last(adam);
    const sadamLast = last(sadam);
    for (const key of ['min', 'p1', 'p25', 'p50', 'p75', 'p99', 'max'] as const) {
      expect(Number.isFinite(adamLast?.alr[key])).toBe(true);
    }
    // Weights fed by always-black pixels never see a gradient: Adam's A-LR there is exactly 1/ε.
    expect(adamLast?.alr.max).toBeCloseTo(1e8, -3);
    expect(adamLast?.ordersOfMagnitude).toBeGreaterThan(5);
    expect(sadamLast?.alr.max).toBeLessThanOrEqual(50 / Math.LN2 + 1e-3);
    expect(sadamLast?.ordersOfMagnitude).toBeLessThan(1.5);
    expect(adamLast?.accuracy).toBeGreaterThan(0.5);
    expect(adamLast?.loss).toBeGreaterThan(0);
  });

  it('is deterministic for a seed and honours --seed', async () => {
    const a = await runExperiment(scene('race-moons'), { steps: 20, loader });
    const b = await runExperiment(scene('race-moons'), { steps: 20, loader });
    const c = await runExperiment(scene('race-moons'), { steps: 20, seed: 7, loader });
    expect(b).toEqual(a);
    expect(c.seed).toBe(7);
    expect(c.runs[0]?.snapshots[1]?.loss).not.toBe(a.runs[0]?.snapshots[1]?.loss);
  });

  it('leaves accuracy out where a task has none', async () => {
    const result = await runExperiment(scene('rosenbrock'), { steps: 10, every: 5, loader });
    expect(result.runs).toHaveLength(3);
    expect(result.runs[0]?.snapshots).toHaveLength(2);
    expect(result.runs[0]?.snapshots[0]).not.toHaveProperty('accuracy');
  });

  it('records each loss-surface run’s point and per-coordinate A-LR (and none for other tasks)', async () => {
    const result = await runExperiment(scene('two-scales'), { steps: 40, every: 20, loader });
    const adam = result.runs.find((r) => r.id === 'adam');
    const last = adam?.snapshots.at(-1);
    expect(last?.point).toHaveLength(2);
    expect(last?.pointAlr).toHaveLength(2);
    // Started at (−1.5, 1.5), Adam has moved towards the minimum on both coordinates.
    expect(last?.point?.[0]).toBeGreaterThan(-1.5);
    expect(last?.point?.[1]).toBeLessThan(1.5);
    // y's gradient is 1000× smaller, so Adam's A-LR of y is about 1000× its A-LR of x.
    const [ax, ay] = last?.pointAlr ?? [1, 1];
    expect(ay / ax).toBeGreaterThan(100);
    const race = await runExperiment(scene('race-moons'), { steps: 10, loader });
    expect(race.runs[0]?.snapshots[0]).not.toHaveProperty('point');
    expect(race.runs[0]?.snapshots[0]).not.toHaveProperty('pointAlr');
  });
});
