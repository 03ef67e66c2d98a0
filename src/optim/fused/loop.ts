// The fused update as a plain loop over Float32Arrays: the CPU and WASM kernels run it on the
// backend's own arrays. Arithmetic follows FusedParams's template; intermediate values are float64
// (JS numbers) and stored as float32, so it is at least as exact as the tf-ops chain it replaces.
// softplus comes from softplus-table.ts (relative error < 1e-8) unless the exact form is asked for.

import { DENOMINATOR_MODE, type FusedParams, SECOND_MOMENT_MODE } from './params';
import { softplusScaled } from './softplus-table';

export interface LoopArrays {
  x: Float32Array;
  g: Float32Array;
  m: Float32Array;
  v: Float32Array;
  vmax: Float32Array | null;
  outX: Float32Array;
  outM: Float32Array;
  outV: Float32Array;
  outVmax: Float32Array | null;
}

/** softplus_β(r) for r ≥ 0 as (y + log1p(e^{−y}))/β, y = β·r: no overflow for any β·r. */
export function exactSoftplus(r: number, beta: number): number {
  const y = beta * r;
  return (y + Math.log1p(Math.exp(-y))) / beta;
}

/** Writes one fused step into the out arrays (they may alias the inputs: each index is read first). */
export function fusedLoop(a: LoopArrays, p: FusedParams, exact = false): void {
  const { x, g, m, v, vmax, outX, outM, outV, outVmax } = a;
  const { weightDecay, a1, b1, a2, b2, eps, softplusBeta, power, vhatScale, stepFactor } = p;
  const yogi = p.secondMode === SECOND_MOMENT_MODE.yogi;
  const keepV = p.secondMode === SECOND_MOMENT_MODE.none;
  const denominator = p.denominator;
  const clip = p.bounded === 1;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const gi = (g[i] as number) + weightDecay * xi;
    const mi = a1 * (m[i] as number) + b1 * gi;
    const vOld = v[i] as number;
    const g2 = gi * gi;
    let vi: number;
    if (keepV) vi = vOld;
    else if (yogi) vi = vOld - b2 * Math.sign(vOld - g2) * g2;
    else vi = a2 * vOld + b2 * g2;
    // Round to float32 as the stored state will be, so the denominator reads what the next step reads.
    vi = Math.fround(vi);
    let vv = vi;
    if (vmax && outVmax) {
      vv = Math.max(vmax[i] as number, vi);
      outVmax[i] = vv;
    }
    const r = Math.sqrt(vv * vhatScale);
    let rate: number;
    if (denominator === DENOMINATOR_MODE.sqrtEps) rate = 1 / (r + eps);
    else if (denominator === DENOMINATOR_MODE.softplus) {
      // The exact form only for tests and comparisons: a loop-invariant branch, predicted for free.
      rate = exact ? 1 / exactSoftplus(r, softplusBeta) : softplusBeta / softplusScaled(softplusBeta * r);
    } else if (denominator === DENOMINATOR_MODE.power) rate = (r + eps) ** -power;
    else rate = 1;
    if (clip) rate = Math.min(Math.max(rate, p.lower), p.upper);
    const mStored = Math.fround(mi);
    outM[i] = mStored;
    outV[i] = vi;
    outX[i] = xi - stepFactor * mStored * rate;
  }
}
