import { describe, expect, it } from 'vitest';
import { fieldSummary } from './field-summary';
import { type LogHistogramOptions, logHistogram, logHistogramEdges } from './histogram';
import { percentiles, RADIX_FROM } from './percentiles';
import { mulberry32 } from './random';

// The references take the values as a plain array: percentiles by selection in float64 and the
// histogram by Math.log10 per value, neither of them the bucket count fieldSummary rides on.
function expectSameAsReferences(values: Float32Array, options?: LogHistogramOptions): void {
  const summary = fieldSummary(values, undefined, options);
  const plain = Array.from(values);
  expect(summary.percentiles).toEqual(percentiles(plain));
  expect(summary.histogram).toEqual(logHistogram(plain, options));
}

/** log-uniform over 10^lo … 10^hi. */
function logUniform(n: number, lo: number, hi: number, seed: number): Float32Array {
  const random = mulberry32(seed);
  return Float32Array.from({ length: n }, () => 10 ** (lo + (hi - lo) * random()));
}

describe('fieldSummary', () => {
  it('gives the percentiles and the log histogram of a wide A-LR-like field', () => {
    expectSameAsReferences(logUniform(60_000, -7, 12, 1));
  });

  it('counts ±0, negatives, subnormals, NaN and ±Infinity as the references do', () => {
    const values = logUniform(RADIX_FROM + 5_000, -3, 9, 2);
    const specials = [0, -0, -1, -1e-30, 1e-45, 3e-42, 1.1e-38, Number.NaN, Infinity, -Infinity, 1e-300];
    specials.forEach((v, i) => {
      for (let k = 0; k < 40; k++) values[i * 40 + k] = v;
    });
    expectSameAsReferences(values);
  });

  it('puts values on and beside every bin edge where Math.log10 does', () => {
    const edges = logHistogramEdges();
    const values = new Float32Array(RADIX_FROM + 1_000).fill(1);
    let i = 0;
    const bits = new Uint32Array(1);
    const float = new Float32Array(bits.buffer);
    for (const e of edges) {
      float[0] = 10 ** e;
      const at = bits[0] as number;
      for (let d = -2; d <= 2; d++) {
        bits[0] = at + d;
        values[i++] = float[0] as number;
      }
    }
    expectSameAsReferences(values);
  });

  it('reads crowded buckets (Adam at 1/ε, Sadam at its cap) exactly', () => {
    const values = logUniform(80_000, -2, 3, 3);
    for (let i = 0; i < 30_000; i++) values[i] = 1e8;
    for (let i = 30_000; i < 60_000; i++) values[i] = 72.13475 * (1 - (i % 997) * 1e-7);
    expectSameAsReferences(values);
  });

  it('takes other histogram options, and a field of nothing but NaN', () => {
    expectSameAsReferences(logUniform(30_000, -5, 6, 4), { minExp: -2, maxExp: 3, binsPerDecade: 4 });
    expectSameAsReferences(new Float32Array(RADIX_FROM).fill(Number.NaN));
  });

  it('falls back to the two functions below the radix size, and keeps no state between calls', () => {
    expectSameAsReferences(logUniform(500, -4, 4, 5));
    const a = logUniform(50_000, -1, 1, 6);
    const b = logUniform(50_000, 5, 7, 7);
    expectSameAsReferences(a);
    expectSameAsReferences(b);
    expectSameAsReferences(a);
  });
});
