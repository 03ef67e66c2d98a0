import { describe, expect, it } from 'vitest';
import { curveRun, hasAccuracy, hasTestLoss, lossAxis } from './curves-data';

const info = { runId: 'a', label: 'Adam', color: '#000', divergedAt: null };

describe('curveRun', () => {
  it('keeps train, test and accuracy per step, NaN where absent', () => {
    const r = curveRun(
      [
        { step: 10, value: { trainLoss: 2, testLoss: 2.1, accuracy: 0.3 } },
        { step: 20, value: { trainLoss: 1 } },
      ],
      info,
    );
    expect(r.steps).toEqual([10, 20]);
    expect(r.train).toEqual([2, 1]);
    expect(r.test[1]).toBeNaN();
    expect(r.accuracy[0]).toBe(0.3);
    expect(r.divergence).toBeNull();
    expect(hasAccuracy([r])).toBe(true);
    expect(hasTestLoss([r])).toBe(true);
  });

  it('ends a diverged run at its divergence step, marked at the last finite loss', () => {
    const r = curveRun(
      [
        { step: 10, value: { trainLoss: 3 } },
        { step: 20, value: { trainLoss: 50 } },
        { step: 30, value: { trainLoss: NaN } },
        { step: 40, value: { trainLoss: NaN } },
      ],
      { ...info, divergedAt: 27 },
    );
    expect(r.steps).toEqual([10, 20]);
    expect(r.divergence).toEqual({ step: 27, loss: 50 });
  });

  it('starts again after a reset', () => {
    const r = curveRun(
      [
        { step: 10, value: { trainLoss: 3 } },
        { step: 0, value: { trainLoss: 5 } },
      ],
      info,
    );
    expect(r.steps).toEqual([0]);
  });
});

describe('lossAxis', () => {
  it('lets a diverged run leave through the top instead of stretching the axis', () => {
    const blown = curveRun(
      [
        { step: 1, value: { trainLoss: 2 } },
        { step: 2, value: { trainLoss: 1 } },
        { step: 3, value: { trainLoss: 1e30 } },
      ],
      { ...info, divergedAt: 4 },
    );
    const fine = curveRun([{ step: 1, value: { trainLoss: 0.5 } }], { ...info, runId: 'b' });
    const a = lossAxis([blown, fine]);
    expect(a.domain[1]).toBeLessThan(10);
    // Without the divergence the same numbers are data, and the axis shows them.
    expect(lossAxis([{ ...blown, divergence: null }]).domain[1]).toBeGreaterThan(1e30);
  });

  const run = (train: number[]) =>
    curveRun(
      train.map((trainLoss, i) => ({ step: i, value: { trainLoss } })),
      info,
    );

  it('is log over the positive losses when zeros come with them', () => {
    const a = lossAxis([run([18.75, 1e-6, 0])]);
    expect(a.type).toBe('log');
    expect(a.domain[0]).toBeCloseTo(1e-6 / 1.2, 12);
  });

  it('is log when the losses span more than a decade', () => {
    const a = lossAxis([run([2.3, 0.05, NaN])]);
    expect(a.type).toBe('log');
    expect(a.domain[0]).toBeLessThan(0.05);
    expect(a.domain[1]).toBeGreaterThan(2.3);
  });

  it('is linear within a decade, never collapsed, never below 0 without need', () => {
    expect(lossAxis([run([2, 1])]).type).toBe('linear');
    const flat = lossAxis([run([0.7, 0.7])]);
    expect(flat.domain[1]).toBeGreaterThan(flat.domain[0]);
    expect(flat.domain[0]).toBeGreaterThanOrEqual(0);
    expect(lossAxis([run([-1, 5])]).type).toBe('linear');
    expect(lossAxis([run([0.001, 0])]).type).toBe('linear');
    expect(lossAxis([run([NaN])])).toEqual({ type: 'linear', domain: [0, 1] });
    expect(lossAxis([])).toEqual({ type: 'linear', domain: [0, 1] });
  });
});
