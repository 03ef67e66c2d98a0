// Order statistics of a large float32 sample by its bits, in about two passes: a count of every value's
// upper 16 bits (sign, exponent, 7 mantissa bits, mapped so that integer order is numeric order) gives
// the bucket that holds each requested rank; only the values in those few buckets are gathered and
// selected exactly. The answer is the same as a full sort's. A snapshot needs ten ranks of a 100k–1M
// field per run; this is 2–3× faster than selecting them in the whole sample (select.ts), whose passes
// touch the whole sample once per level of its recursion. The count and the gather run in WebAssembly
// where it is available (bucket-kernel.ts), in JS otherwise; the answers are the same.

import { type BucketCount, bucketKernel } from './bucket-kernel';
import { selectRanks } from './select';

const BUCKETS = 1 << 16;
const counts = new Uint32Array(BUCKETS);
// The JS gather's tables: next write position of each gathered bucket, and a flag per bucket (1 where
// its values are gathered, 0 elsewhere).
const cursor = new Uint32Array(BUCKETS);
const flags = new Uint8Array(BUCKETS);
let gathered = new Float32Array(0);

/** The bucket of a finite float32's bits: integer order = numeric order (−0 must already be +0). */
const bucketOf = (bits: number): number => (bits & 0x80000000 ? ~bits >>> 16 : (bits >>> 16) | 0x8000);

/**
 * `out[i]` = the value at rank `ranks[i]` (ascending, each in [0, n)) of `a[0..n)`: finite float32
 * values, no −0. `a` is not modified.
 */
export function radixRanks(a: Float32Array, n: number, ranks: ArrayLike<number>, out: Float64Array): void {
  selectCounted(countBuckets(a.subarray(0, n)), ranks, out);
}

/**
 * Another statistic of the same sample that rides on the bucket count (field-summary.ts's histogram): it
 * reads the finite values' bucket counts, and sees the values of the buckets it names one by one, from
 * the gather that collects the ranks' buckets, so it needs no pass of its own.
 */
export interface BucketVisitor {
  /**
   * `counts[b]`: finite values in bucket b (read only, valid during the call); every bucket outside
   * [lo, hi] is empty (lo > hi when all are). Returns the buckets to visit, each with a count > 0.
   */
  counted(counts: Uint32Array, lo: number, hi: number): readonly number[];
  /** Each finite value of a named bucket, as its float32 bits (−0 as +0). */
  visit(bits: number): void;
}

/**
 * Order statistics of the finite values of a float32 sample read in place (no filtering pass):
 * NaN and ±Infinity are left out and −0 counts as 0, as percentiles.ts wants. `ranksOf(k)` is told how
 * many values are finite and returns the ranks wanted among them (ascending, each in [0, k)); their
 * values come back in the same order. `a` is not modified.
 */
export function radixFiniteRanks(
  a: Float32Array,
  ranksOf: (finite: number) => ArrayLike<number>,
  visitor?: BucketVisitor,
): { finite: number; ranks: ArrayLike<number>; values: Float64Array } {
  const counted = countBuckets(a);
  const { finite } = counted;
  const ranks = finite > 0 ? ranksOf(finite) : [];
  const values = new Float64Array(ranks.length);
  const visited = finite > 0 && visitor ? visitor.counted(counted.counts, counted.lo, counted.hi) : [];
  if (ranks.length || visited.length) selectCounted(counted, ranks, values, visited, visitor);
  return { finite, ranks, values };
}

/**
 * A sample counted by bucket (its finite values all in buckets lo … hi, so scans of the count start and
 * stop there: an A-LR field fills a few thousand of the 65,536), and the gather of chosen buckets' values
 * that goes with the count.
 */
interface Counted extends BucketCount {
  counts: Uint32Array;
  /**
   * The values of `buckets` (each once), bucket after bucket, the i-th from `starts[i]`, in sample
   * order, −0 as +0; `size` in all. Valid until the next count.
   */
  gather(buckets: readonly number[], starts: readonly number[], size: number): Float32Array;
}

