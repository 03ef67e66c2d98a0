// A snapshot carries the whole A-LR field as one flat Float32Array (one transfer, one readback) plus
// the layout saying which slice is which layer (the heatmaps cut their panels from it).

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

function shapeSize(shape: readonly number[]): number {
  let size = 1;
  for (const d of shape) size *= d;
  return size;
}

function isCount(x: number): boolean {
  return Number.isInteger(x) && x >= 0;
}
