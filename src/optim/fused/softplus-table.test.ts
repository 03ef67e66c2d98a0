import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../stats/random';
import { exactSoftplus } from './loop';
import { SOFTPLUS_COEFFS, softplusScaled, TABLE_DENSITY, TABLE_END, tableSoftplus } from './softplus-table';

/** y + log1p(e^{−y}) in float64: the exact form the table replaces (error ~1e-16 relative). */
const exactScaled = (y: number) => y + Math.log1p(Math.exp(-y));

/** Worst relative error of the table over [from, to] sampled every `step`, plus random points. */
function worstRelError(from: number, to: number, step: number): { err: number; at: number } {
  let err = 0;
  let at = from;
  const check = (y: number) => {
    const e = Math.abs(softplusScaled(y) / exactScaled(y) - 1);
    if (e > err) {
      err = e;
      at = y;
    }
  };
  for (let y = from; y <= to; y += step) check(y);
  const random = mulberry32(12345);
  for (let k = 0; k < 200_000; k++) check(from + random() * (to - from));
  return { err, at };
}

describe('table softplus (y + log1p(e^{−y}), y = β·r ≥ 0)', () => {
  it('has the documented size', () => {
    expect(SOFTPLUS_COEFFS.length).toBe(4 * TABLE_END * TABLE_DENSITY);
  });

  it('is within 1e-8 relative of the exact form over the table (0 ≤ y < 32), knots and midpoints included', () => {
    const { err, at } = worstRelError(0, TABLE_END, 1 / (TABLE_DENSITY * 64));
    console.log(`table softplus: worst relative error ${err.toExponential(2)} at y = ${at.toFixed(4)}`);
    expect(err).toBeLessThan(1e-8);
  });

  it('is within 1e-13 relative beyond the table (32 ≤ y ≤ 1e6) and exact at the edges', () => {
    expect(worstRelError(TABLE_END, 1e3, 0.01).err).toBeLessThan(1e-13);
    expect(worstRelError(1e3, 1e6, 10).err).toBeLessThan(1e-13);
    expect(softplusScaled(0)).toBe(Math.LN2);
    expect(softplusScaled(-0)).toBe(Math.LN2);
    expect(softplusScaled(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(softplusScaled(Number.NaN)).toBeNaN();
    expect(softplusScaled(1e-45)).toBeCloseTo(Math.LN2, 15); // denormal-sized y
  });

  it('tableSoftplus(r, β) matches exactSoftplus(r, β) for the betas the app offers', () => {
    for (const beta of [1, 10, 50, 100, 1000]) {
      for (const r of [0, 1e-30, 1e-8, 1e-4, 1e-3, 0.01, 0.1, 1, 10, 1e3]) {
        const e = Math.abs(tableSoftplus(r, beta) / exactSoftplus(r, beta) - 1);
        expect(e, `β ${beta}, r ${r}`).toBeLessThan(1e-8);
      }
    }
  });
});
