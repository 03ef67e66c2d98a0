import { describe, expect, it } from 'vitest';
import { percentiles } from './percentiles';
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

  it('gives percentiles() the same answer as the selection path on large float32 samples', () => {
    for (const a of samples()) {
      // Float64 input takes the in-place selection; float32 input of 60k values takes the radix path.
      expect(percentiles(a)).toEqual(percentiles(Float64Array.from(a)));
    }
  });
});
