import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random';
import { selectRanks } from './select';

describe('selectRanks', () => {
  const rand = mulberry32(42);

  it('puts every requested rank where a full sort would', () => {
    for (const n of [2, 3, 23, 24, 25, 100, 1000, 50_000]) {
      for (const distinct of [2, 10, 1e9]) {
        const a = Float64Array.from({ length: n }, () => Math.floor(rand() * distinct));
        const sorted = Float64Array.from(a).sort();
        const ranks = Float64Array.from({ length: 1 + Math.floor(rand() * 12) }, () =>
          Math.floor(rand() * n),
        ).sort();
        selectRanks(a, n, ranks);
        for (const r of ranks) expect(a[r], `n = ${n}, rank ${r}`).toBe(sorted[r]);
        // Selection only reorders.
        expect(Float64Array.from(a).sort()).toEqual(sorted);
      }
    }
  });

  it('selects within the first n values only', () => {
    const a = new Float32Array([3, 1, 2, -100, -100]);
    selectRanks(a, 3, [0, 1, 2]);
    expect(Array.from(a)).toEqual([1, 2, 3, -100, -100]);
  });

  it('handles an input built against median-of-3 pivots', () => {
    // Musser's median-of-3 killer: quadratic for a plain quickselect (it would hit the test timeout).
    const n = 1 << 18;
    const k = n / 2;
    const a = new Float64Array(n);
    for (let i = 1; i <= k; i++) {
      if (i % 2 === 1) {
        a[i - 1] = i;
        a[i] = k + i;
      }
      a[k + i - 1] = 2 * i;
    }
    const sorted = Float64Array.from(a).sort();
    const ranks = [0, 1, n >> 2, n >> 1, n - 2, n - 1];
    selectRanks(a, n, ranks);
    for (const r of ranks) expect(a[r]).toBe(sorted[r]);
  });
});
