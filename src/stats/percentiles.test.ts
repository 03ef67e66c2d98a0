import { describe, expect, it } from 'vitest';
import {
  emptyPercentiles,
  lerp,
  PERCENTILE_KEYS,
  type Percentiles,
  percentiles,
  percentilesWithCounts,
} from './percentiles';
import { mulberry32 } from './random';

// The reference: sort a float64 copy of the finite values, then numpy's 'linear' method written out.
function reference(values: ArrayLike<number>): Percentiles {
  // −0 is reported as 0 (percentilesWithCounts' doc).
  const finite = Array.from(values, (v) => v + 0).filter(Number.isFinite);
  if (finite.length === 0) return emptyPercentiles();
  const sorted = Float64Array.from(finite).sort();
  const n = sorted.length;
  const at = (q: number): number => {
    const h = (n - 1) * q;
    const i = Math.floor(h);
    const a = sorted[i] as number;
    const b = sorted[Math.min(i + 1, n - 1)] as number;
    const t = h - i;
    const d = b - a;
    return t >= 0.5 ? b - d * (1 - t) : a + d * t;
  };
  return {
    min: sorted[0] as number,
    p1: at(0.01),
    p25: at(0.25),
    p50: at(0.5),
    p75: at(0.75),
    p99: at(0.99),
    max: sorted[n - 1] as number,
  };
}

function asArray(p: Percentiles): number[] {
  return PERCENTILE_KEYS.map((k) => p[k]);
}

describe('percentiles: numpy linear on hand examples', () => {
  // Expected values printed by numpy 2.4 `np.percentile(a, [0, 1, 25, 50, 75, 99, 100])`; the float32
  // case as `np.percentile(a32.astype(np.float64), …)`, since numpy subtracts float32 inputs in float32.
  const cases: [string, number[], number[], boolean?][] = [
    ['n = 1', [7.5], [7.5, 7.5, 7.5, 7.5, 7.5, 7.5, 7.5]],
    ['n = 2, negative', [3, -1], [-1, -0.96, 0, 1, 2, 2.96, 3]],
    ['n = 4', [4, 1, 3, 2], [1, 1.03, 1.75, 2.5, 3.25, 3.9699999999999998, 4]],
    [
      'mixed decades',
      [0.5, 10, 2, 2, 7, -3, 1e8, 1e8, 72.1, 0.001],
      [-3, -2.72991, 0.875, 4.5, 56.574999999999996, 100000000, 100000000],
    ],
    ['duplicates', [5, 5, 5, 5, 5, 5, 1, 1, 1], [1, 1, 1, 5, 5, 5, 5]],
    [
      'float32 input, interpolated in float64',
      [0.1, 0.2, 0.3, 1e-8, 1e8, 3.4e38],
      [
        9.99999993922529e-9, 0.005000009574505748, 0.12500000186264515, 0.2500000074505806, 75000000.075,
        3.2299999545371466e38, 3.3999999521443642e38,
      ],
      true,
    ],
  ];
  for (const [label, values, expected, float32] of cases) {
    it(label, () => {
      const input = float32 ? Float32Array.from(values) : values;
      expect(asArray(percentiles(input))).toEqual(expected);
    });
  }

  it('ignores NaN and ±Infinity, and counts them', () => {
    const r = percentilesWithCounts([NaN, 4, Infinity, 1, 3, -Infinity, 2, NaN]);
    expect(asArray(r.percentiles)).toEqual([1, 1.03, 1.75, 2.5, 3.25, 3.9699999999999998, 4]);
    expect(r.finite).toBe(4);
    expect(r.nonFinite).toBe(4);
  });

  it('reports −0 as 0', () => {
    expect(Object.is(percentiles([-0, 0, -0]).p50, 0)).toBe(true);
    expect(Object.is(percentiles(new Float32Array([-0])).min, 0)).toBe(true);
  });

  it('is all NaN for an empty or all non-finite sample', () => {
    expect(percentilesWithCounts([])).toEqual({ percentiles: emptyPercentiles(), finite: 0, nonFinite: 0 });
    const r = percentilesWithCounts(new Float32Array([NaN, Infinity, -Infinity]));
    expect(asArray(r.percentiles).every(Number.isNaN)).toBe(true);
    expect(r.finite).toBe(0);
    expect(r.nonFinite).toBe(3);
  });
});

