import { describe, expect, it } from 'vitest';
import { SCENES } from '../engine/scenes';
import { MAX_WARMUP_STEPS, warmupChunks, warmupSteps } from './warm-up';

describe('warm-up', () => {
  it('takes a third of a scene’s headless steps, at most 100, in whole snapshot intervals', () => {
    expect(warmupSteps({ defaultSteps: 300, snapshotEvery: 10 })).toBe(100);
    expect(warmupSteps({ defaultSteps: 200, snapshotEvery: 10 })).toBe(70);
    expect(warmupSteps({ defaultSteps: 1000, snapshotEvery: 5 })).toBe(100);
    expect(warmupSteps({ defaultSteps: 6, snapshotEvery: 10 })).toBe(10);
    for (const scene of SCENES) {
      const steps = warmupSteps(scene);
      expect(steps).toBeGreaterThan(0);
      expect(steps).toBeLessThanOrEqual(MAX_WARMUP_STEPS);
      expect(steps % scene.snapshotEvery).toBe(0);
    }
  });

  it('steps once first, then up to the cadence, then whole intervals, ending exactly on the target', () => {
    expect(warmupChunks(100, 10)).toEqual([1, 9, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
    expect(warmupChunks(15, 5)).toEqual([1, 4, 5, 5]);
    expect(warmupChunks(1, 10)).toEqual([1]);
    expect(warmupChunks(0, 10)).toEqual([]);
    for (const [target, every] of [
      [100, 10],
      [70, 10],
      [35, 5],
      [7, 3],
    ] as const) {
      const chunks = warmupChunks(target, every);
      expect(chunks.reduce((a, b) => a + b, 0)).toBe(target);
      expect(chunks.every((c) => c >= 1 && c <= every)).toBe(true);
    }
  });
});
