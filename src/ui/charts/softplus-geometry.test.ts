import { describe, expect, it } from 'vitest';
import { softplus, softplusInset } from './softplus-geometry';

describe('softplus_β', () => {
  it('is ln 2/β at 0, ≈ z for large z, and never overflows', () => {
    expect(softplus(0, 50)).toBeCloseTo(Math.LN2 / 50, 15);
    expect(softplus(3, 50)).toBeCloseTo(3, 12);
    expect(softplus(1e6, 1e3)).toBe(1e6);
    expect(Number.isFinite(softplus(100, 1e9))).toBe(true);
  });

  it('matches log(1 + e^{βz})/β where that is computable', () => {
    for (const [z, b] of [
      [0.01, 50],
      [0.5, 1],
      [0.2, 10],
    ] as const) {
      expect(softplus(z, b)).toBeCloseTo(Math.log(1 + Math.exp(b * z)) / b, 12);
    }
  });
});

describe('softplusInset', () => {
  it('gives the floor ln 2/β and the ceiling β/ln 2 (72.13 at β = 50)', () => {
    const d = softplusInset(50);
    expect(d.floor).toBeCloseTo(0.013863, 6);
    expect(d.ceiling).toBeCloseTo(72.1348, 4);
  });

  it('spans from under the floor to at least 3, whatever β', () => {
    for (const beta of [0.1, 1, 50, 1e4]) {
      const d = softplusInset(beta);
      expect(d.domain[0]).toBeLessThan(d.floor);
      expect(d.domain[1]).toBeGreaterThanOrEqual(3);
      expect(d.z[0]).toBeCloseTo(d.domain[0], 12);
      expect(d.z[d.z.length - 1]).toBeCloseTo(d.domain[1], 9);
      // softplus ≥ max(z, floor): the curve stays above both the identity and the floor.
      d.z.forEach((z, i) => {
        expect(d.softplus[i]).toBeGreaterThanOrEqual(Math.max(z, d.floor) * (1 - 1e-12));
      });
    }
  });

  it('falls back to β = 1 for a non-positive β', () => {
    expect(softplusInset(0).beta).toBe(1);
    expect(softplusInset(NaN).beta).toBe(1);
  });
});
