import { describe, expect, it } from 'vitest';
import { decadeDomain, formatDecade, formatPlain, logTicks, positiveExtent, superscript } from './log-axis';

describe('log axis', () => {
  it('writes 10ᵏ with superscripts', () => {
    expect(superscript(-12)).toBe('⁻¹²');
    expect(formatDecade(8)).toBe('10⁸');
    expect(formatDecade(0)).toBe('10⁰');
  });

  it('formats plain values and powers of ten', () => {
    expect(formatPlain(50 / Math.LN2)).toBe('72.1');
    expect(formatPlain(0.0139)).toBe('0.0139');
    expect(formatPlain(1e8)).toBe('10⁸');
    expect(formatPlain(3e-5)).toBe('3·10⁻⁵');
    expect(formatPlain(0)).toBe('0');
    expect(formatPlain(NaN)).toBe('NaN');
  });

  it('takes the extent of finite positive values only', () => {
    expect(positiveExtent([NaN, -1, 0, 3, Infinity, 0.5])).toEqual([0.5, 3]);
    expect(positiveExtent([NaN, 0])).toBeNull();
    expect(positiveExtent([])).toBeNull();
  });

  it('pads to whole decades with headroom above a bound at an exact decade', () => {
    expect(decadeDomain([2, 1e8])).toEqual([1, 1e9]);
    expect(decadeDomain([20, 72.1])).toEqual([10, 1000]);
    expect(decadeDomain(null)).toEqual([1, 10]);
    // A single value still gives a non-empty domain.
    const [lo, hi] = decadeDomain([5, 5]);
    expect(lo).toBeLessThan(5);
    expect(hi).toBeGreaterThan(5);
  });

  it('ticks every decade, thinning when many and adding 2× and 5× when few', () => {
    expect(logTicks([1, 1e4]).map((t) => t.value)).toEqual([1, 10, 100, 1000, 1e4]);
    const many = logTicks([1e-4, 1e10], 8);
    expect(many.length).toBeLessThanOrEqual(8);
    expect(many.every((t) => t.major)).toBe(true);
    const few = logTicks([10, 100]);
    expect(few.map((t) => t.value)).toEqual([10, 20, 50, 100]);
    expect(few.map((t) => t.label)).toEqual(['10', '20', '50', '100']);
    expect(few.filter((t) => !t.major).map((t) => t.label)).toEqual(['20', '50']);
    expect(logTicks([1e-8, 1e-7]).map((t) => t.label)).toEqual(['10⁻⁸', '2·10⁻⁸', '5·10⁻⁸', '10⁻⁷']);
    expect(logTicks([NaN, 10])).toEqual([]);
  });
});
