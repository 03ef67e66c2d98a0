// A surface sampled on a grid for d3.contours, with log-spaced thresholds: the loss surfaces span many
// orders of magnitude (Rosenbrock: 0 … 2500), so equal steps would put every line on the walls.

export interface SurfaceGrid {
  cols: number;
  rows: number;
  /** f − min + offset, row-major from the TOP row (largest y), as d3.contours expects. */
  values: Float64Array;
  /** The shift that made every value positive: f = value + shift. */
  shift: number;
}

/** Samples f at cell centres over extent [x0, x1, y0, y1]; row 0 is y1 (top). */
export function sampleSurface(
  f: (x: number, y: number) => number,
  extent: [number, number, number, number],
  cols: number,
  rows: number,
): SurfaceGrid {
  const [x0, x1, y0, y1] = extent;
  const raw = new Float64Array(cols * rows);
  let lo = Infinity;
  let hi = -Infinity;
  for (let r = 0; r < rows; r++) {
    const y = y1 - ((r + 0.5) / rows) * (y1 - y0);
    for (let c = 0; c < cols; c++) {
      const x = x0 + ((c + 0.5) / cols) * (x1 - x0);
      const v = f(x, y);
      raw[r * cols + c] = v;
      if (Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  }
  // Shift so the lowest sample sits a little above 0 (relative to the range): logs stay finite.
  const offset = Number.isFinite(hi - lo) && hi > lo ? (hi - lo) * 1e-4 : 1;
  const shift = Number.isFinite(lo) ? lo - offset : 0;
  const values = raw.map((v) => (Number.isFinite(v) ? v - shift : NaN));
  return { cols, rows, values, shift };
}

/** count thresholds spaced evenly in log between the grid's smallest and largest value. */
export function logThresholds(values: ArrayLike<number>, count: number): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v > 0 && v < Infinity) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!(lo < hi) || count < 1) return [];
  const l0 = Math.log(lo);
  const l1 = Math.log(hi);
  const out: number[] = [];
  // Skip both ends: a contour at the extreme value is a dot or the frame.
  for (let i = 1; i <= count; i++) out.push(Math.exp(l0 + ((l1 - l0) * i) / (count + 1)));
  return out;
}
