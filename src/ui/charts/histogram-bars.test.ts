import { describe, expect, it } from 'vitest';
import { logHistogram } from '../../stats/histogram';
import { barsExtent, histogramBars, outsideNote } from './histogram-bars';

describe('histogramBars', () => {
  it('keeps non-empty bins as shares of all parameters', () => {
    const h = logHistogram([1, 1, 1e8, NaN], { minExp: -1, maxExp: 9, binsPerDecade: 1 });
    const bars = histogramBars(h);
    expect(bars.total).toBe(4);
    expect(bars.lo).toEqual([0, 8]);
    expect(bars.hi).toEqual([1, 9]);
    expect(bars.share).toEqual([0.5, 0.25]);
    expect(barsExtent(bars)).toEqual([1, 1e9]);
    expect(outsideNote(bars, { minExp: -1, maxExp: 9 })).toBe('1 NaN/∞');
  });

  it('reports an empty field without bars or division by zero', () => {
    const bars = histogramBars(logHistogram([]));
    expect(bars.share).toEqual([]);
    expect(barsExtent(bars)).toBeNull();
    expect(outsideNote(bars, { minExp: -4, maxExp: 10 })).toBe('');
  });

  it('notes values beyond the edges', () => {
    const bars = histogramBars(logHistogram([1e-9, 1e12, 0], { minExp: -4, maxExp: 10 }));
    expect(outsideNote(bars, { minExp: -4, maxExp: 10 })).toBe('1 ≥ 1e10 · 1 < 1e-4 · 1 ≤ 0');
  });
});
