// The two passes of radix-ranks.ts over a large float32 sample — the count of every value's bucket and
// the gather of the few buckets that matter — in WebAssembly, on a memory of its own. In JavaScript they
// took 1.0–1.2 ms per snapshot field of fig1-mnist's 109k weights here, most of it in the gather, whose
// branch is mispredicted where half the values pile into a few buckets (Sadam under its cap); the
// WebAssembly gather has no branch per value. Same buckets, same order, same values as the JS passes
// (bucket-kernel.test.ts). Compiled synchronously on first use (a few hundred bytes); where WebAssembly
// is missing or refused, radix-ranks.ts keeps its JS passes.

import { BUCKET_KERNEL_BASE64 } from './bucket-kernel.bytes';

const BUCKETS = 1 << 16;
const PAGE = 65536;
// The memory's layout: the count table, the gather's step and cursor tables, the counted range (two
// u32), then the sample and, right after it, the gathered values.
const COUNTS_AT = 0;
const STEP_AT = COUNTS_AT + 4 * BUCKETS;
const CURSOR_AT = STEP_AT + BUCKETS;
const RANGE_AT = CURSOR_AT + 4 * BUCKETS;
const VALUES_AT = RANGE_AT + 8;

interface KernelExports {
  memory: WebAssembly.Memory;
  count(values: number, n: number, counts: number, range: number): number;
  gather(values: number, n: number, cursor: number, step: number, into: number): void;
}

/** A count's totals: how many values are finite, and the span of buckets that holds them all. */
export interface BucketCount {
  finite: number;
  /** The lowest and the highest bucket with a finite value (lo > hi when there is none). */
  lo: number;
  hi: number;
}

export interface BucketKernel {
  /** Copies `values` in and counts the finite ones by bucket. */
  count(values: Float32Array): BucketCount;
  /** counts[b]: finite values of the last count in bucket b (valid until the next count). */
  counts(): Uint32Array;
  /**
   * The last count's values of `buckets` (each once), bucket after bucket, the i-th from `starts[i]`,
   * in sample order, −0 as +0; `size` in all. A view, valid until the next count.
   */
  gather(buckets: readonly number[], starts: readonly number[], size: number): Float32Array;
}

/** undefined: not tried yet; null: WebAssembly missing or refused here. */
let kernel: KernelExports | null | undefined;
let enabled = true;
let sampleLength = 0;

function instantiate(): KernelExports | null {
  try {
    const bytes = Uint8Array.from(atob(BUCKET_KERNEL_BASE64.replace(/\s/g, '')), (c) => c.charCodeAt(0));
    return new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as KernelExports;
  } catch {
    return null;
  }
}

/** Tests switch the kernel off to compare it with the JS passes. */
export function setBucketKernelEnabled(on: boolean): void {
  enabled = on;
}

const exportsOf = (): KernelExports | null => {
  if (kernel === undefined) kernel = typeof WebAssembly === 'object' ? instantiate() : null;
  return kernel;
};

const kernelApi: BucketKernel = {
  count(values) {
    const k = exportsOf() as KernelExports;
    const n = values.length;
    // The sample, then room for all of it gathered plus the spare slot.
    const bytes = VALUES_AT + 8 * n + 4;
    const have = k.memory.buffer.byteLength;
    if (have < bytes) k.memory.grow(Math.ceil((bytes - have) / PAGE));
    new Float32Array(k.memory.buffer, VALUES_AT, n).set(values);
    sampleLength = n;
    const finite = k.count(VALUES_AT, n, COUNTS_AT, RANGE_AT);
    const range = new Uint32Array(k.memory.buffer, RANGE_AT, 2);
    return { finite, lo: range[0] as number, hi: range[1] as number };
  },
  counts() {
    return new Uint32Array((exportsOf() as KernelExports).memory.buffer, COUNTS_AT, BUCKETS);
  },
  gather(buckets, starts, size) {
    const k = exportsOf() as KernelExports;
    const { buffer } = k.memory;
    const cursor = new Uint32Array(buffer, CURSOR_AT, BUCKETS);
    const step = new Uint8Array(buffer, STEP_AT, BUCKETS);
    const into = VALUES_AT + 4 * sampleLength;
    cursor.fill(size); // every other bucket writes the spare slot after the gathered values
    buckets.forEach((b, i) => {
      cursor[b] = starts[i] as number;
      step[b] = 1;
    });
    k.gather(VALUES_AT, sampleLength, CURSOR_AT, STEP_AT, into);
    for (const b of buckets) step[b] = 0;
    return new Float32Array(buffer, into, size);
  },
};

/** The kernel, or null where it is unavailable or switched off. */
export function bucketKernel(): BucketKernel | null {
  return enabled && exportsOf() ? kernelApi : null;
}