/** Counts `a` by bucket: in WebAssembly where it runs (bucket-kernel.ts), else by the JS passes below. */
function countBuckets(a: Float32Array): Counted {
  const kernel = bucketKernel();
  if (kernel) return { ...kernel.count(a), counts: kernel.counts(), gather: kernel.gather };
  return {
    ...countFinite(a),
    counts,
    gather: (buckets, starts, size) => gatherJs(a, buckets, starts, size),
  };
}

// The bucket of a float32's bits, −0 with +0. (NaN and ±Infinity have buckets of their own, ≤ 0x007f
// and ≥ 0xff80, which are never counted, so never wanted.)
const bucketOfSigned = (bits: number): number => (bits === 0x80000000 ? 0x8000 : bucketOf(bits));

/** Sets `counts` to the finite values' buckets; returns how many are finite, and their span. */
function countFinite(a: Float32Array): BucketCount {
  const bits = new Uint32Array(a.buffer, a.byteOffset, a.length);
  counts.fill(0);
  let finite = 0;
  let lo = BUCKETS - 1;
  let hi = 0;
  const n = bits.length;
  for (let i = 0; i < n; i++) {
    const u = bits[i] as number;
    if ((u & 0x7f800000) === 0x7f800000) continue;
    const b = bucketOfSigned(u);
    counts[b] = (counts[b] as number) + 1;
    if (b < lo) lo = b;
    if (b > hi) hi = b;
    finite++;
  }
  return { finite, lo, hi };
}

/** Counted.gather for the JS count of `a`. */
function gatherJs(
  a: Float32Array,
  buckets: readonly number[],
  starts: readonly number[],
  size: number,
): Float32Array {
  const bits = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const n = bits.length;
  buckets.forEach((b, i) => {
    cursor[b] = starts[i] as number;
    flags[b] = 1;
  });
  if (gathered.length < size) gathered = new Float32Array(size);
  const into = gathered;
  // Most values are in no flagged bucket: one table look-up each, and a branch that is rarely taken.
  // NaN and ±Infinity have buckets of their own (see bucketOfSigned), never counted, so never flagged.
  for (let i = 0; i < n; i++) {
    const b = bucketOfSigned(bits[i] as number);
    if (flags[b] === 0) continue;
    const at = cursor[b] as number;
    into[at] = (a[i] as number) + 0;
    cursor[b] = at + 1;
  }
  for (const b of buckets) flags[b] = 0;
  return into.subarray(0, size);
}

/**
 * The values at `ranks` among the values a count holds; the values of the `visited` buckets go to
 * `visitor`, from the same gather.
 */
