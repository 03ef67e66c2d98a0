// softplus for the fused loops without Math.exp / Math.log1p per element (they cost ~60 ns each here,
// most of the WASM kernel's time): β·softplus_β(r) = y + h(y), y = β·r ≥ 0, h(y) = log1p(e^{−y}), with h
// read from a table of cubic Hermite pieces (values and slopes exact at the knots). h is smooth and tiny
// far out, so a coarse table is enough: the interpolation error is ≤ max|h⁗|·Δ⁴/384 ≈ 5e-9 absolute
// for Δ = 1/16, and y + h(y) ≥ ln 2, so the relative error of the denominator stays below ~1e-8
// (softplus-table.test.ts measures it over the whole domain). Plain TypeScript: no tfjs.

/** Knots per unit of y. */
export const TABLE_DENSITY = 16;
/** Beyond this y, h(y) < 1.3e-14 and y alone is the denominator to float64 precision. */
export const TABLE_END = 32;

const PIECES = TABLE_END * TABLE_DENSITY;

/** Per piece, c0..c3 of h(y) ≈ c0 + c1·t + c2·t² + c3·t³ with t ∈ [0, 1) inside the piece. */
export const SOFTPLUS_COEFFS: Float64Array = buildTable();

function buildTable(): Float64Array {
  const step = 1 / TABLE_DENSITY;
  const h = (y: number) => Math.log1p(Math.exp(-y));
  const slope = (y: number) => -1 / (1 + Math.exp(y)); // h'(y) = −σ(−y)
  const c = new Float64Array(4 * PIECES);
  for (let i = 0; i < PIECES; i++) {
    const y0 = i * step;
    const y1 = (i + 1) * step;
    const h0 = h(y0);
    const h1 = h(y1);
    const d0 = step * slope(y0);
    const d1 = step * slope(y1);
    c[4 * i] = h0;
    c[4 * i + 1] = d0;
    c[4 * i + 2] = 3 * (h1 - h0) - 2 * d0 - d1;
    c[4 * i + 3] = 2 * (h0 - h1) + d0 + d1;
  }
  return c;
}

/**
 * y + log1p(e^{−y}) for y ≥ 0 (= β·softplus_β(y/β)); NaN and +∞ pass through as the exact form
 * would give them. Small enough for V8 to inline into the loops.
 */
export function softplusScaled(y: number): number {
  if (!(y < TABLE_END)) return y; // also NaN and +∞
  return y + log1pExpNeg(y);
}

/** h(y) = log1p(e^{−y}) for 0 ≤ y < TABLE_END, from the table. */
export function log1pExpNeg(y: number): number {
  const u = y * TABLE_DENSITY;
  const i = u | 0;
  const t = u - i;
  const k = i << 2;
  const c = SOFTPLUS_COEFFS;
  return (
    (((c[k + 3] as number) * t + (c[k + 2] as number)) * t + (c[k + 1] as number)) * t + (c[k] as number)
  );
}

/** softplus_β(r) for r ≥ 0 from the table: same signature as loop.ts's exactSoftplus. */
export function tableSoftplus(r: number, beta: number): number {
  return softplusScaled(beta * r) / beta;
}
