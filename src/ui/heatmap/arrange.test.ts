import { describe, expect, it } from 'vitest';
import type { LayerSlice } from '../../engine/session/snapshot-types';
import { arrange, describeCell, ROW_MAX, shapeText } from './arrange';

const TILES = { kind: 'tiles', tileRows: 28, tileCols: 28 } as const;
const CODES = { nan: -1, empty: -65537 };

function bitsField(values: number[]): Uint32Array {
  return new Uint32Array(Float32Array.from(values).buffer);
}

describe('arrange', () => {
  it('draws a 2-D kernel [in, out] with one row per output unit', () => {
    const slice: LayerSlice = { name: 'dense2/kernel', shape: [3, 2], offset: 5, size: 6 };
    const a = arrange(slice);
    expect(a.kind).toBe('matrix');
    expect([a.width, a.height]).toEqual([3, 2]);
    // Element [i, o] sits at offset + i·out + o and is drawn at (x = i, y = o).
    expect(a.indexAt(0, 0)).toBe(5);
    expect(a.indexAt(1, 0)).toBe(7);
    expect(a.indexAt(2, 1)).toBe(5 + 2 * 2 + 1);
    expect(a.indexAt(3, 0)).toBe(-1);
    expect(a.indexAt(-1, 0)).toBe(-1);
    const field = bitsField([9, 9, 9, 9, 9, 0, 1, 2, 3, 4, 5]);
    const dst = new Int32Array(6);
    a.gather(field, dst, CODES);
    expect([...new Float32Array(dst.buffer)]).toEqual([0, 2, 4, 1, 3, 5]);
  });

  it('draws a kernel with more than twice as many outputs as inputs transposed, one row per input', () => {
    const a = arrange({ name: 'gru/input-kernel', shape: [2, 5], offset: 1, size: 10 });
    expect([a.kind, a.transposed, a.width, a.height]).toEqual(['matrix', true, 5, 2]);
    expect(a.indexAt(3, 1)).toBe(1 + 1 * 5 + 3); // element [1, 3]
    expect(arrange({ name: 'k', shape: [2, 4], offset: 0, size: 8 }).transposed).toBe(false);
  });

  it('treats higher-rank shapes as [product of leading dims, last dim]', () => {
    const a = arrange({ name: 'conv', shape: [2, 2, 3, 4], offset: 0, size: 48 });
    expect([a.kind, a.width, a.height]).toEqual(['matrix', 12, 4]);
    expect(a.indexAt(11, 3)).toBe(47);
  });

  it('draws a short 1-D slice as one row and wraps a long one', () => {
    const row = arrange({ name: 'b', shape: [10], offset: 2, size: 10 });
    expect([row.kind, row.width, row.height]).toEqual(['row', 10, 1]);
    expect(row.indexAt(9, 0)).toBe(11);
    const wrapped = arrange({ name: 'b', shape: [130], offset: 0, size: 130 });
    expect(wrapped.kind).toBe('wrapped');
    expect(wrapped.width).toBeGreaterThanOrEqual(ROW_MAX);
    expect(wrapped.width * wrapped.height).toBeGreaterThanOrEqual(130);
    expect(wrapped.indexAt(1, 1)).toBe(wrapped.width + 1);
    const last = wrapped.width * wrapped.height - 1;
    expect(wrapped.indexAt(last % wrapped.width, wrapped.height - 1)).toBe(-1); // past the end: empty
    const scalar = arrange({ name: 's', shape: [], offset: 0, size: 1 });
    expect([scalar.kind, scalar.width, scalar.height]).toEqual(['scalar', 1, 1]);
  });

  it("draws MNIST's first layer as one 28×28 tile per unit with 1-cell gaps", () => {
    const slice: LayerSlice = {
      name: 'dense1/kernel',
      shape: [784, 128],
      offset: 0,
      size: 784 * 128,
      display: TILES,
    };
    const a = arrange(slice, { tilesPerRow: 16 });
    expect(a.kind).toBe('tiles');
    expect([a.width, a.height]).toEqual([16 * 29 - 1, 8 * 29 - 1]);
    // Unit j's tile: pixel (r, c) is element [r·28 + c, j] at (r·28 + c)·128 + j.
    expect(a.indexAt(0, 0)).toBe(0);
    expect(a.indexAt(27, 0)).toBe(27 * 128);
    expect(a.indexAt(28, 0)).toBe(-1); // the gap
    expect(a.indexAt(29, 0)).toBe(1); // unit 1, pixel (0, 0)
    expect(a.indexAt(29 + 5, 3)).toBe((3 * 28 + 5) * 128 + 1);
    expect(a.indexAt(0, 29)).toBe(16); // second row of tiles starts with unit 16
    expect(a.indexAt(15 * 29 + 27, 7 * 29 + 27)).toBe(783 * 128 + 127);
    // An uneven grid leaves the missing tiles empty.
    const uneven = arrange(slice, { tilesPerRow: 13 });
    expect([uneven.width, uneven.height]).toEqual([13 * 29 - 1, 10 * 29 - 1]);
    expect(uneven.indexAt(0, 9 * 29)).toBe(117); // the last row holds units 117 … 127
    expect(uneven.indexAt(10 * 29, 9 * 29)).toBe(127);
    expect(uneven.indexAt(11 * 29, 9 * 29)).toBe(-1); // unit 128 does not exist
    // A tiles hint that does not match the shape falls back to the matrix.
    expect(arrange({ ...slice, shape: [100, 128], size: 12800 }).kind).toBe('matrix');
  });

  it('gathers bit patterns in canonical form: ≤ 0 → +0, NaN → code, gaps → code, +∞ kept', () => {
    const a = arrange({ name: 'b', shape: [7], offset: 0, size: 7 });
    const field = bitsField([1.5, 0, -0, -3, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NaN]);
    field[6] = 0xffc00001; // a negative NaN with a payload
    const dst = new Int32Array(7);
    a.gather(field, dst, CODES);
    const asFloat = new Float32Array(dst.buffer);
    expect(asFloat[0]).toBe(1.5);
    expect([dst[1], dst[2], dst[3], dst[4]]).toEqual([0, 0, 0, 0]);
    expect(asFloat[5]).toBe(Number.POSITIVE_INFINITY);
    expect(dst[6]).toBe(CODES.nan);
    const tiles = arrange(
      { name: 'k', shape: [4, 2], offset: 0, size: 8, display: { kind: 'tiles', tileRows: 2, tileCols: 2 } },
      { tilesPerRow: 2 },
    );
    const out = new Int32Array(tiles.width * tiles.height);
    tiles.gather(bitsField([1, 2, 3, 4, 5, 6, 7, 8]), out, CODES);
    expect(out[2]).toBe(CODES.empty);
    expect(new Float32Array(out.buffer)[0]).toBe(1); // unit 0, pixel 0
    expect(new Float32Array(out.buffer)[3]).toBe(2); // unit 1, pixel 0
  });

  it('describes a cell by its tensor index, and a tile cell by unit and pixel', () => {
    const tiles: LayerSlice = {
      name: 'dense1/kernel',
      shape: [784, 128],
      offset: 10,
      size: 100352,
      display: TILES,
    };
    expect(describeCell(tiles, 10 + (14 * 28 + 15) * 128 + 3)).toEqual({
      index: '[407, 3]',
      detail: 'unit 3, pixel (14, 15)',
    });
    expect(describeCell({ name: 'b', shape: [64], offset: 100, size: 64 }, 163)).toEqual({ index: '[63]' });
    expect(describeCell({ name: 'c', shape: [2, 3, 4], offset: 0, size: 24 }, 23)).toEqual({
      index: '[1, 2, 3]',
    });
    expect(shapeText([784, 128])).toBe('784×128');
  });

  it('draws a conv kernel [kH, kW, in, filters] as one kH×kW tile per (input channel, filter)', () => {
    const slice: LayerSlice = {
      name: 'conv2/kernel',
      shape: [5, 5, 2, 3],
      offset: 7,
      size: 150,
      display: { kind: 'conv' },
    };
    const a = arrange(slice, { tilesPerRow: 1 }); // the grid is fixed: the option is ignored
    expect([a.kind, a.conv, a.tiles?.perRow, a.tiles?.rows]).toEqual([
      'tiles',
      { channels: 2, filters: 3 },
      3,
      2,
    ]);
    expect([a.width, a.height]).toEqual([3 * 6 - 1, 2 * 6 - 1]);
    // Input channel 1 (second tile row), filter 2 (third tile column), tap (4, 3): element [4, 3, 1, 2].
    const flat = 7 + ((4 * 5 + 3) * 2 + 1) * 3 + 2;
    expect(a.indexAt(2 * 6 + 3, 6 + 4)).toBe(flat);
    expect(a.indexAt(5, 0)).toBe(-1); // the gap between filters
    expect(a.indexAt(0, 5)).toBe(-1); // the gap between input channels
    expect(describeCell(slice, flat)).toEqual({
      index: '[4, 3, 1, 2]',
      detail: 'filter 2, input channel 1, tap (4, 3)',
    });
    // Every element is drawn exactly once.
    const seen = new Set<number>();
    for (let y = 0; y < a.height; y++)
      for (let x = 0; x < a.width; x++) if (a.indexAt(x, y) >= 0) seen.add(a.indexAt(x, y));
    expect(seen.size).toBe(150);
    expect(Math.min(...seen)).toBe(7);
    expect(Math.max(...seen)).toBe(156);
  });

  it('splits a GRU kernel [in, 3·units] into gate blocks z, r, h, one row per input, and names the gate', () => {
    const display = { kind: 'gates', gates: ['z', 'r', 'h'] } as const;
    const slice: LayerSlice = { name: 'gru/recurrent-kernel', shape: [2, 6], offset: 3, size: 12, display };
    const a = arrange(slice);
    expect([a.kind, a.width, a.height]).toEqual(['gates', 3 * 2 + 2 * 2, 2]);
    expect(a.gates).toEqual({
      blocks: [
        { name: 'z', x: 0 },
        { name: 'r', x: 4 },
        { name: 'h', x: 8 },
      ],
      units: 2,
    });
    expect(a.indexAt(0, 0)).toBe(3); // [0, 0]: gate z, unit 0
    expect(a.indexAt(4, 1)).toBe(3 + 6 + 2); // [1, 2]: gate r, unit 0, input 1
    expect(a.indexAt(9, 1)).toBe(3 + 6 + 5); // [1, 5]: gate h, unit 1
    expect(a.indexAt(2, 0)).toBe(-1); // the gap between z and r
    const out = new Int32Array(a.width * a.height);
    a.gather(bitsField([9, 9, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), out, CODES);
    expect(out[2]).toBe(CODES.empty);
    expect(new Float32Array(out.buffer)[a.width + 9]).toBe(11);
    expect(describeCell(slice, 3 + 6 + 5)).toEqual({ index: '[1, 5]', detail: 'gate h, unit 1, input 1' });
    const bias: LayerSlice = { name: 'gru/bias', shape: [6], offset: 0, size: 6, display };
    expect([arrange(bias).kind, arrange(bias).width, arrange(bias).height]).toEqual(['gates', 10, 1]);
    expect(describeCell(bias, 3)).toEqual({ index: '[3]', detail: 'gate r, unit 1' });
  });

  it('splits an LSTM kernel [in, 4·units] into four gate blocks i, f, g, o; each weight drawn once', () => {
    const display = { kind: 'gates', gates: ['i', 'f', 'g', 'o'] } as const;
    const units = 3;
    const inputs = 2;
    const offset = 5;
    const slice: LayerSlice = {
      name: 'lstm/input-kernel',
      shape: [inputs, 4 * units],
      offset,
      size: inputs * 4 * units,
      display,
    };
    const a = arrange(slice);
    expect([a.kind, a.width, a.height]).toEqual(['gates', 4 * units + 3 * 2, inputs]);
    expect(a.gates?.blocks).toEqual([
      { name: 'i', x: 0 },
      { name: 'f', x: 5 },
      { name: 'g', x: 10 },
      { name: 'o', x: 15 },
    ]);
    // Every weight appears exactly once, in its gate's block at (block x + unit, input).
    const seen = new Map<number, [number, number]>();
    for (let y = 0; y < a.height; y++)
      for (let x = 0; x < a.width; x++) {
        const k = a.indexAt(x, y);
        if (k < 0) continue;
        expect(seen.has(k)).toBe(false);
        seen.set(k, [x, y]);
      }
    expect([...seen.keys()].sort((p, q) => p - q)).toEqual(
      Array.from({ length: slice.size }, (_, k) => offset + k),
    );
    // [1, 10] is the output gate (columns 9–11), unit 1, input 1: drawn at (15 + 1, 1).
    expect(seen.get(offset + 12 + 10)).toEqual([16, 1]);
    expect(describeCell(slice, offset + 12 + 10)).toEqual({
      index: '[1, 10]',
      detail: 'gate o, unit 1, input 1',
    });
    expect(describeCell(slice, offset + 4)).toEqual({ index: '[0, 4]', detail: 'gate f, unit 1, input 0' });
    const bias: LayerSlice = { name: 'lstm/bias', shape: [12], offset: 0, size: 12, display };
    expect([arrange(bias).kind, arrange(bias).width, arrange(bias).height]).toEqual(['gates', 18, 1]);
    expect(arrange(bias).indexAt(10, 0)).toBe(6); // gate g, unit 0
    expect(describeCell(bias, 8)).toEqual({ index: '[8]', detail: 'gate g, unit 2' });
  });

  it('falls back to the plain arrangement when a structure does not fit the shape', () => {
    const gates = { kind: 'gates', gates: ['z', 'r', 'h'] } as const;
    expect(arrange({ name: 'b', shape: [7], offset: 0, size: 7, display: gates }).kind).toBe('row');
    expect(describeCell({ name: 'b', shape: [7], offset: 0, size: 7, display: gates }, 3)).toEqual({
      index: '[3]',
    });
    expect(arrange({ name: 'k', shape: [25, 6], offset: 0, size: 150, display: { kind: 'conv' } }).kind).toBe(
      'matrix',
    );
  });
});
