import { describe, expect, it } from 'vitest';
import type { RunSnapshot } from '../../engine/session/snapshot-types';
import { MAX_PATH_POINTS, TrajectoryAccumulator } from './trajectory-accumulator';

function run(runId: string, step: number, points: number[], surface = 'rosenbrock'): RunSnapshot {
  return {
    runId,
    step,
    view: {
      kind: 'trajectory',
      surface,
      extent: [-2, 2, -1, 3],
      minimum: [1, 1],
      points: Float32Array.from(points),
    },
  } as unknown as RunSnapshot;
}

describe('TrajectoryAccumulator', () => {
  it('appends each snapshot’s new points per run', () => {
    const acc = new TrajectoryAccumulator();
    acc.update([run('a', 0, []), run('b', 0, [])]);
    acc.update([run('a', 2, [1, 2, 3, 4]), run('b', 2, [5, 6, 7, 8])]);
    acc.update([run('a', 3, [9, 10]), run('b', 3, [11, 12])]);
    expect(acc.path('a')).toEqual([1, 2, 3, 4, 9, 10]);
    expect(acc.path('b')).toEqual([5, 6, 7, 8, 11, 12]);
  });

  it('ignores the same snapshot seen twice', () => {
    const acc = new TrajectoryAccumulator();
    const snap = [run('a', 2, [1, 2, 3, 4])];
    acc.update(snap);
    acc.update(snap);
    expect(acc.path('a')).toEqual([1, 2, 3, 4]);
  });

  it('starts again when the step goes back or the surface changes', () => {
    const acc = new TrajectoryAccumulator();
    acc.update([run('a', 2, [1, 2, 3, 4])]);
    acc.update([run('a', 0, [])]);
    expect(acc.path('a')).toEqual([]);
    acc.update([run('a', 1, [5, 6])]);
    acc.update([run('a', 2, [7, 8], 'beale')]);
    expect(acc.path('a')).toEqual([7, 8]);
  });

  it('drops runs that left and skips other view kinds', () => {
    const acc = new TrajectoryAccumulator();
    acc.update([run('a', 1, [1, 2]), run('b', 1, [3, 4])]);
    acc.update([run('a', 2, [5, 6])]);
    expect(acc.path('b')).toEqual([]);
    acc.update([{ runId: 'a', step: 3, view: { kind: 'text', sample: 'x' } } as unknown as RunSnapshot]);
    expect(acc.path('a')).toEqual([]);
    expect(acc.path('nobody')).toEqual([]);
  });

  it('stays bounded over a long run, keeping the start, the latest point and the shape', () => {
    const acc = new TrajectoryAccumulator();
    // 1,000,000 steps on a line y = 2x, 1,000 steps per snapshot.
    for (let snap = 1; snap <= 1000; snap++) {
      const pts: number[] = [];
      for (let k = (snap - 1) * 1000 + 1; k <= snap * 1000; k++) pts.push(k, 2 * k);
      acc.update([run('a', snap * 1000, pts)]);
      expect(acc.path('a').length).toBeLessThanOrEqual(2 * MAX_PATH_POINTS);
    }
    const xy = acc.path('a');
    expect(xy.length).toBeGreaterThanOrEqual(MAX_PATH_POINTS / 2);
    expect(xy.slice(0, 2)).toEqual([1, 2]);
    expect(xy.slice(-2)).toEqual([1_000_000, 2_000_000]);
    for (let i = 0; i + 1 < xy.length; i += 2) expect(xy[i + 1]).toBe(2 * (xy[i] as number));
    // In step order, with no repeats.
    for (let i = 2; i < xy.length; i += 2) expect(xy[i] as number).toBeGreaterThan(xy[i - 2] as number);
  });
});