describe('percentiles: against the sorting reference on random data', () => {
  const rand = mulberry32(1908_00700);
  const generators: [string, (n: number) => number[]][] = [
    ['uniform', (n) => Array.from({ length: n }, () => rand())],
    // A-LR-like: log-uniform over 12 decades.
    ['log-uniform', (n) => Array.from({ length: n }, () => 10 ** (rand() * 12 - 4))],
    [
      'heavy duplicates',
      (n) => Array.from({ length: n }, () => [1e8, 72.1, 3, 1e-3][Math.floor(rand() * 4)] as number),
    ],
    ['negative and positive', (n) => Array.from({ length: n }, () => (rand() - 0.5) * 1e6)],
    [
      'huge magnitudes',
      (n) => Array.from({ length: n }, () => (rand() < 0.5 ? -1 : 1) * 10 ** (rand() * 600 - 300)),
    ],
    [
      'with non-finite',
      (n) =>
        Array.from({ length: n }, () => [NaN, Infinity, -Infinity, rand()][Math.floor(rand() * 4)] as number),
    ],
  ];
  const sizes = [1, 2, 3, 5, 24, 25, 99, 100, 101, 1000, 10_007, 100_000];
  for (const [label, make] of generators) {
    it(label, () => {
      for (const n of sizes) {
        const values = make(n);
        expect(asArray(percentiles(values)), `${label}, n = ${n}`).toEqual(asArray(reference(values)));
        // Float32 input is compared with the reference on the same (rounded) values.
        const f32 = Float32Array.from(values);
        expect(asArray(percentiles(f32)), `${label}, float32, n = ${n}`).toEqual(asArray(reference(f32)));
      }
    });
  }

  it('handles sorted, reversed, organ-pipe and constant inputs of 200k', () => {
    const n = 200_000;
    const patterns: Float32Array[] = [
      Float32Array.from({ length: n }, (_, i) => i),
      Float32Array.from({ length: n }, (_, i) => n - i),
      Float32Array.from({ length: n }, (_, i) => Math.min(i, n - i)),
      new Float32Array(n).fill(1e8),
      Float32Array.from({ length: n }, (_, i) => i % 2),
    ];
    for (const values of patterns) {
      expect(asArray(percentiles(values))).toEqual(asArray(reference(values)));
    }
  });
});

describe('percentiles: scratch buffer', () => {
  it('uses a large enough scratch and leaves the input untouched', () => {
    const values = Float32Array.from([5, 3, 9, 1, 7]);
    const scratch = new Float32Array(8).fill(-1);
    const p = percentiles(values, scratch);
    expect(p.p50).toBe(5);
    expect(Array.from(values)).toEqual([5, 3, 9, 1, 7]);
    expect(scratch[0]).not.toBe(-1);
  });

  it('allocates instead of using a scratch that is too short', () => {
    const scratch = new Float32Array(2).fill(-1);
    expect(percentiles(Float32Array.from([5, 3, 9, 1, 7]), scratch).p50).toBe(5);
    expect(Array.from(scratch)).toEqual([-1, -1]);
  });

  it('does not round float64 input through a float32 scratch', () => {
    const scratch = new Float32Array(4).fill(-1);
    const values = [0.1, 0.2, 0.3];
    expect(percentiles(values, scratch).p25).toBe(reference(values).p25);
    expect(Array.from(scratch)).toEqual([-1, -1, -1, -1]);
    const wide = new Float64Array(4);
    expect(percentiles(values, wide).p25).toBe(reference(values).p25);
    expect(wide[0]).not.toBe(0);
  });
});

describe('lerp', () => {
  it('follows numpy: from a below t = 0.5, from b at and above', () => {
    expect(lerp(1, 4, 0)).toBe(1);
    expect(lerp(1, 4, 1)).toBe(4);
    expect(lerp(3, 4, 0.97)).toBe(4 - 1 * (1 - 0.97));
    expect(lerp(3, 4, 0.25)).toBe(3.25);
  });

  it('stays finite when b - a overflows', () => {
    expect(lerp(-1.5e308, 1.5e308, 0.5)).toBe(0);
    expect(lerp(-1.5e308, 1.5e308, 0.25)).toBeCloseTo(-0.75e308, -300);
  });
});
