import { describe, expect, it } from 'vitest';
import { decades, domainOf } from './domain';
import { chooseTilesPerRow, fitImage } from './fit';

const LIMITS = { maxCellCss: 4, maxCssHeight: 160 };

describe('fitImage', () => {
  it('scales a small image by a whole number of device pixels per cell', () => {
    const fit = fitImage(64, 10, 400, 1, LIMITS);
    expect(fit).toMatchObject({ factor: 1, imageWidth: 64, imageHeight: 10, pixel: 4, cssWidth: 256 });
    const retina = fitImage(64, 10, 400, 2, LIMITS);
    expect(retina.pixel).toBe(8);
    expect(retina.cssWidth).toBe(256);
    const odd = fitImage(128, 64, 300, 1.5, LIMITS);
    expect(Number.isInteger(odd.pixel)).toBe(true);
    expect(odd.cssWidth).toBeLessThanOrEqual(300);
  });

  it('aggregates only when one device pixel per cell does not fit, never truncating', () => {
    expect(fitImage(400, 50, 400, 1, LIMITS).factor).toBe(1);
    const big = fitImage(2000, 1000, 400, 1, LIMITS);
    expect(big.factor).toBe(5);
    expect(big.imageWidth * big.factor).toBeGreaterThanOrEqual(2000);
    expect(big.imageHeight * big.factor).toBeGreaterThanOrEqual(1000);
    expect(big.pixel).toBe(1);
    expect(fitImage(2000, 1000, 400, 2, LIMITS).factor).toBe(3);
    const tall = fitImage(10, 5000, 100, 1, LIMITS);
    expect(tall.factor).toBeGreaterThan(1);
  });
});

describe('chooseTilesPerRow', () => {
  it('fits 128 MNIST tiles to the width, bigger cells on a retina screen', () => {
    expect(chooseTilesPerRow(128, 28, 28, 396, 1, 480, 16, 2)).toBe(13); // 13·29 − 1 = 376 px
    expect(chooseTilesPerRow(128, 28, 28, 396, 2, 480, 16, 4)).toBe(13); // at 2 device px per cell
    expect(chooseTilesPerRow(128, 28, 28, 2000, 1, 480, 16, 2)).toBe(16);
    expect(chooseTilesPerRow(128, 28, 28, 20, 1, 480, 16, 2)).toBe(1); // too narrow: aggregated later
  });
});

describe('domainOf', () => {
  it('covers the positive finite values in whole decades, over all the fields given', () => {
    const a = Float32Array.from([Number.NaN, 0, -1, 3.2, 1e8, Number.POSITIVE_INFINITY]);
    const b = Float32Array.from([0.05, 70]);
    expect(domainOf([a])).toEqual([0, 8]);
    expect(domainOf([a, b])).toEqual([-2, 8]);
    expect(domainOf([Float32Array.from([Number.NaN, 0])])).toBeNull();
    expect(decades(5, 5)).toEqual([0, 1]);
  });
});
