import { describe, expect, it } from 'vitest';
import { spreadOf } from './spread';

describe('spreadOf (mean ± sd over seeds)', () => {
  it('gives the mean, the sample sd (n − 1) and the range', () => {
    const s = spreadOf([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.mean).toBe(5);
    // Sum of squared deviations 32 over n − 1 = 7.
    expect(s.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect([s.min, s.max, s.n, s.nonFinite]).toEqual([2, 9, 8, 0]);
  });

  it('is exact for values that agree to many digits (no cancellation)', () => {
    const s = spreadOf([0.9731, 0.9732, 0.9733]);
    expect(s.mean).toBeCloseTo(0.9732, 12);
    expect(s.sd).toBeCloseTo(1e-4, 9);
  });

  it('counts non-finite values apart and leaves them out', () => {
    const s = spreadOf([1, Number.NaN, 3, Number.POSITIVE_INFINITY]);
    expect(s).toMatchObject({ n: 2, nonFinite: 2, mean: 2, min: 1, max: 3 });
    expect(s.sd).toBeCloseTo(Math.SQRT2, 12);
  });

  it('has sd 0 for one value and NaN everywhere for none', () => {
    expect(spreadOf([0.5])).toMatchObject({ n: 1, mean: 0.5, sd: 0, min: 0.5, max: 0.5 });
    const none = spreadOf([Number.NaN]);
    expect(none.n).toBe(0);
    expect(none.nonFinite).toBe(1);
    expect(Number.isNaN(none.mean) && Number.isNaN(none.sd)).toBe(true);
  });
});
