import { describe, expect, it } from 'vitest';
import { LOG_HISTOGRAM_DEFAULTS, logHistogram, logHistogramEdges } from './histogram';
import { mulberry32 } from './random';

function binOf(h: ReturnType<typeof logHistogram>): number {
  const nonEmpty = Array.from(h.counts.keys()).filter((i) => (h.counts[i] as number) > 0);
  expect(nonEmpty).toHaveLength(1);
  return nonEmpty[0] as number;
}

describe('logHistogramEdges', () => {
  it('spans 1e-4 … 1e10 in tenths of a decade by default, decades exact', () => {
    expect(LOG_HISTOGRAM_DEFAULTS).toEqual({ minExp: -4, maxExp: 10, binsPerDecade: 10 });
    const edges = logHistogramEdges();
    expect(edges).toHaveLength(141);
    for (let d = 0; d <= 14; d++) expect(edges[d * 10]).toBe(-4 + d);
    for (let i = 1; i < edges.length; i++)
      expect((edges[i] as number) - (edges[i - 1] as number)).toBeCloseTo(0.1, 12);
  });

  it('rejects edges that do not make whole bins', () => {
    expect(() => logHistogramEdges({ minExp: 2, maxExp: 2 })).toThrow(RangeError);
    expect(() => logHistogramEdges({ binsPerDecade: 0 })).toThrow(RangeError);
    expect(() => logHistogramEdges({ minExp: 0, maxExp: 1, binsPerDecade: 2.5 })).toThrow(/whole number/);
    expect(() => logHistogramEdges({ maxExp: Infinity })).toThrow(RangeError);
  });
});

describe('logHistogram', () => {
  it('puts landmark A-LR values in their bins', () => {
    // Bin i is [10^(-4 + i/10), 10^(-4 + (i+1)/10)).
    expect(binOf(logHistogram([1e-4]))).toBe(0);
    expect(binOf(logHistogram([1]))).toBe(40);
    expect(binOf(logHistogram([1e8]))).toBe(120); // Adam's 1/ε
    expect(binOf(logHistogram([50 / Math.LN2]))).toBe(58); // Sadam's cap at β = 50: log10 72.1 = 1.858
    expect(binOf(logHistogram([9.99e9]))).toBe(139);
  });

  it('counts underflow, overflow, zeros (≤ 0) and non-finite apart from the bins', () => {
    const h = logHistogram([9.9e-5, 1e10, 3e12, 0, -0, -5, NaN, Infinity, -Infinity, 1]);
    expect(h.underflow).toBe(1);
    expect(h.overflow).toBe(2);
    expect(h.zeros).toBe(3);
    expect(h.nonFinite).toBe(3);
    expect(h.counts.reduce((s, c) => s + c, 0)).toBe(1);
  });

  it('matches the bin each value was drawn from, and conserves the count', () => {
    const rand = mulberry32(7);
    const opts = { minExp: -2, maxExp: 3, binsPerDecade: 4 };
    const bins = 20;
    const expected = new Uint32Array(bins);
    const values = new Float32Array(100_000);
    for (let i = 0; i < values.length; i++) {
      const bin = Math.floor(rand() * bins);
      // Stay clear of the edges so float32 rounding cannot move a value across one.
      values[i] = 10 ** (opts.minExp + (bin + 0.01 + 0.98 * rand()) / opts.binsPerDecade);
      expected[bin] = (expected[bin] as number) + 1;
    }
    const h = logHistogram(values, opts);
    expect(h.edgesLog10).toEqual(logHistogramEdges(opts));
    expect(h.counts).toEqual(expected);
    expect(h.underflow + h.overflow + h.zeros + h.nonFinite).toBe(0);
  });

  it('gives every run the same edges whatever the data', () => {
    expect(logHistogram([1e-3, 5]).edgesLog10).toEqual(logHistogram(new Float32Array([1e8])).edgesLog10);
  });

  it('returns empty counts for empty input', () => {
    const h = logHistogram([]);
    expect(h.counts).toHaveLength(140);
    expect(h.counts.every((c) => c === 0)).toBe(true);
  });
});
