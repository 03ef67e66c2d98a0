import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../stats/random';
import {
  COLOURS,
  ColourTable,
  colourIndex,
  colourTableFor,
  EMPTY_BITS_HIGH,
  EMPTY_BITS_LOW,
  EMPTY_INDEX,
  NO_DATA_INDEX,
  PALETTE,
  paintKernelReady,
} from './color-table';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const floatOf = (bits: number) => {
  u32[0] = bits;
  return f32[0] as number;
};
const bitsOf = (v: number) => {
  f32[0] = v;
  return u32[0] as number;
};

/** The straightforward mapping: log10 per value, empty markers apart. */
const reference = (bits: number, lo: number, hi: number) =>
  bits === EMPTY_BITS_LOW || bits === EMPTY_BITS_HIGH ? EMPTY_INDEX : colourIndex(floatOf(bits), lo, hi);

type Paint = 'paint' | 'paintJs';

/** The colours (RGBA words) of `bits` as `way` paints them through `t`. */
function painted(t: ColourTable, bits: readonly number[] | Uint32Array, way: Paint): number[] {
  const src = Uint32Array.from(bits);
  const out = new Uint32Array(src.length);
  t[way](new Int32Array(src.buffer), new Int32Array(out.buffer));
  return [...out];
}

/** The colour of one bit pattern, the same through both loops. */
function colourOfBits(t: ColourTable, bits: number): number {
  const [viaKernel] = painted(t, [bits >>> 0], 'paint');
  const [viaJs] = painted(t, [bits >>> 0], 'paintJs');
  expect(viaKernel).toBe(viaJs);
  return viaJs as number;
}
const colourOf = (t: ColourTable, v: number) => colourOfBits(t, bitsOf(v));

/**
 * Bit patterns of every class: random patterns (every sign, exponent, NaN payload), random values
 * around the domain, the float32 neighbours of every colour boundary (where a bucket lookup alone would
 * go wrong) and the specials: ±0, ±∞, negatives, denormals, NaN payloads, the empty markers.
 */
