import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../stats/random';
import { type AggregateOp, aggregate, aggregatedSize, CODES, representativeCell } from './aggregate';
import { arrange } from './arrange';
import { ColourTable, EMPTY_INDEX, NO_DATA_INDEX, PALETTE } from './color-table';

/** The obvious implementation on numbers: NaN and gaps skipped, ≤ 0 as 0. */
function naive(op: AggregateOp, cells: (number | 'gap')[], width: number, height: number, f: number) {
  const { width: w, height: h } = aggregatedSize(width, height, f);
  const out: (number | 'nan' | 'gap')[] = [];
  for (let oy = 0; oy < h; oy++)
    for (let ox = 0; ox < w; ox++) {
      const values: number[] = [];
      let sawNaN = false;
      for (let y = oy * f; y < Math.min(height, oy * f + f); y++)
        for (let x = ox * f; x < Math.min(width, ox * f + f); x++) {
          const c = cells[y * width + x] as number | 'gap';
          if (c === 'gap') continue;
          if (Number.isNaN(c)) sawNaN = true;
          else values.push(Math.max(0, c));
        }
      if (values.length === 0) out.push(sawNaN ? 'nan' : 'gap');
      else if (op === 'max') out.push(Math.max(...values));
      else if (op === 'min') out.push(Math.min(...values));
      else out.push(Math.fround(values.reduce((a, b) => a + b, 0) / values.length));
    }
  return out;
}

function encode(op: AggregateOp, cells: (number | 'gap')[]): Int32Array {
  const out = new Int32Array(cells.length);
  const asFloat = new Float32Array(out.buffer);
  cells.forEach((c, i) => {
    if (c === 'gap') out[i] = CODES[op].empty;
    else if (Number.isNaN(c)) out[i] = CODES[op].nan;
    else asFloat[i] = Math.max(0, c);
  });
  return out;
}

function decode(op: AggregateOp, data: Int32Array) {
  const asFloat = new Float32Array(data.buffer, data.byteOffset, data.length);
  return [...data].map((k, i) =>
    k === CODES[op].nan ? 'nan' : k === CODES[op].empty ? 'gap' : (asFloat[i] as number),
  );
}

/** Cells spanning 12 decades with zeros, negatives, ±∞, NaN and gaps mixed in. */
function randomCells(n: number, rand: () => number): (number | 'gap')[] {
  return Array.from({ length: n }, () => {
    const r = rand();
    if (r < 0.05) return 'gap';
    if (r < 0.1) return Number.NaN;
    if (r < 0.12) return 0;
    if (r < 0.13) return -rand();
    if (r < 0.135) return Number.POSITIVE_INFINITY;
    return Math.fround(10 ** (-4 + 12 * rand()));
  });
}

describe('aggregate', () => {
  for (const op of ['max', 'min', 'mean'] as const) {
    for (const [width, height, f] of [
      [8, 6, 2],
      [9, 7, 2], // odd: a last column and a last row of half blocks
      [13, 7, 3], // partial blocks at the right and bottom edges
      [40, 33, 4],
      [41, 34, 2],
      [5, 5, 1],
      [3, 2, 5], // one block bigger than the image
    ] as const) {
      it(`${op} of ${f}×${f} blocks over ${width}×${height} matches the obvious loop`, () => {
        const rand = mulberry32(width * 1000 + height * 10 + f);
        const cells = randomCells(width * height, rand);
        const size = aggregatedSize(width, height, f);
        const dst = new Int32Array(size.width * size.height);
        aggregate(op, encode(op, cells), width, height, f, dst);
        const got = decode(op, dst);
        const want = naive(op, cells, width, height, f);
        if (op === 'mean') {
          got.forEach((g, i) => {
            const w = want[i];
            if (typeof w === 'number' && typeof g === 'number') expect(g).toBeCloseTo(w, 0);
            else expect(g).toBe(w);
          });
          // Relative check for the finite means (they span 12 decades).
          got.forEach((g, i) => {
            const w = want[i];
            if (typeof w === 'number' && typeof g === 'number' && Number.isFinite(w))
              expect(Math.abs(g - w)).toBeLessThanOrEqual(Math.abs(w) * 1e-6);
          });
        } else expect(got).toEqual(want);
      });
    }
  }

  it('prefers "no data" to "empty" when a block has both but no value', () => {
    for (const op of ['max', 'min', 'mean'] as const) {
      const dst = new Int32Array(1);
      aggregate(op, encode(op, ['gap', Number.NaN, 'gap', 'gap']), 2, 2, 2, dst);
      expect(decode(op, dst)).toEqual(['nan']);
      aggregate(op, encode(op, ['gap', 'gap', 'gap', 'gap']), 2, 2, 2, dst);
      expect(decode(op, dst)).toEqual(['gap']);
    }
  });

  it('hands the colour table codes it paints as grey (no data) and transparent (empty)', () => {
    const table = new ColourTable(-2, 8);
    const paintOne = (bits: number) => {
      const out = new Uint32Array(1);
      table.paint(Int32Array.of(bits), new Int32Array(out.buffer));
      return out[0];
    };
    for (const op of ['max', 'min'] as const) {
      expect(paintOne(CODES[op].nan)).toBe(PALETTE[NO_DATA_INDEX]);
      expect(paintOne(CODES[op].empty)).toBe(PALETTE[EMPTY_INDEX]);
    }
  });

  it('refuses a destination too small', () => {
    expect(() => aggregate('max', new Int32Array(16), 4, 4, 2, new Int32Array(3))).toThrow(/needs 4/);
  });

  it('names the cell behind an aggregated pixel: the extreme for max/min, the pointed one for mean', () => {
    const a = arrange({ name: 'k', shape: [4, 4], offset: 0, size: 16 }); // x = input i, y = unit o
    const field = new Float32Array(16).fill(1);
    field[2 * 4 + 1] = 1e8; // [2, 1]: drawn at (2, 1)
    field[3 * 4 + 0] = 1e-3; // [3, 0]: drawn at (3, 0)
    expect(representativeCell('max', a, field, 4, 0.2, 0.2)).toEqual({ x: 2, y: 1, flat: 9 });
    expect(representativeCell('min', a, field, 4, 0.2, 0.2)).toEqual({ x: 3, y: 0, flat: 12 });
    expect(representativeCell('mean', a, field, 4, 1.5, 3.9)).toEqual({ x: 1, y: 3, flat: 4 + 3 });
    expect(representativeCell('max', a, field, 1, 3, 3)).toEqual({ x: 3, y: 3, flat: 15 });
    const gaps = arrange({ name: 'b', shape: [65], offset: 0, size: 65 }); // wraps: row 2 mostly empty
    expect(representativeCell('mean', gaps, new Float32Array(65), 1, 5, gaps.height - 1)).toBeNull();
  });
});
