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

describe('colour table', () => {
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

  it('maps specials apart: NaN grey, ≤ 0 and −∞ lowest, +∞ highest, empty markers transparent', () => {
    const t = new ColourTable(-2, 8);
    expect(t.indexOf(Number.NaN)).toBe(NO_DATA_INDEX);
    expect(t.indexOfBits(0xffc00000)).toBe(NO_DATA_INDEX); // negative quiet NaN
    expect(t.indexOfBits(0x7f800001)).toBe(NO_DATA_INDEX); // NaN in +∞'s bucket
    expect(t.indexOfBits(0xff800001)).toBe(NO_DATA_INDEX); // NaN in −∞'s bucket
    expect(t.indexOf(0)).toBe(0);
    expect(t.indexOf(-0)).toBe(0);
    expect(t.indexOf(-5)).toBe(0);
    expect(t.indexOf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(t.indexOf(Number.POSITIVE_INFINITY)).toBe(COLOURS - 1);
    expect(t.indexOf(1e-30)).toBe(0);
    expect(t.indexOf(3e38)).toBe(COLOURS - 1);
    expect(t.indexOfBits(EMPTY_BITS_LOW)).toBe(EMPTY_INDEX);
    expect(t.indexOfBits(EMPTY_BITS_HIGH)).toBe(EMPTY_INDEX);
    expect(t.indexOfBits(EMPTY_BITS_LOW - 1)).toBe(NO_DATA_INDEX);
    expect(t.indexOfBits(EMPTY_BITS_HIGH - 1)).toBe(NO_DATA_INDEX);
    expect(t.indexOfBits(0xffffffff)).toBe(NO_DATA_INDEX);
  });

  it('puts the domain ends and decades where they belong', () => {
    const t = new ColourTable(-2, 8);
    expect(t.indexOf(1e-2)).toBe(0);
    expect(t.indexOf(1e8)).toBe(COLOURS - 1);
    expect(t.indexOf(1e3)).toBe(colourIndex(1e3, -2, 8));
    expect(t.indexOf(1e3)).toBe(128); // half way: (3 − (−2)) / 10 · 256
  });

  for (const [lo, hi] of [
    [-2, 8],
    [0, 8],
    [-4, 10],
    [1.3, 2.1], // narrower than 0.87 decade: buckets with several boundaries take the exact path
    [0.5, 0.51],
    [-45, 39], // past float32's range at both ends
  ] as const) {
    it(`agrees with a plain log10 on every kind of float (domain [${lo}, ${hi}])`, () => {
      const t = new ColourTable(lo, hi);
      const rand = mulberry32(Math.round(lo * 1000 + hi));
      let worst = 0;
      const check = (bits: number) => {
        const off = Math.abs(t.indexOfBits(bits) - reference(bits, lo, hi));
        if (off > worst) worst = off;
      };
      // Random bit patterns (every sign, exponent, NaN payload), random values inside the domain, and
      // the float32 neighbours of every colour boundary, where a bucket lookup alone would go wrong.
      for (let i = 0; i < 200_000; i++) check(Math.floor(rand() * 4294967296));
      for (let i = 0; i < 200_000; i++) check(bitsOf(10 ** (lo - 0.5 + rand() * (hi - lo + 1))));
      for (let k = 0; k <= COLOURS; k++) {
        const b = bitsOf(10 ** (lo + (k * (hi - lo)) / COLOURS));
        for (let d = -3; d <= 3; d++) check((b + d) >>> 0);
      }
      expect(worst).toBe(0); // exact; the brief allows one colour off
    });
  }

  it('paints bit patterns into RGBA words through the fast path', () => {
    const t = new ColourTable(-2, 8);
    const values = Float32Array.from([Number.NaN, 0, 1e-2, 1, 1e3, 1e8, Number.POSITIVE_INFINITY, -1]);
    const out = new Uint32Array(values.length);
    t.paint(new Int32Array(values.buffer), new Int32Array(out.buffer));
    const expected = [...values].map((v) => PALETTE[colourIndex(v, -2, 8)]);
    expect([...out]).toEqual(expected);
    for (const [lo, hi] of [
      [-2, 8],
      [0.5, 0.51],
      [-45, 39],
    ] as const) {
      const table = new ColourTable(lo, hi);
      const rand = mulberry32(7);
      const bits = new Uint32Array(100_000);
      for (let i = 0; i < bits.length; i += 2) {
        bits[i] = Math.floor(rand() * 4294967296);
        bits[i + 1] = bitsOf(10 ** (lo - 0.5 + rand() * (hi - lo + 1)));
      }
      const painted = new Uint32Array(bits.length);
      table.paint(new Int32Array(bits.buffer), new Int32Array(painted.buffer));
      const want = Uint32Array.from(bits, (b) => PALETTE[reference(b, lo, hi)] as number);
      expect(painted).toEqual(want);
    }
  });

  it('rejects an empty or non-finite domain and caches tables per domain', () => {
    expect(() => new ColourTable(3, 3)).toThrow(/hi > lo/);
    expect(() => new ColourTable(0, Number.NaN)).toThrow();
    expect(colourTableFor(-1, 7)).toBe(colourTableFor(-1, 7));
  });
});
