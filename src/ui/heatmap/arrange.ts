// How one layer of a run's flat field becomes a 2-D image of cells.
//
// - A 2-D kernel [in, out] (and any rank ≥ 2 shape, as [product of the leading dims, last dim]) is a
//   matrix with one ROW PER OUTPUT UNIT and one column per input: a row is the fan-in of one unit,
//   which is how the A-LR differs most (a dead input is a bright column; a dead unit a bright row), and
//   the layers come out wide and short, so they sit side by side in a card. Conv kernels [k·k·c, f]
//   get one row per filter; the char-LM embedding [vocab, 16] one row per dimension, characters from
//   the most to the least frequent, left to right. A kernel with more than twice as many outputs as
//   inputs (the GRU's [16, 192]) is drawn transposed — one row per input — so that it too is wide,
//   not a tall sliver; `transposed` says so.
// - A 1-D slice [n] (biases) is a single row; above ROW_MAX it wraps into rows of ≥ ROW_MAX cells.
// - `display.kind === 'tiles'` (MNIST layer 1, [784, units]): one tileRows × tileCols tile per unit j
//   (pixel p = r·tileCols + c is element [p, j]), tiles in a grid with a 1-cell gap between them.
// - `display.kind === 'conv'` ([kH, kW, in, filters]): the same tiles, one kH×kW filter per (input
//   channel i, filter o) — element [r, c, i, o] is [r·kW + c, i·filters + o] of a [kH·kW, in·filters]
//   tiled layer — in a grid with one row per input channel and one column per filter.
// - `display.kind === 'gates'` (a GRU / LSTM kernel [in, G·units] or bias [G·units]): the G gates' column
//   blocks side by side, a GATE_GAP-cell gap between them, one row per input (the bias: one row);
//   `gates` gives each block's name and first column, for labels.
//
// The arrangement is a precomputed map from image cell to flat field index (−1 for gaps), so filling
// an image is one pass with one indexed read per cell whatever the layout.

import type { LayerSlice } from '../../engine/session/snapshot-types';
import { t } from '../i18n/translate';

export const ROW_MAX = 32;
export const TILE_GAP = 1;
export const GATE_GAP = 2;

export type ArrangementKind = 'scalar' | 'row' | 'wrapped' | 'matrix' | 'tiles' | 'gates';

/** Values written for cells that are not plain numbers (see aggregate.ts `CODES`). */
export interface GatherCodes {
  /** For NaN ("no data"). */
  nan: number;
  /** For a cell that belongs to no parameter (a gap between tiles, the end of a wrapped row). */
  empty: number;
}

export interface Arrangement {
  kind: ArrangementKind;
  slice: LayerSlice;
  width: number;
  height: number;
  /** For matrices: true when rows are inputs and columns output units (kernels with out > 2·in). */
  transposed: boolean;
  /** For tiles: units per grid row, and the tile size. */
  tiles?: { perRow: number; rows: number; tileRows: number; tileCols: number; units: number };
  /** For conv kernels: the tile grid is input channels (rows) × filters (columns). */
  conv?: { channels: number; filters: number };
  /** For gate-structured layers: each gate's name and its block's first column; `units` per block. */
  gates?: { blocks: { name: string; x: number }[]; units: number };
  /** Flat index into the run's field of cell (x, y), or −1 (outside the image, or a gap). */
  indexAt(x: number, y: number): number;
  /**
   * Copies the layer's float32 bit patterns (`src` is the Uint32 view of the whole flat field) into
   * `dst` (width·height cells, row by row) as Int32 in the form `aggregate` and the colour table want:
   * +0, positive values and +∞ as they are; −0, negatives and −∞ as +0 (all take the lowest colour);
   * every NaN as `codes.nan`; gaps as `codes.empty`.
   */
  gather(src: Uint32Array, dst: Int32Array, codes: GatherCodes): void;
}

/** Position of a flat field index inside its layer, in words for the tooltip. */
export interface CellDescription {
  /** The tensor index, e.g. "[p, j]" → "[407, 3]". */
  index: string;
  /** The tile reading for tiled layers: "unit 3, pixel (14, 15)". */
  detail?: string;
}

