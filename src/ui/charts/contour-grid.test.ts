import { contours } from 'd3';
import { describe, expect, it } from 'vitest';
import { logThresholds, sampleSurface } from './contour-grid';
import { SURFACE_FORMULAS } from './surface-formulas';

describe('sampleSurface', () => {
  it('samples cell centres row-major from the top row, shifted positive', () => {
    const g = sampleSurface((x, y) => x + 10 * y, [0, 2, 0, 2], 2, 2);
    // Centres: x 0.5, 1.5; y 1.5 (top row), 0.5. f = 15.5, 16.5, 5.5, 6.5.
    const f = Array.from(g.values, (v) => v + g.shift);
    expect(f).toEqual([15.5, 16.5, 5.5, 6.5].map((v) => expect.closeTo(v, 12)));
    expect(Math.min(...g.values)).toBeGreaterThan(0);
  });

  it('handles a surface with negative values (the saddle) and a constant one', () => {
    const s = SURFACE_FORMULAS.saddle;
    if (!s) throw new Error('saddle missing');
    const g = sampleSurface(s.f, s.extent, 40, 40);
    expect(Math.min(...g.values)).toBeGreaterThan(0);
    const flat = sampleSurface(() => 3, [0, 1, 0, 1], 3, 3);
    expect(Array.from(flat.values).every((v) => v > 0)).toBe(true);
  });
});

describe('logThresholds', () => {
  it('spaces thresholds evenly in log between the extremes, ends excluded', () => {
    const t = logThresholds([1, 10, 1000, NaN, 0], 2);
    expect(t[0]).toBeCloseTo(10, 10);
    expect(t[1]).toBeCloseTo(100, 10);
    expect(logThresholds([1, 1], 5)).toEqual([]);
  });

  it('gives d3.contours nested rings on Rosenbrock', () => {
    const s = SURFACE_FORMULAS.rosenbrock;
    if (!s) throw new Error('rosenbrock missing');
    const g = sampleSurface(s.f, s.extent, 60, 60);
    const th = logThresholds(g.values, 12);
    expect(th).toHaveLength(12);
    const bands = contours().size([60, 60]).thresholds(th)(Array.from(g.values));
    expect(bands).toHaveLength(12);
    expect(bands.every((b) => b.coordinates.length > 0)).toBe(true);
  });
});
