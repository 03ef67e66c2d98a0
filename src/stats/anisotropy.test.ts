import { describe, expect, it } from 'vitest';
import { anisotropyFromPercentiles, anisotropySummary, ordersOfMagnitude } from './anisotropy';
import { emptyPercentiles } from './percentiles';

describe('ordersOfMagnitude', () => {
  it('is log10(max / min)', () => {
    expect(ordersOfMagnitude(1e-8, 1e8)).toBe(16);
    expect(ordersOfMagnitude(5, 5)).toBe(0);
    expect(ordersOfMagnitude(2, 200)).toBeCloseTo(2, 14);
    expect(ordersOfMagnitude(1e-300, 1e300)).toBeCloseTo(600, 10); // max / min would overflow
  });

  it('is +Infinity for an unbounded ratio', () => {
    expect(ordersOfMagnitude(0, 1)).toBe(Infinity);
    expect(ordersOfMagnitude(-1, 1)).toBe(Infinity);
    expect(ordersOfMagnitude(1, Infinity)).toBe(Infinity);
  });

  it('is NaN where no spread is defined', () => {
    expect(ordersOfMagnitude(NaN, 1)).toBeNaN();
    expect(ordersOfMagnitude(1, NaN)).toBeNaN();
    expect(ordersOfMagnitude(0, 0)).toBeNaN();
    expect(ordersOfMagnitude(-2, -1)).toBeNaN();
    expect(ordersOfMagnitude(10, 1)).toBeNaN();
    expect(ordersOfMagnitude(Infinity, Infinity)).toBeNaN();
  });
});

describe('anisotropySummary', () => {
  it("shows Adam's 1/ε outliers in the max/min spread but not in the IQR", () => {
    // Mostly A-LR ≈ 1e3, with 2 % of never-fed weights at 1/ε = 1e8 and one slightly smaller value.
    const field = new Float32Array(1000).fill(1e3);
    field.fill(1e8, 0, 20);
    field[500] = 1e2;
    const s = anisotropySummary(field);
    expect(s.ordersOfMagnitude).toBeCloseTo(6, 6);
    expect(s.iqrOrders).toBe(0);
    expect(s.robustOrders).toBeCloseTo(5, 6);
    expect(s.finite).toBe(1000);
    expect(s.nonFinite).toBe(0);
  });

  it('is NaN throughout for an empty field', () => {
    const s = anisotropyFromPercentiles(emptyPercentiles());
    expect(s.ordersOfMagnitude).toBeNaN();
    expect(s.robustOrders).toBeNaN();
    expect(s.iqrOrders).toBeNaN();
  });
});
