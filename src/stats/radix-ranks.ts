// Order statistics of a large float32 sample by its bits, in about two passes: a count of every value's
// upper 16 bits (sign, exponent, 7 mantissa bits, mapped so that integer order is numeric order) gives
// the bucket that holds each requested rank; only the values in those few buckets are gathered and
// selected exactly. The answer is the same as a full sort's. A snapshot needs ten ranks of a 100k–1M
// field per run; this is 2–3× faster than selecting them in the whole sample (select.ts), whose passes
// touch the whole sample once per level of its recursion.

import { selectRanks } from './select';

const BUCKETS = 1 << 16;
const counts = new Uint32Array(BUCKETS);
const start = new Uint32Array(BUCKETS);
// Next write position of a wanted bucket; NONE elsewhere (reset after each use: no 256 kB fill per call).
const NONE = 0xffffffff;
const cursor = new Uint32Array(BUCKETS).fill(NONE);
let gathered = new Float32Array(0);

/** The bucket of a finite float32's bits: integer order = numeric order (−0 must already be +0). */
const bucketOf = (bits: number): number => (bits & 0x80000000 ? ~bits >>> 16 : (bits >>> 16) | 0x8000);

/**
 * `out[i]` = the value at rank `ranks[i]` (ascending, each in [0, n)) of `a[0..n)`: finite float32
 * values, no −0. `a` is not modified.
 */
export function radixRanks(a: Float32Array, n: number, ranks: ArrayLike<number>, out: Float64Array): void {
  const bits = new Uint32Array(a.buffer, a.byteOffset, n);
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const b = bucketOf(bits[i] as number);
    counts[b] = (counts[b] as number) + 1;
  }
  // The buckets that hold a requested rank, and where each rank falls inside its bucket.
  const wanted: number[] = [];
  const firstRank: number[] = []; // rank of the bucket's first value
  let below = 0;
  let r = 0;
  for (let b = 0; b < BUCKETS && r < ranks.length; b++) {
    const c = counts[b] as number;
    if (c === 0) continue;
    if ((ranks[r] as number) < below + c) {
      wanted.push(b);
      firstRank.push(below);
      while (r < ranks.length && (ranks[r] as number) < below + c) r++;
    }
    below += c;
  }
  // Gather the wanted buckets' values, bucket after bucket.
  let size = 0;
  for (const b of wanted) {
    start[b] = size;
    cursor[b] = size;
    size += counts[b] as number;
  }
  if (gathered.length < size) gathered = new Float32Array(size);
  for (let i = 0; i < n; i++) {
    const b = bucketOf(bits[i] as number);
    const at = cursor[b] as number;
    if (at !== NONE) {
      gathered[at] = a[i] as number;
      cursor[b] = at + 1;
    }
  }
  for (const b of wanted) cursor[b] = NONE;
  // Select each bucket's ranks inside it.
  r = 0;
  wanted.forEach((b, w) => {
    const from = start[b] as number;
    const c = counts[b] as number;
    const base = firstRank[w] as number;
    const local: number[] = [];
    const slots: number[] = [];
    while (r < ranks.length && (ranks[r] as number) < base + c) {
      local.push((ranks[r] as number) - base);
      slots.push(r);
      r++;
    }
    const region = gathered.subarray(from, from + c);
    selectRanks(region, c, local);
    slots.forEach((slot, j) => {
      out[slot] = region[local[j] as number] as number;
    });
  });
}
