import { describe, expect, it } from 'vitest';
import { ALR_CROSS_MAX_PX, ALR_CROSS_MIN_PX, alrArmPx, alrCrossPath, pointAlr } from './alr-cross';

describe('A-LR cross on the contour view', () => {
  it('maps A-LR to half-arm length at 6 px per decade from 10⁻², clamped', () => {
    expect(alrArmPx(1)).toBeCloseTo(12, 9);
    expect(alrArmPx(1e3)).toBeCloseTo(30, 9);
    expect(alrArmPx(10 / Math.LN2)).toBeCloseTo(6 * Math.log10(1000 / Math.LN2), 9);
    expect(alrArmPx(1e8)).toBe(ALR_CROSS_MAX_PX);
    expect(alrArmPx(1e-5)).toBe(ALR_CROSS_MIN_PX);
    expect(alrArmPx(Number.NaN)).toBe(ALR_CROSS_MIN_PX);
    expect(alrArmPx(0)).toBe(ALR_CROSS_MIN_PX);
    // Monotone: a larger A-LR never draws a shorter arm.
    const arms = [1e-1, 1, 10, 100, 1e4, 1e6].map(alrArmPx);
    expect(arms).toEqual([...arms].sort((a, b) => a - b));
  });

  it('draws the x A-LR horizontally and the y A-LR vertically', () => {
    expect(alrCrossPath(1, 1e3)).toBe('M-12,0H12M0,-30V30');
  });

  it('reads the point A-LR only from a two-coordinate field', () => {
    expect(pointAlr(new Float32Array([2, 4000]))).toEqual([2, 4000]);
    expect(pointAlr(new Float32Array(3))).toBeNull();
    // Before the first step the field is NaN; a diverged run's may hold ±Infinity: no cross.
    expect(pointAlr(new Float32Array([Number.NaN, Number.NaN]))).toBeNull();
    expect(pointAlr(new Float32Array([2, Infinity]))).toBeNull();
  });
});
