import { describe, expect, it } from 'vitest';
import { type LogHistogramOptions, logHistogram } from './histogram';
import { float32LogBins } from './log-bins-float32';
import { mulberry32 } from './random';

// The float32 path (a table look-up by the bits) against the per-value log10 loop, which a plain
// array still takes: the same counts, bin for bin, on every kind of value.
function expectSameAsLog10Loop(values: Float32Array, options?: LogHistogramOptions): void {
  const fast = logHistogram(values, options);
  const slow = logHistogram(Array.from(values), options);
  expect(fast).toEqual(slow);
}

const asFloat = (bits: number) => new Float32Array(new Uint32Array([bits]).buffer)[0] as number;

/** Every bin start of these options and its float32 neighbours, a few ulps either side. */
function aroundEveryStart(options: LogHistogramOptions, bins: number): Float32Array {
  const { startBits } = float32LogBins(options.minExp ?? -4, options.binsPerDecade ?? 10, bins);
  const out: number[] = [];
  for (const start of startBits) {
    if (start === 0xffffffff) continue;
    for (let d = -3; d <= 3; d++) if (start + d >= 1 && start + d <= 0x7f7fffff) out.push(asFloat(start + d));
  }
  return Float32Array.from(out);
}

describe('logHistogram on float32 input (bit tables)', () => {
  it('counts like the log10 loop across 30 decades, with NaN, ±Inf, ±0, negatives and subnormals', () => {
    const r = mulberry32(11);
    const values = Float32Array.from({ length: 50_000 }, (_, i) => {
      const kind = i % 10;
      if (kind === 0) return NaN;
      if (kind === 1) return i % 20 ? Infinity : -Infinity;
      if (kind === 2) return i % 20 ? 0 : -0;
      if (kind === 3) return -(10 ** (r() * 10 - 5));
      if (kind === 4) return asFloat(1 + Math.floor(r() * 0x7fffff)); // subnormal
      return 10 ** (r() * 30 - 12);
    });
    expectSameAsLog10Loop(values);
  });

  it('counts like the log10 loop on every bin start and its neighbours', () => {
    expectSameAsLog10Loop(aroundEveryStart({}, 140));
    // Landmarks: Adam's 1/ε, Sadam's cap β/ln 2, the axis ends, the extremes of float32.
    expectSameAsLog10Loop(
      Float32Array.from([1e8, 50 / Math.LN2, 1e-4, 1e10, asFloat(1), asFloat(0x7f7fffff), 1, 10, 0.1]),
    );
  });

  it('counts like the log10 loop for other edges, with several bin starts per table bucket', () => {
    const fine = { minExp: 0, maxExp: 1, binsPerDecade: 1000 }; // 1000 bins of 0.001 decade
    const coarse = { minExp: -2, maxExp: 3, binsPerDecade: 7 };
    const r = mulberry32(5);
    for (const [options, bins] of [
      [fine, 1000],
      [coarse, 35],
    ] as const) {
      expectSameAsLog10Loop(aroundEveryStart(options, bins), options);
      expectSameAsLog10Loop(
        Float32Array.from({ length: 20_000 }, () => 10 ** (r() * 8 - 3)),
        options,
      );
    }
  });

  it('reads a view at an offset into a larger buffer', () => {
    const r = mulberry32(9);
    const whole = Float32Array.from({ length: 1000 }, () => 10 ** (r() * 14 - 4));
    expectSameAsLog10Loop(whole.subarray(333, 777));
    expectSameAsLog10Loop(new Float32Array(0));
  });
});