export interface ArrangeOptions {
  /** Tiles per grid row for tiled layers (default: about twice as many columns as rows). */
  tilesPerRow?: number;
}

export function defaultTilesPerRow(units: number): number {
  return Math.max(1, Math.min(units, Math.ceil(Math.sqrt(2 * units))));
}

function tiledShape(slice: LayerSlice): { tileRows: number; tileCols: number; units: number } | null {
  const d = slice.display;
  const conv = convShape(slice);
  if (conv) return { tileRows: conv.kH, tileCols: conv.kW, units: conv.channels * conv.filters };
  if (d?.kind !== 'tiles' || slice.shape.length !== 2) return null;
  const [pixels, units] = slice.shape as [number, number];
  if (d.tileRows * d.tileCols !== pixels || units < 1) return null;
  return { tileRows: d.tileRows, tileCols: d.tileCols, units };
}

function convShape(slice: LayerSlice): { kH: number; kW: number; channels: number; filters: number } | null {
  if (slice.display?.kind !== 'conv' || slice.shape.length !== 4) return null;
  const [kH, kW, channels, filters] = slice.shape as [number, number, number, number];
  return kH > 0 && kW > 0 && channels > 0 && filters > 0 ? { kH, kW, channels, filters } : null;
}

/** Gate blocks of a [in, G·units] kernel or [G·units] bias, or null when the shape does not split evenly. */
function gateShape(slice: LayerSlice): { names: readonly string[]; units: number; inputs: number } | null {
  const d = slice.display;
  if (d?.kind !== 'gates' || d.gates.length < 1 || slice.shape.length < 1 || slice.shape.length > 2)
    return null;
  const columns = slice.shape[slice.shape.length - 1] as number;
  const units = columns / d.gates.length;
  if (!Number.isInteger(units) || units < 1) return null;
  return { names: d.gates, units, inputs: slice.shape.length === 2 ? (slice.shape[0] as number) : 1 };
}