function selectCounted(
  counted: Counted,
  ranks: ArrayLike<number>,
  out: Float64Array,
  visited: readonly number[] = [],
  visitor?: BucketVisitor,
): void {
  const { counts, lo, hi } = counted;
  // The buckets that hold a requested rank, and where each rank falls inside its bucket.
  const wanted: number[] = [];
  const firstRank: number[] = []; // rank of the bucket's first value
  let below = 0;
  let r = 0;
  for (let b = lo; b <= hi && r < ranks.length; b++) {
    const c = counts[b] as number;
    if (c === 0) continue;
    if ((ranks[r] as number) < below + c) {
      wanted.push(b);
      firstRank.push(below);
      while (r < ranks.length && (ranks[r] as number) < below + c) r++;
    }
    below += c;
  }
  // One gather for the wanted and the visited buckets, each bucket once.
  const regions = [...new Set([...wanted, ...visited])];
  const starts: number[] = [];
  const startOf = new Map<number, number>();
  let size = 0;
  for (const b of regions) {
    starts.push(size);
    startOf.set(b, size);
    size += counts[b] as number;
  }
  const values = counted.gather(regions, starts, size);
  if (visitor && visited.length) {
    const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
    for (const b of visited) {
      const from = startOf.get(b) as number;
      const to = from + (counts[b] as number);
      for (let i = from; i < to; i++) visitor.visit(bits[i] as number);
    }
  }
  // Select each bucket's ranks inside it.
  r = 0;
  wanted.forEach((b, w) => {
    const from = startOf.get(b) as number;
    const c = counts[b] as number;
    const base = firstRank[w] as number;
    const local: number[] = [];
    const slots: number[] = [];
    while (r < ranks.length && (ranks[r] as number) < base + c) {
      local.push((ranks[r] as number) - base);
      slots.push(r);
      r++;
    }
    const region = values.subarray(from, from + c);
    if (c >= SPLIT_FROM) {
      // A crowded bucket (Sadam's A-LR piles up just under its cap β/ln 2): its values differ only in
      // their lower 16 bits, so a count of those gives every rank's value with no selection.
      lowBitsRanks(region, local, (j, value) => {
        out[slots[j] as number] = value;
      });
      return;
    }
    // A bucket of one repeated value (every weight at Adam's 1/ε) needs no selection.
    if (!allEqual(region)) selectRanks(region, c, local);
    slots.forEach((slot, j) => {
      out[slot] = region[local[j] as number] as number;
    });
  });
}

/** From this many values on, a bucket's ranks are found by its lower bits rather than by selection. */
const SPLIT_FROM = 4096;
// Counts of the lower 16 bits, and of their blocks of 256 (by the upper 8 of them), so that finding a rank
// scans the 256 block counts and then only the blocks that hold a rank, not all 65,536. Both are all zero
// between calls: each call clears the blocks it used.
const LOW_BLOCK = 256;
const lowCounts = new Uint32Array(BUCKETS);
const lowBlockCounts = new Uint32Array(BUCKETS / LOW_BLOCK);
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Values at the (ascending) `local` ranks of a region whose values share their upper 16 bits. */
function lowBitsRanks(
  region: Float32Array,
  local: readonly number[],
  found: (j: number, value: number) => void,
): void {
  const bits = new Uint32Array(region.buffer, region.byteOffset, region.length);
  for (let i = 0; i < bits.length; i++) {
    const low = orderKey(bits[i] as number) & 0xffff;
    lowCounts[low] = (lowCounts[low] as number) + 1;
    lowBlockCounts[low >>> 8] = (lowBlockCounts[low >>> 8] as number) + 1;
  }
  const high = orderKey(bits[0] as number) & 0xffff0000;
  let below = 0;
  let j = 0;
  for (let block = 0; block < lowBlockCounts.length; block++) {
    const inBlock = lowBlockCounts[block] as number;
    if (inBlock === 0) continue;
    lowBlockCounts[block] = 0;
    const from = block * LOW_BLOCK;
    const to = from + LOW_BLOCK;
    if (j < local.length && (local[j] as number) < below + inBlock) {
      // A rank falls in this block: walk its counts to it.
      let at = below;
      for (let low = from; low < to && j < local.length; low++) {
        at += lowCounts[low] as number;
        while (j < local.length && (local[j] as number) < at) {
          // The key back to the float: every value with this key is this one float.
          const key = (high | low) >>> 0;
          u32[0] = key & 0x80000000 ? key & 0x7fffffff : ~key;
          found(j, f32[0] as number);
          j++;
        }
      }
    }
    below += inBlock;
    lowCounts.fill(0, from, to);
  }
}

/** The float's bits mapped so that unsigned integer order is numeric order (−0 must already be +0). */
const orderKey = (bits: number): number => (bits & 0x80000000 ? ~bits : bits | 0x80000000) >>> 0;

function allEqual(region: Float32Array): boolean {
  const first = region[0] as number;
  for (let i = 1; i < region.length; i++) if (region[i] !== first) return false;
  return true;
}
