// A-LR values as one byte each: log10 over 14 decades (1e-4 … 1e10) in 254 levels, 0 for "no data"
// (NaN, ≤ 0, +∞). `logByte` is the definition; `logBytes` gives the same bytes for a whole field
// without a logarithm per value (issue #12: a 109 k field took ~10 ms of main thread per snapshot with
// one Math.log10 each). Positive float32 values order as their bit patterns do, so the smallest bit
// pattern of each level is found once by bisection on `logByte` itself, and a value's level is a table
// look-up on its exponent and top 3 mantissa bits (a bucket spans 1/8 octave, 0.038 decade, less
// than a level's 0.055) followed by at most one comparison with the next level's first pattern.

export const MIN_EXP = -4;
export const MAX_EXP = 10;
const LEVELS = 254; // 1..255; 0 marks NaN / ≤ 0 ("no data")
export const SCALE = LEVELS / (MAX_EXP - MIN_EXP);

/** The byte of one value (the reference the table reproduces). */
export function logByte(v: number): number {
  if (!(v > 0) || v === Number.POSITIVE_INFINITY) return 0;
  const level = Math.round((Math.log10(v) - MIN_EXP) * SCALE);
  return 1 + Math.min(LEVELS, Math.max(0, level));
}

/** The value a byte stands for (NaN for 0). */
export function byteValue(byte: number): number {
  return byte === 0 ? Number.NaN : 10 ** ((byte - 1) / SCALE + MIN_EXP);
}

const INFINITY_BITS = 0x7f800000;
const BUCKET_SHIFT = 20;

interface Tables {
  /** firstBits[b]: the smallest positive float32 bit pattern whose byte is ≥ b (b = 1 … 255; 256: +∞). */
  firstBits: Uint32Array;
  /** bucketByte[bits >>> BUCKET_SHIFT]: the byte at the bucket's first pattern. */
  bucketByte: Uint8Array;
}

let tables: Tables | null = null;

function buildTables(): Tables {
  const f = new Float32Array(1);
  const u = new Uint32Array(f.buffer);
  const byteOfBits = (bits: number) => {
    u[0] = bits;
    return logByte(f[0] as number);
  };
  const firstBits = new Uint32Array(LEVELS + 3);
  firstBits[LEVELS + 2] = INFINITY_BITS; // sentinel: no finite pattern reaches a byte past 255
  for (let b = 1; b <= LEVELS + 1; b++) {
    let lo = 1;
    let hi = INFINITY_BITS - 1; // the largest finite float has the top byte
    while (lo < hi) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (byteOfBits(mid) >= b) hi = mid;
      else lo = mid + 1;
    }
    firstBits[b] = lo;
  }
  const bucketByte = new Uint8Array(INFINITY_BITS >>> BUCKET_SHIFT);
  for (let j = 0; j < bucketByte.length; j++) bucketByte[j] = byteOfBits(Math.max(1, j << BUCKET_SHIFT));
  return { firstBits, bucketByte };
}

/** `logByte` of every value of `field` into a new array of `length` bytes (0 past the field's end). */
export function logBytes(field: Float32Array, length: number): Uint8Array {
  tables ??= buildTables();
  const { firstBits, bucketByte } = tables;
  const out = new Uint8Array(length);
  // A field whose buffer was transferred away reads as empty: "no data".
  const n = Math.min(field.length, length);
  const bits = new Uint32Array(field.buffer, field.byteOffset, field.length);
  for (let i = 0; i < n; i++) {
    const x = bits[i] as number;
    // +0, +∞, NaN and every negative (sign bit set) are "no data".
    if (x === 0 || x >= INFINITY_BITS) continue;
    let b = bucketByte[x >>> BUCKET_SHIFT] as number;
    if (x >= (firstBits[b + 1] as number)) b += 1;
    out[i] = b;
  }
  return out;
}