/** Lays out one layer as an image. */
export function arrange(slice: LayerSlice, options: ArrangeOptions = {}): Arrangement {
  const { shape, offset, size } = slice;
  const tiled = tiledShape(slice);
  const conv = convShape(slice);
  const gated = tiled ? null : gateShape(slice);
  let width: number;
  let height: number;
  let map: Int32Array;
  let kind: ArrangementKind;
  let tiles: Arrangement['tiles'];
  let gates: Arrangement['gates'];
  let transposed = false;

  if (tiled) {
    const { tileRows, tileCols, units } = tiled;
    // A conv kernel's grid is fixed: one row of filters per input channel.
    const wanted = conv ? conv.filters : (options.tilesPerRow ?? defaultTilesPerRow(units));
    const perRow = Math.max(1, Math.min(units, Math.floor(wanted)));
    const rows = Math.ceil(units / perRow);
    kind = 'tiles';
    tiles = { perRow, rows, tileRows, tileCols, units };
    width = perRow * (tileCols + TILE_GAP) - TILE_GAP;
    height = rows * (tileRows + TILE_GAP) - TILE_GAP;
    map = new Int32Array(width * height).fill(-1);
    for (let j = 0; j < units; j++) {
      const x0 = (j % perRow) * (tileCols + TILE_GAP);
      const y0 = Math.floor(j / perRow) * (tileRows + TILE_GAP);
      for (let r = 0; r < tileRows; r++) {
        const row = (y0 + r) * width + x0;
        for (let c = 0; c < tileCols; c++) map[row + c] = offset + (r * tileCols + c) * units + j;
      }
    }
  } else if (gated) {
    const { names, units, inputs } = gated;
    const columns = names.length * units;
    kind = 'gates';
    gates = { blocks: names.map((name, g) => ({ name, x: g * (units + GATE_GAP) })), units };
    width = columns + (names.length - 1) * GATE_GAP;
    height = inputs;
    map = new Int32Array(width * height).fill(-1);
    for (let y = 0; y < height; y++) {
      for (let g = 0; g < names.length; g++) {
        const x0 = y * width + g * (units + GATE_GAP);
        const src = offset + y * columns + g * units;
        for (let j = 0; j < units; j++) map[x0 + j] = src + j;
      }
    }
  } else if (shape.length >= 2) {
    const out = shape[shape.length - 1] as number;
    const inputs = out > 0 ? size / out : 0;
    kind = 'matrix';
    transposed = out > 2 * inputs;
    width = transposed ? out : inputs;
    height = transposed ? inputs : out;
    map = new Int32Array(width * height);
    for (let y = 0; y < height; y++) {
      const row = y * width;
      // Element [i, o] is at offset + i·out + o; it is drawn at (i, o), or (o, i) when transposed.
      if (transposed) for (let x = 0; x < width; x++) map[row + x] = offset + y * out + x;
      else for (let x = 0; x < width; x++) map[row + x] = offset + x * out + y;
    }
  } else {
    kind = shape.length === 0 ? 'scalar' : size <= ROW_MAX ? 'row' : 'wrapped';
    width = size <= ROW_MAX ? size : Math.max(ROW_MAX, Math.ceil(Math.sqrt(4 * size)));
    height = Math.ceil(size / Math.max(1, width));
    map = new Int32Array(width * height).fill(-1);
    for (let i = 0; i < size; i++) map[i] = offset + i;
  }

  return {
    kind,
    slice,
    width,
    height,
    transposed,
    ...(tiles ? { tiles } : {}),
    ...(conv ? { conv: { channels: conv.channels, filters: conv.filters } } : {}),
    ...(gates ? { gates } : {}),
    indexAt(x, y) {
      if (!(x >= 0 && x < width && y >= 0 && y < height)) return -1;
      return map[Math.floor(y) * width + Math.floor(x)] as number;
    },
    gather(src, dst, codes) {
      const { nan, empty } = codes;
      const n = width * height;
      for (let i = 0; i < n; i++) {
        const k = map[i] as number;
        if (k < 0) {
          dst[i] = empty;
          continue;
        }
        const u = src[k] as number;
        // Branches in order of likelihood: a positive finite value, then ≤ 0, then NaN.
        dst[i] = u <= 0x7f800000 ? u : u >= 0x80000000 && u <= 0xff800000 ? 0 : nan;
      }
    },
  };
}

/** The tensor index of a flat field index inside `slice`, and its tile reading for tiled layers. */
export function describeCell(slice: LayerSlice, flat: number): CellDescription {
  let local = flat - slice.offset;
  const dims: number[] = [];
  for (let d = slice.shape.length - 1; d >= 0; d--) {
    const n = slice.shape[d] as number;
    dims.unshift(local % n);
    local = Math.floor(local / n);
  }
  const index = `[${dims.join(', ')}]`;
  if (convShape(slice)) {
    const [row, col, channel, filter] = dims as [number, number, number, number];
    return { index, detail: t('heatmap.convCell', { filter, channel, row, col }) };
  }
  const gated = gateShape(slice);
  if (gated) {
    const column = dims[dims.length - 1] as number;
    const gate = gated.names[Math.floor(column / gated.units)] ?? '?';
    const unit = column % gated.units;
    const detail =
      dims.length === 2
        ? t('heatmap.gateCell', { gate, unit, input: dims[0] as number })
        : t('heatmap.gateBiasCell', { gate, unit });
    return { index, detail };
  }
  const tiled = tiledShape(slice);
  if (!tiled) return { index };
  const [p, j] = dims as [number, number];
  const r = Math.floor(p / tiled.tileCols);
  const c = p % tiled.tileCols;
  return { index, detail: t('heatmap.tileCell', { unit: j, row: r, col: c }) };
}

/** "784×128", "[ ]" for a scalar. */
export function shapeText(shape: readonly number[]): string {
  return shape.length === 0 ? t('heatmap.scalar') : shape.join('×');
}
