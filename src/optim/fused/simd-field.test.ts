import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../stats/random';
import { simdFieldReady, simdRateField } from './simd-field';

/** v over many decades, with exact zeros and a NaN (a diverged run). */
function moments(n: number, seed: number): Float32Array {
  const random = mulberry32(seed);
  const v = Float32Array.from({ length: n }, () => 10 ** (-30 + 34 * random()));
  if (n > 2) v[1] = 0;
  if (n > 5) v[5] = Number.NaN;
  return v;
}

/** update-ops.ts's √v̂ + ε rate, one float32 operation at a time. */
const sqrtEpsRate = (v: number, correction: number, eps: number) =>
  Math.fround(1 / Math.fround(Math.fround(Math.sqrt(Math.fround(v / correction))) + eps));

describe('simdRateField', () => {
  beforeAll(async () => {
    expect(await simdFieldReady).toBe(true);
  });

  it.each([4, 5, 7, 8, 1001, 70_000])(
    'gives the √v̂ + ε rate bit for bit for n = %i, and touches nothing else',
    (n) => {
      const v = moments(n, n);
      const eps = Math.fround(1e-8);
      const correction = Math.fround(1 - 0.999 ** 3);
      const out = new Float32Array(n + 3).fill(-1);
      expect(simdRateField('sqrt-eps', v, out, 2, correction, eps, 50)).toBe(true);
      for (let i = 0; i < n; i++)
        expect(out[i + 2], `element ${i}`).toBe(sqrtEpsRate(v[i] as number, correction, eps));
      expect([out[0], out[1], out[n + 2]]).toEqual([-1, -1, -1]);
    },
  );

  it('gives the softplus rate within 4e-7 of exact (2.6e-7, plus √v and β·√v in float32), capped at β/ln 2', () => {
    const v = moments(5003, 9);
    const beta = 50;
    const out = new Float32Array(v.length);
    expect(simdRateField('softplus', v, out, 0, 1, 1e-8, beta)).toBe(true);
    for (let i = 0; i < v.length; i++) {
      const y = beta * Math.sqrt(v[i] as number);
      const exact = beta / (y + Math.log1p(Math.exp(-y)));
      if (Number.isNaN(exact)) expect(out[i]).toBeNaN();
      else expect(Math.abs((out[i] as number) - exact) / exact, `v = ${v[i]}`).toBeLessThan(4e-7);
    }
    expect(out[1]).toBeCloseTo(beta / Math.LN2, 4);
  });

  it('leaves fewer than four values to the caller', () => {
    const out = new Float32Array(3).fill(-1);
    expect(simdRateField('sqrt-eps', new Float32Array(3), out, 0, 1, 1e-8, 50)).toBe(false);
    expect(Array.from(out)).toEqual([-1, -1, -1]);
  });
});
