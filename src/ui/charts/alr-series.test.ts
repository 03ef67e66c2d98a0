import { describe, expect, it } from 'vitest';
import type { Percentiles } from '../../stats/percentiles';
import { alrExtent, alrSeries, lastIncreasingStart, sharedAlrDomain } from './alr-series';

const alr = (p50: number): Percentiles => ({
  min: p50 / 100,
  p1: p50 / 10,
  p25: p50 / 2,
  p50,
  p75: p50 * 2,
  p99: p50 * 10,
  max: p50 * 100,
});

describe('alrSeries', () => {
  it('turns history points into one array per percentile', () => {
    const s = alrSeries([
      { step: 10, value: { alr: alr(1) } },
      { step: 20, value: { alr: alr(2) } },
    ]);
    expect(s.steps).toEqual([10, 20]);
    expect(s.p50).toEqual([1, 2]);
    expect(s.max).toEqual([100, 200]);
  });

  it('keeps only the run of steps after the last reset', () => {
    expect(lastIncreasingStart([0, 10, 20, 0, 10])).toBe(3);
    expect(lastIncreasingStart([5])).toBe(0);
    const s = alrSeries([
      { step: 10, value: { alr: alr(1) } },
      { step: 20, value: { alr: alr(2) } },
      { step: 5, value: { alr: alr(3) } },
    ]);
    expect(s.steps).toEqual([5]);
  });

  it('keeps NaN (divergence) as NaN and ignores it in the extent', () => {
    const nan: Percentiles = { min: NaN, p1: NaN, p25: NaN, p50: NaN, p75: NaN, p99: NaN, max: NaN };
    const s = alrSeries([
      { step: 1, value: { alr: alr(10) } },
      { step: 2, value: { alr: nan } },
    ]);
    expect(s.p50[1]).toBeNaN();
    expect(alrExtent([s])).toEqual([0.1, 1000]);
    expect(alrExtent([alrSeries([])])).toBeNull();
  });

  it('shares one domain across runs, bounds included', () => {
    const adam = alrSeries([{ step: 1, value: { alr: alr(100) } }]);
    const sadam = alrSeries([{ step: 1, value: { alr: alr(0.5) } }]);
    expect(sharedAlrDomain([adam, sadam], [1e8, 72.13])).toEqual([1e-3, 1e9]);
    expect(sharedAlrDomain([], [])).toEqual([1, 10]);
  });
});
