import { describe, expect, it } from 'vitest';
import { percentiles, percentilesWithCounts } from './percentiles';
import { radixRanks } from './radix-ranks';
import { mulberry32 } from './random';

/** Samples that stress the buckets: spikes of equal values, negatives, tiny and huge magnitudes. */
function samples(): Float32Array[] {
  const r = mulberry32(3);
  const n = 60_000;
  const alr = Float32Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 1e8 : 10 ** (r() * 6 - 1)));
  const signed = Float32Array.from({ length: n }, () => (r() - 0.5) * 10 ** (r() * 20 - 10));
  const flat = new Float32Array(n).fill(72.13);
  const narrow = Float32Array.from({ length: n }, () => 72 + r() * 1e-3); // all in one or two buckets
  const withZeros = Float32Array.from({ length: n }, (_, i) => (i % 3 ? 0 : -r()));
  return [alr, signed, flat, narrow, withZeros];
}

describe('radixRanks', () => {
  it('finds the same values as a full sort, at every requested rank', () => {
    for (const a of samples()) {
      const sorted = Float64Array.from(a).sort();
      const n = a.length;
      const ranks = [0, 1, 599, 600, 14_999, 15_000, 29_999, 30_000, n - 602, n - 601, n - 1];
      const out = new Float64Array(ranks.length);
      const copy = a.slice();
      radixRanks(a, n, ranks, out);
      expect(Array.from(out)).toEqual(ranks.map((k) => sorted[k]));
      expect(a).toEqual(copy); // input untouched
    }
  });

  it('finds ranks in crowded buckets whatever their lower bits, call after call', () => {
    // Each sample crowds one bucket (shared upper 16 bits) with random lower bits, so its ranks are read
    // off the count of the lower bits; the ranks sit at the edges of that count's blocks of 256. Samples
    // alternate, so anything one call left in the count tables would show in the next answer.
    const r = mulberry32(17);
    const bits = new Uint32Array(1);
    const f = new Float32Array(bits.buffer);
    const crowded = (high: number, spread: number, n: number) =>
      Float32Array.from({ length: n }, () => {
        bits[0] = ((high << 16) | Math.floor(r() * spread)) >>> 0;
        return f[0] as number;
      });
    const cases = [
      crowded(0x4290, 0x10000, 40_000), // Sadam's pile under its cap: every lower bit pattern
      crowded(0x4cbe, 12, 30_000), // Adam's at 1/ε: a dozen floats
      crowded(0xc290, 0x10000, 25_000), // negative values: the order key flips the bits
      crowded(0x4290, 0x100, 21_000), // one block of 256 only
    ];
    for (const a of [...cases, ...cases]) {
      const n = a.length;
      const sorted = Float64Array.from(a).sort();
      const ranks = [0, 1, 255, 256, 257, Math.floor(n / 3), Math.floor(n / 2), n - 257, n - 2, n - 1];
      const out = new Float64Array(ranks.length);
      radixRanks(a, n, ranks, out);
      expect(Array.from(out)).toEqual(ranks.map((k) => sorted[k]));
    }
  });

  it('gives percentiles() the same answer as the selection path on large float32 samples', () => {
    for (const a of samples()) {
      // Float64 input takes the in-place selection; float32 input of 60k values takes the radix path.
      expect(percentiles(a)).toEqual(percentiles(Float64Array.from(a)));
    }
  });
});

describe('percentiles of a large float32 sample read in place (no copy)', () => {
  const r = mulberry32(17);
  const n = 30_000; // above the in-place threshold
  const cases: [string, Float32Array][] = [
    [
      'NaN and ±Infinity among the values',
      Float32Array.from({ length: n }, (_, i) =>
        i % 7 === 0 ? NaN : i % 11 === 0 ? (i % 2 ? Infinity : -Infinity) : 10 ** (r() * 12 - 4),
      ),
    ],
    [
      '−0 beside 0, negatives and tiny negative subnormals',
      Float32Array.from({ length: n }, (_, i) =>
        i % 3 === 0 ? -0 : i % 3 === 1 ? 0 : i % 2 ? -r() : -1e-44,
      ),
    ],
    ['nothing finite', Float32Array.from({ length: n }, (_, i) => (i % 2 ? NaN : -Infinity))],
    ['one finite value', Float32Array.from({ length: n }, (_, i) => (i === 12_345 ? 3 : NaN))],
    ['a crowded negative bucket', Float32Array.from({ length: n }, () => -72 - r() * 1e-3)],
    [
      'a crowded bucket with ties',
      Float32Array.from({ length: n }, (_, i) => (i % 4 ? 72.13 : 72.1 + (i % 97) * 1e-4)),
    ],
    [
      'a cap and a long tail, as Sadam',
      Float32Array.from({ length: n }, () => (r() < 0.8 ? 72.13 - r() * 0.6 : 10 ** (r() * 2))),
    ],
    ['every value equal', new Float32Array(n).fill(1e8)],
  ];
  for (const [label, values] of cases) {
    it(`matches the copy-and-select path: ${label}`, () => {
      const inPlace = percentilesWithCounts(values);
      expect(inPlace).toEqual(percentilesWithCounts(Float64Array.from(values)));
      // Also as a view at an offset into a larger buffer.
      const padded = new Float32Array(n + 5);
      padded.set(values, 3);
      expect(percentilesWithCounts(padded.subarray(3, 3 + n))).toEqual(inPlace);
    });
  }

  it('reports 0, never −0, and leaves the input untouched', () => {
    const zeros = new Float32Array(n).fill(-0);
    const p = percentiles(zeros);
    for (const v of Object.values(p)) expect(Object.is(v, 0)).toBe(true);
    expect(Object.is(zeros[0], -0)).toBe(true);
  });
});
