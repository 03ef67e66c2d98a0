import { describe, expect, it } from 'vitest';
import { boundaryPixels } from './boundary-raster';
import { DIGIT_SIDE, digitCount, digitPixels, sameBytes } from './digit-pixels';
import { isolatedIndices, onLogAxis } from './gaps';
import { runColor } from './palette';
import { formatStep, stepDomain } from './svg-layers';

describe('boundaryPixels', () => {
  it('is pale where unsure and coloured where sure; opaque everywhere', () => {
    // 1×1 grid... use 2×1 cells: one sure of class 0, one at chance.
    const px = boundaryPixels(Float32Array.from([1, 0, 0.5, 0.5, 0, 1, 0.5, 0.5]), 2, 2);
    expect(px).toHaveLength(16);
    const sure = [px[0], px[1], px[2]] as number[];
    const unsure = [px[4], px[5], px[6]] as number[];
    const distance = (c: number[]) => c.reduce((s, v) => s + (255 - v), 0);
    expect(distance(sure)).toBeGreaterThan(distance(unsure) * 2);
    expect([px[3], px[7], px[11], px[15]]).toEqual([255, 255, 255, 255]);
  });

  it('shows white for missing or NaN probabilities', () => {
    const px = boundaryPixels(Float32Array.from([NaN, NaN]), 1, 2);
    expect(Array.from(px)).toEqual([255, 255, 255, 255]);
    expect(Array.from(boundaryPixels(new Float32Array(0), 1, 2))).toEqual([255, 255, 255, 255]);
  });
});

describe('digitPixels', () => {
  it('draws ink dark on white, one digit of the strip', () => {
    const images = new Uint8Array(2 * DIGIT_SIDE * DIGIT_SIDE);
    images[DIGIT_SIDE * DIGIT_SIDE] = 255;
    expect(digitCount(images)).toBe(2);
    const second = digitPixels(images, 1);
    expect(Array.from(second.slice(0, 8))).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
  });
});

describe('chart helpers', () => {
  it('leaves gaps for what a log axis cannot place, and finds isolated points', () => {
    expect([1, 0, -1, NaN, Infinity].map(onLogAxis)).toEqual([true, false, false, false, false]);
    const v = [1, NaN, 2, 3, NaN, 4];
    expect(isolatedIndices(v.length, (i) => onLogAxis(v[i] as number))).toEqual([0, 5]);
  });

  it('widens a single step into a visible x domain', () => {
    expect(stepDomain([])).toEqual([0, 1]);
    expect(stepDomain([0])).toEqual([0, 1]);
    expect(stepDomain([10])).toEqual([9, 11]);
    expect(stepDomain([10, NaN, 30])).toEqual([10, 30]);
    expect(formatStep(25000)).toBe('25k');
    expect(formatStep(250)).toBe('250');
  });

  it('gives every run a colour, cycling', () => {
    expect(runColor(0)).not.toBe(runColor(1));
    expect(runColor(6)).toBe(runColor(0));
  });
});

describe('sameBytes (a fresh copy of the same strip is not redrawn)', () => {
  it('compares contents, not arrays', () => {
    const a = Uint8Array.from([0, 128, 255]);
    expect(sameBytes(a, a.slice())).toBe(true);
    expect(sameBytes(a, Uint8Array.from([0, 128, 254]))).toBe(false);
    expect(sameBytes(a, a.subarray(0, 2))).toBe(false);
    expect(sameBytes(undefined, undefined)).toBe(true);
    expect(sameBytes(a, undefined)).toBe(false);
    expect(sameBytes(undefined, a)).toBe(false);
  });
});