function patterns(lo: number, hi: number, seed: number, n: number): Uint32Array {
  const rand = mulberry32(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(Math.floor(rand() * 4294967296));
  for (let i = 0; i < n; i++) out.push(bitsOf(10 ** (lo - 0.5 + rand() * (hi - lo + 1))));
  for (let k = 0; k <= COLOURS; k++) {
    const b = bitsOf(10 ** (lo + (k * (hi - lo)) / COLOURS));
    for (let d = -3; d <= 3; d++) out.push((b + d) >>> 0);
  }
  const specials = [0, 0x80000000, 0x7f800000, 0xff800000, 1, 0x807fffff, 0x7fc00000, 0xffc00000];
  specials.push(0x7f800001, 0xff800001, 0x7fbfffff, 0xfffffffe, 0xffffffff, bitsOf(-1), bitsOf(-1e30));
  specials.push(EMPTY_BITS_LOW, EMPTY_BITS_HIGH, EMPTY_BITS_LOW - 1, EMPTY_BITS_LOW + 1, EMPTY_BITS_HIGH - 1);
  // A row of each (runs of one class, as tiles' gaps are) and a mix.
  for (const b of specials) for (let r = 0; r < 9; r++) out.push(b);
  return Uint32Array.from(out);
}

describe('colour table', () => {
  it('paints on the WebAssembly kernel once it has loaded (Node has WebAssembly)', async () => {
    expect(await paintKernelReady).toBe(true);
  });

  it('packs viridis as opaque RGBA in ImageData byte order, grey for no data, transparent for empty', () => {
    const bytes = new Uint8Array(PALETTE.buffer);
    expect([...bytes.subarray(0, 4)]).toEqual([0x44, 0x01, 0x54, 255]); // viridis(0) = #440154
    const top = (COLOURS - 1) * 4;
    expect([...bytes.subarray(top, top + 4)]).toEqual([0xfd, 0xe7, 0x25, 255]); // viridis(1) = #fde725
    const grey = NO_DATA_INDEX * 4;
    expect(bytes[grey]).toBe(bytes[grey + 1]);
    expect(bytes[grey + 1]).toBe(bytes[grey + 2]);
    expect(bytes[EMPTY_INDEX * 4 + 3]).toBe(0);
  });

  it('maps specials apart: NaN grey, ≤ 0 and −∞ lowest, +∞ highest, empty markers transparent', async () => {
    await paintKernelReady;
    const t = new ColourTable(-2, 8);
    expect(colourOf(t, Number.NaN)).toBe(PALETTE[NO_DATA_INDEX]);
    expect(colourOfBits(t, 0xffc00000)).toBe(PALETTE[NO_DATA_INDEX]); // negative quiet NaN
    expect(colourOfBits(t, 0x7f800001)).toBe(PALETTE[NO_DATA_INDEX]); // NaN in +∞'s bucket
    expect(colourOfBits(t, 0xff800001)).toBe(PALETTE[NO_DATA_INDEX]); // NaN in −∞'s bucket
    expect(colourOf(t, 0)).toBe(PALETTE[0]);
    expect(colourOf(t, -0)).toBe(PALETTE[0]);
    expect(colourOf(t, -5)).toBe(PALETTE[0]);
    expect(colourOf(t, Number.NEGATIVE_INFINITY)).toBe(PALETTE[0]);
    expect(colourOf(t, Number.POSITIVE_INFINITY)).toBe(PALETTE[COLOURS - 1]);
    expect(colourOf(t, 1e-30)).toBe(PALETTE[0]);
    expect(colourOf(t, 3e38)).toBe(PALETTE[COLOURS - 1]);
    expect(colourOfBits(t, EMPTY_BITS_LOW)).toBe(PALETTE[EMPTY_INDEX]);
    expect(colourOfBits(t, EMPTY_BITS_HIGH)).toBe(PALETTE[EMPTY_INDEX]);
    expect(colourOfBits(t, EMPTY_BITS_LOW - 1)).toBe(PALETTE[NO_DATA_INDEX]);
    expect(colourOfBits(t, EMPTY_BITS_HIGH - 1)).toBe(PALETTE[NO_DATA_INDEX]);
    expect(colourOfBits(t, 0xffffffff)).toBe(PALETTE[NO_DATA_INDEX]);
  });

  it('puts the domain ends and decades where they belong', async () => {
    await paintKernelReady;
    const t = new ColourTable(-2, 8);
    expect(colourOf(t, 1e-2)).toBe(PALETTE[0]);
    expect(colourOf(t, 1e8)).toBe(PALETTE[COLOURS - 1]);
    expect(colourOf(t, 1e3)).toBe(PALETTE[colourIndex(1e3, -2, 8)]);
    expect(colourOf(t, 1e3)).toBe(PALETTE[128]); // half way: (3 − (−2)) / 10 · 256
  });

  for (const [lo, hi] of [
    [-2, 8],
    [0, 8],
    [-4, 10],
    [1.3, 2.1], // narrower than 0.87 decade: buckets with several boundaries take the exact path
    [0.5, 0.51],
    [-45, 39], // past float32's range at both ends
  ] as const) {
    it(`paints exactly as a plain log10 on every kind of float, in both loops (domain [${lo}, ${hi}])`, async () => {
      expect(await paintKernelReady).toBe(true);
      const t = new ColourTable(lo, hi);
      const bits = patterns(lo, hi, Math.round(lo * 1000 + hi), 200_000);
      const want = Array.from(bits, (b) => PALETTE[reference(b, lo, hi)]);
      for (const way of ['paint', 'paintJs'] as const) {
        const got = painted(t, bits, way);
        let wrong = 0;
        for (let i = 0; i < want.length; i++) if (got[i] !== want[i]) wrong += 1;
        expect(wrong, `${way}: cells painted otherwise than log10 would`).toBe(0);
      }
    });
  }

  it("paints any count: a tail past the kernel's 4-cell turns and chunks, nothing past `count`", async () => {
    await paintKernelReady;
    const t = new ColourTable(-2, 8);
    const rand = mulberry32(11);
    for (const n of [0, 1, 3, 5, 32767, 32768, 32769, 70001]) {
      const src = new Float32Array(n + 3).map(() => 10 ** (-3 + rand() * 12));
      const dst = new Int32Array(n + 3).fill(7);
      t.paint(new Int32Array(src.buffer), dst, n);
      const want = Int32Array.from(src.subarray(0, n), (v) => (PALETTE[colourIndex(v, -2, 8)] as number) | 0);
      let wrong = 0;
      for (let i = 0; i < n; i++) if (dst[i] !== want[i]) wrong += 1;
      expect(wrong, `count ${n}`).toBe(0);
      expect([...dst.subarray(n)]).toEqual([7, 7, 7]);
    }
  });

  it('writes nothing past the end of a destination shorter than the cells, as the JS loop', async () => {
    await paintKernelReady;
    const t = new ColourTable(-2, 8);
    const src = new Int32Array(new Float32Array(40000).fill(10).buffer);
    const viaKernel = new Int32Array(33000);
    const viaJs = new Int32Array(33000);
    t.paint(src, viaKernel);
    t.paintJs(src, viaJs);
    expect(viaKernel).toEqual(viaJs);
    expect(viaKernel[32999]).toBe((PALETTE[colourIndex(10, -2, 8)] as number) | 0);
  });

  it('switches tables: each paint uses its own table even when several alternate', async () => {
    await paintKernelReady;
    const domains = [
      [-2, 8],
      [0.5, 0.51],
      [1, 5],
    ] as const;
    const bits = patterns(-2, 8, 5, 5000);
    for (let round = 0; round < 2; round++)
      for (const [lo, hi] of domains) {
        const got = painted(colourTableFor(lo, hi), bits, 'paint');
        expect(got).toEqual(Array.from(bits, (b) => PALETTE[reference(b, lo, hi)]));
      }
  });

  it('rejects an empty or non-finite domain and caches tables per domain', () => {
    expect(() => new ColourTable(3, 3)).toThrow(/hi > lo/);
    expect(() => new ColourTable(0, Number.NaN)).toThrow();
    expect(colourTableFor(-1, 7)).toBe(colourTableFor(-1, 7));
  });
});
