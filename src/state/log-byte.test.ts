import { describe, expect, it } from 'vitest';
import { byteValue, logByte, logBytes, MAX_EXP, MIN_EXP } from './log-byte';

const bitsToFloats = (bits: number[]) => new Float32Array(Uint32Array.from(bits).buffer);

describe('logBytes (the table gives the bytes of logByte, without a logarithm per value)', () => {
  it('agrees with logByte on every level boundary, its neighbours and the special values', () => {
    const values: number[] = [0, -0, -1, 1e-45, 1e-38, 1e-5, 1e-4, 1, 72.13, 1e8, 1e10, 3e38];
    values.push(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1e8);
    const field = Float32Array.from(values);
    // Each level's exact boundary as float32 bit patterns: the first pattern of the level and the two before.
    const bits: number[] = [];
    const probe = new Float32Array(1);
    const probeBits = new Uint32Array(probe.buffer);
    for (let b = 1; b < 255; b++) {
      probe[0] = 10 ** ((b - 0.5) / ((254 / (MAX_EXP - MIN_EXP)) as number) + MIN_EXP);
      for (let d = -3; d <= 3; d++) bits.push((probeBits[0] as number) + d);
    }
    for (const input of [field, bitsToFloats(bits)]) {
      const fast = logBytes(input, input.length);
      const slow = Uint8Array.from(input, logByte);
      expect([...fast]).toEqual([...slow]);
    }
    expect(logBytes(field, field.length)[field.length - 2]).toBe(0); // -∞
    expect(new Set(logBytes(bitsToFloats(bits), bits.length)).size).toBeGreaterThan(250);
  });

  it('agrees with logByte on a million random bit patterns (every exponent, both signs)', () => {
    let seed = 12345;
    const next = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed;
    };
    const bits = Array.from({ length: 1_000_000 }, next);
    const field = bitsToFloats(bits);
    const fast = logBytes(field, field.length);
    let mismatches = 0;
    for (let i = 0; i < field.length; i++) if (fast[i] !== logByte(field[i] as number)) mismatches++;
    expect(mismatches).toBe(0);
  });

  it('pads a short (or transferred, empty) field with "no data" and reads a view at an offset', () => {
    expect([...logBytes(new Float32Array(0), 3)]).toEqual([0, 0, 0]);
    const backing = Float32Array.from([5, 1e3, 1e-2, 7]);
    const view = backing.subarray(1, 3);
    expect([...logBytes(view, 2)]).toEqual([logByte(1e3), logByte(1e-2)]);
    expect(Math.abs(Math.log10(byteValue(logByte(1e3))) - 3)).toBeLessThan(0.03);
    expect(Number.isNaN(byteValue(0))).toBe(true);
  });
});
