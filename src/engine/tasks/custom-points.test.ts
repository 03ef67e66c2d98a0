import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../optim/testing/node-backends';
import { createRandom } from '../random';
import { Session } from '../session/session';
import { customClassify2d, DEFAULT_CLASSIFY_2D } from './configs';
import { type CustomPoints, checkCustomPoints, scaleCustomPoints, splitCustomPoints } from './custom-points';

/** Two well-separated clusters in file units far from the view: x around 100 and 140, y around 5. */
function separable(count: number): CustomPoints {
  const random = createRandom(42);
  const xy: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < count; i++) {
    const label = i % 2;
    xy.push(100 + label * 40 + random() * 10, 5 + random() * 10);
    labels.push(label);
  }
  return { xy, labels };
}

describe('custom 2-D points', () => {
  it('rejects what the engine cannot train on', () => {
    expect(checkCustomPoints(undefined)).toEqual({ code: 'missing' });
    expect(checkCustomPoints({ xy: [0, 0, 1], labels: [0, 1] })).toEqual({
      code: 'lengths',
      coordinates: 3,
      labels: 2,
    });
    expect(checkCustomPoints({ xy: [0, 0, 1, 1], labels: [0, 1] })).toEqual({
      code: 'tooFew',
      points: 2,
      min: 4,
    });
    expect(checkCustomPoints({ xy: [0, 0, 1, 1, 2, Number.NaN, 3, 3], labels: [0, 1, 0, 1] })).toEqual({
      code: 'notFinite',
      coordinate: 5,
      point: 2,
    });
    expect(checkCustomPoints({ xy: [0, 0, 1, 1, 2, 2, 3, 3], labels: [0, 0, 0, 0] })).toEqual({
      code: 'oneClass',
      min: 2,
    });
    expect(checkCustomPoints({ xy: [0, 0, 1, 1, 2, 2, 3, 3], labels: [0, 1, 10, 1] })).toEqual({
      code: 'badLabel',
      point: 2,
      max: 9,
    });
    expect(checkCustomPoints({ xy: [0, 0, 1, 1, 2, 2, 3, 3], labels: [0, 1, 0.5, 1] })).toEqual({
      code: 'badLabel',
      point: 2,
      max: 9,
    });
    expect(checkCustomPoints(separable(8))).toBeNull();
    // Spans the scaling cannot use: refused (they used to collapse every point to the origin).
    expect(checkCustomPoints({ xy: [0, -1e308, 1, 1.5e308, 2, 0, 3, 1], labels: [0, 1, 0, 1] })).toEqual({
      code: 'overflow',
      axis: 'y',
      min: -1e308,
      max: 1.5e308,
    });
    expect(checkCustomPoints({ xy: [0, 0, 1e-310, 0, 0, 0, 1e-310, 0], labels: [0, 1, 0, 1] })).toMatchObject(
      {
        code: 'collapse',
        axis: 'x',
      },
    );
    expect(() =>
      scaleCustomPoints({ xy: [-1e308, 0, 1.5e308, 0, 0, 1, 1, 1], labels: [0, 1, 0, 1] }),
    ).toThrow(
      expect.objectContaining({
        payload: { kind: 'customPoints', problem: expect.objectContaining({ code: 'overflow', axis: 'x' }) },
      }),
    );
  });

  it('rescales into [-1, 1]² keeping the aspect ratio', () => {
    const scaled = scaleCustomPoints({ xy: [0, 0, 10, 2, 4, 1, 10, 0], labels: [0, 2, 1, 0] });
    expect(scaled.classes).toBe(3);
    expect(scaled.bounds).toEqual([0, 10, 0, 2]);
    expect(scaled.scale).toBeCloseTo(0.2);
    expect(Array.from(scaled.xy)).toEqual(
      [-1, -0.2, 1, 0.2, -0.2, 0, 1, -0.2].map((v) => expect.closeTo(v, 6)),
    );
    // All points in one place: centred, not blown up.
    const same = scaleCustomPoints({ xy: [3, 3, 3, 3, 3, 3, 3, 3], labels: [0, 1, 0, 1] });
    expect(Array.from(same.xy)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('holds out a deterministic, stratified test set (or none below 40 points)', () => {
    const small = scaleCustomPoints(separable(30));
    const s = splitCustomPoints(small, 1);
    expect(s.train).toBe(small);
    expect(s.test).toBe(small);
    const big = scaleCustomPoints(separable(200));
    const a = splitCustomPoints(big, 1);
    expect(a.train.labels.length + a.test.labels.length).toBe(200);
    expect(a.test.labels.length).toBe(40);
    expect(new Set(a.test.labels).size).toBe(2);
    expect(splitCustomPoints(big, 1)).toEqual(a);
    expect(splitCustomPoints(big, 2).test.xy).not.toEqual(a.test.xy);
  });

  describe('in a session', () => {
    beforeAll(() => useBackend('cpu'));

    it('trains: the loss falls over 100 steps on a separable set', async () => {
      const points = separable(120);
      const task = customClassify2d(points, { ...DEFAULT_CLASSIFY_2D, hidden: [8], batchSize: 16 });
      const session = await Session.create({
        task,
        runs: [
          { id: 'adam', label: 'Adam', spec: { name: 'adam', lr: 1e-2 } },
          { id: 'sadam', label: 'Sadam', spec: { name: 'sadam', lr: 1e-2, softplusBeta: 50 } },
        ],
        seeds: { data: 1, init: 1, batches: 1 },
      });
      try {
        const first = await session.snapshot();
        expect(first.taskTitle).toMatch(/^custom 120 points, x 10\d.*…1[45]\d.*· MLP 2-8-2$/);
        const view = first.runs[0]?.view;
        expect(view?.kind).toBe('boundary');
        if (view?.kind === 'boundary') {
          expect(view.points).toHaveLength(240); // all the points, held-out ones included
          expect(Math.max(...Array.from(view.points, Math.abs))).toBeLessThanOrEqual(1 + 1e-6);
        }
        session.advance(100);
        const last = await session.snapshot();
        for (const [i, run] of last.runs.entries()) {
          const start = first.runs[i]?.testLoss ?? Number.NaN;
          expect(run.testLoss).toBeLessThan(start * 0.5);
          expect(run.accuracy).toBeGreaterThan(0.95);
        }
      } finally {
        session.dispose();
      }
    });

    it('refuses a custom task without points', async () => {
      await expect(
        Session.create({
          task: { ...DEFAULT_CLASSIFY_2D, dataset: 'custom' },
          runs: [{ id: 'adam', label: 'Adam', spec: { name: 'adam', lr: 1e-2 } }],
          seeds: { data: 1, init: 1, batches: 1 },
        }),
      ).rejects.toMatchObject({ payload: { kind: 'customPoints', problem: { code: 'missing' } } });
    });
  });
});
