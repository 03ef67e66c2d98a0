// A snapshot carries the whole A-LR field as one flat Float32Array (one transfer, one readback) plus
// the layout saying which slice is which layer. Per-layer statistics read `subarray` views of it.

import {
  float32Percentiles,
  type PercentileResult,
  type Percentiles,
  percentilesWithCounts,
  RADIX_FROM,
} from './percentiles';
import { radixCountFinite } from './radix-ranks';

export interface LayerSlice {
  /** Variable name, e.g. "dense_1/kernel"; unique within a layout (it keys the per-layer records). */
  name: string;
  /** The variable's shape; its product is `size` ([] is a scalar, size 1). */
  shape: readonly number[];
  /** First index in the flat field. */
  offset: number;
  /** Number of values. */
  size: number;
}

/** Lays the variables end to end in the given order: the layout the engine builds for a model. */
export function layoutFromShapes(
  variables: readonly { name: string; shape: readonly number[] }[],
): LayerSlice[] {
  let offset = 0;
  return variables.map(({ name, shape }) => {
    const size = shapeSize(shape);
    const slice = { name, shape: [...shape], offset, size };
    offset += size;
    return slice;
  });
}

/** Total length of the field a layout describes (the end of its last slice). */
export function layoutLength(layout: readonly LayerSlice[]): number {
  let end = 0;
  for (const s of layout) end = Math.max(end, s.offset + s.size);
  return end;
}

/**
 * Throws an Error naming the layer and the problem unless the slices tile [0, fieldLength) exactly:
 * unique non-empty names, non-negative integer offset and size, shape product = size, no overlap, no
 * gap, nothing past the end. Slices may be listed in any order. Cheap: O(layers log layers).
 */
export function checkLayout(layout: readonly LayerSlice[], fieldLength: number): void {
  if (!isCount(fieldLength)) throw new Error(`field length ${fieldLength} is not a non-negative integer`);
  const names = new Set<string>();
  for (const s of layout) {
    if (typeof s.name !== 'string' || s.name === '') throw new Error('layer with an empty name');
    if (names.has(s.name)) throw new Error(`layer "${s.name}" appears twice`);
    names.add(s.name);
    if (!isCount(s.offset))
      throw new Error(`layer "${s.name}": offset ${s.offset} is not a non-negative integer`);
    if (!isCount(s.size)) throw new Error(`layer "${s.name}": size ${s.size} is not a non-negative integer`);
    if (!s.shape.every(isCount))
      throw new Error(`layer "${s.name}": shape [${s.shape}] has a non-integer or negative dimension`);
    const product = shapeSize(s.shape);
    if (product !== s.size)
      throw new Error(`layer "${s.name}": shape [${s.shape}] holds ${product} values, size says ${s.size}`);
    if (s.offset + s.size > fieldLength) {
      throw new Error(
        `layer "${s.name}": [${s.offset}, ${s.offset + s.size}) runs past the field's end ${fieldLength}`,
      );
    }
  }
  const byOffset = [...layout].sort((x, y) => x.offset - y.offset || x.size - y.size);
  let end = 0;
  let previous = '';
  for (const s of byOffset) {
    if (s.offset > end) throw new Error(`gap [${end}, ${s.offset}) before layer "${s.name}"`);
    if (s.offset < end)
      throw new Error(`layer "${s.name}" at ${s.offset} overlaps "${previous}", which ends at ${end}`);
    end = s.offset + s.size;
    previous = s.name;
  }
  if (end !== fieldLength) throw new Error(`gap [${end}, ${fieldLength}) after the last layer`);
}

/** The layer's values as a view on the field (no copy). */
export function layerView(field: Float32Array, slice: LayerSlice): Float32Array {
  return field.subarray(slice.offset, slice.offset + slice.size);
}

/**
 * Percentiles and finite / non-finite counts per layer, keyed by layer name. Checks the layout first.
 * `scratch` (a Float32Array at least as long as the largest layer) is reused across layers; without it
 * one is allocated per call.
 */
export function perLayerStats(
  field: Float32Array,
  layout: readonly LayerSlice[],
  scratch?: Float32Array,
): Record<string, PercentileResult> {
  checkLayout(layout, field.length);
  let largest = 0;
  for (const s of layout) largest = Math.max(largest, s.size);
  const buf = scratch && scratch.length >= largest ? scratch : new Float32Array(largest);
  // fromEntries defines own properties, so a layer named "__proto__" is a key like any other.
  return Object.fromEntries(layout.map((s) => [s.name, percentilesWithCounts(layerView(field, s), buf)]));
}

/** Percentiles of the finite values per layer, keyed by layer name (all NaN for an empty layer). */
export function perLayerPercentiles(
  field: Float32Array,
  layout: readonly LayerSlice[],
  scratch?: Float32Array,
): Record<string, Percentiles> {
  const stats = perLayerStats(field, layout, scratch);
  return Object.fromEntries(Object.entries(stats).map(([name, s]) => [name, s.percentiles]));
}

/**
 * The field's percentiles and each layer's, the same numbers as `percentiles(field)` and
 * `perLayerPercentiles` give, with one counting pass fewer: the largest layer's bucket counts are
 * counted once and the rest of the field's are added to them (radix-ranks.ts). In an MLP the first
 * layer is most of the field (100,352 of fig1-mnist's 109,386 values), so this saves a pass over it.
 */
export function fieldAndLayerPercentiles(
  field: Float32Array,
  layout: readonly LayerSlice[],
  scratch?: Float32Array,
): { field: Percentiles; layers: Record<string, Percentiles> } {
  checkLayout(layout, field.length);
  let big: LayerSlice | undefined;
  for (const s of layout) if (s.size >= RADIX_FROM && (!big || s.size > big.size)) big = s;
  if (!big) {
    const layers = perLayerPercentiles(field, layout, scratch);
    return { field: percentilesWithCounts(field, scratch).percentiles, layers };
  }
  let largest = 0;
  for (const s of layout) if (s !== big) largest = Math.max(largest, s.size);
  const buf = scratch && scratch.length >= largest ? scratch : new Float32Array(largest);
  // Every other layer first: a large one among them counts with the same buckets.
  const stats = new Map<LayerSlice, Percentiles>();
  for (const s of layout)
    if (s !== big) stats.set(s, percentilesWithCounts(layerView(field, s), buf).percentiles);
  const bigView = layerView(field, big);
  const bigFinite = radixCountFinite(bigView, false);
  stats.set(big, float32Percentiles(bigView, bigFinite).percentiles);
  let finite = bigFinite;
  for (const s of layout) if (s !== big) finite += radixCountFinite(layerView(field, s), true);
  const whole = float32Percentiles(field, finite).percentiles;
  return {
    field: whole,
    layers: Object.fromEntries(layout.map((s) => [s.name, stats.get(s) as Percentiles])),
  };
}

function shapeSize(shape: readonly number[]): number {
  let size = 1;
  for (const d of shape) size *= d;
  return size;
}

function isCount(x: number): boolean {
  return Number.isInteger(x) && x >= 0;
}
