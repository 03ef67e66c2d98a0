import { afterEach, describe, expect, it } from 'vitest';
import { assembleBucketKernel } from '../../scripts/build-wasm-kernels';
import { bucketKernel, setBucketKernelEnabled } from './bucket-kernel';
import { BUCKET_KERNEL_BASE64 } from './bucket-kernel.bytes';
import { fieldSummary } from './field-summary';
import { logHistogramEdges } from './histogram';
import { percentilesWithCounts } from './percentiles';
import { radixRanks } from './radix-ranks';
import { mulberry32 } from './random';

// The other stats tests check the statistics (through this kernel, where WebAssembly runs) against
// plain-array references; these check that the kernel and the JS passes it replaces agree exactly.

/** Samples that stress the buckets: every special value, crowded buckets, bin edges, both signs. */
function samples(): [string, Float32Array][] {
  const r = mulberry32(29);
  const n = 50_003; // odd, over RADIX_FROM
  const specials = [0, -0, -1, -1e-30, 1e-45, 3e-42, 1.1e-38, Number.NaN, Infinity, -Infinity, 3.4e38];
  const withSpecials = Float32Array.from({ length: n }, (_, i) =>
    i % 13 === 0 ? (specials[(i / 13) % specials.length] as number) : 10 ** (r() * 20 - 10),
  );
  const edges = logHistogramEdges();
  const bits = new Uint32Array(1);
  const f = new Float32Array(bits.buffer);
  const onEdges = Float32Array.from({ length: n }, (_, i) => {
    f[0] = 10 ** (edges[i % edges.length] as number);
    bits[0] = (bits[0] as number) + (i % 5) - 2; // the edge and 2 ulps either side
    return f[0] as number;
  });
  return [
    ['specials among a wide field', withSpecials],
    ['values on and beside every bin edge', onEdges],
    [
      'a cap and a long tail, as Sadam',
      Float32Array.from({ length: n }, () => (r() < 0.8 ? 72.13 - r() * 0.6 : 10 ** (r() * 2))),
    ],
    ['Adam at 1/ε', Float32Array.from({ length: n }, (_, i) => (i % 6 ? 10 ** (r() * 5) : 1e8))],
    ['signed, one crowded negative bucket', Float32Array.from({ length: n }, () => -72 - r() * 1e-3)],
    ['nothing finite', Float32Array.from({ length: n }, (_, i) => (i % 2 ? Number.NaN : -Infinity))],
    ['all −0', new Float32Array(n).fill(-0)],
  ];
}

afterEach(() => setBucketKernelEnabled(true));

/** The same call with the kernel, then with the JS passes. */
function both<T>(compute: () => T): { kernel: T; js: T } {
  setBucketKernelEnabled(true);
  const kernel = compute();
  setBucketKernelEnabled(false);
  const js = compute();
  setBucketKernelEnabled(true);
  return { kernel, js };
}

describe('the WebAssembly bucket kernel', () => {
  it('is the assembled text of bucket-kernel-wat.ts (npm run build:wasm)', async () => {
    const assembled = await assembleBucketKernel();
    expect(Buffer.from(assembled).toString('base64')).toBe(BUCKET_KERNEL_BASE64.replace(/\s/g, ''));
  });

  it('runs here (Node has WebAssembly), so the other stats tests go through it', () => {
    expect(bucketKernel()).not.toBeNull();
  });

  for (const [label, values] of samples()) {
    it(`gives the JS passes' percentiles, counts and histogram: ${label}`, () => {
      const { kernel, js } = both(() => ({
        summary: fieldSummary(values),
        counted: percentilesWithCounts(values),
      }));
      expect(kernel).toEqual(js);
    });
  }

  it('reports the span of buckets it counted, as the JS count does', () => {
    for (const [label, values] of samples()) {
      const kernel = bucketKernel();
      if (!kernel) throw new Error('no kernel');
      const { finite, lo, hi } = kernel.count(values);
      const counts = kernel.counts();
      const used = [...counts.keys()].filter((b) => (counts[b] as number) > 0);
      expect({ label, finite, lo, hi }).toEqual(
        used.length
          ? { label, finite, lo: used[0], hi: used[used.length - 1] }
          : { label, finite: 0, lo: 0xffff, hi: 0 },
      );
    }
  });

  it('gives every rank of a sample the JS passes give, and leaves the sample untouched', () => {
    const r = mulberry32(5);
    const a = Float32Array.from({ length: 40_000 }, (_, i) =>
      i % 9 ? (r() - 0.5) * 10 ** (r() * 8) : 72.13,
    );
    const copy = a.slice();
    const ranks = [0, 1, 399, 400, 9_999, 20_000, 29_999, 39_998, 39_999];
    const { kernel, js } = both(() => {
      const out = new Float64Array(ranks.length);
      radixRanks(a, a.length, ranks, out);
      return Array.from(out);
    });
    expect(kernel).toEqual(js);
    expect(a).toEqual(copy);
  });

  it('grows its memory for a larger sample, and still answers for a smaller one after it', () => {
    const r = mulberry32(11);
    for (const n of [30_000, 2_000_000, 25_000]) {
      const a = Float32Array.from({ length: n }, () => 10 ** (r() * 12 - 4));
      const { kernel, js } = both(() => fieldSummary(a));
      expect(kernel).toEqual(js);
    }
  });
});
