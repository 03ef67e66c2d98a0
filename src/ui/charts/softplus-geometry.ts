// Sadam's calibration (Tong, Liang & Bi, eq. for Sadam): denom = softplus_β(√v) with
// softplus_β(z) = log(1 + e^{βz})/β ≥ ln 2/β, so A-LR = 1/denom ≤ β/ln 2, while Adam's √v + ε ≈ z.
// Pure geometry for the inset: the curve, the identity, the floor, on a log–log window around 1/β.

export function softplus(z: number, beta: number): number {
  const y = beta * z;
  // log(1 + e^y) = y + log1p(e^{−y}) for large y (no overflow); log1p(e^y) otherwise.
  return (y > 30 ? y + Math.log1p(Math.exp(-y)) : Math.log1p(Math.exp(y))) / beta;
}

export interface SoftplusInsetData {
  beta: number;
  /** ln 2/β: softplus_β at z = 0, the smallest denominator. */
  floor: number;
  /** β/ln 2: the largest A-LR Sadam can give. */
  ceiling: number;
  /** z window (log axis): from well under the floor to at least 3, scale-aware in β. */
  domain: [number, number];
  z: number[];
  softplus: number[];
}

/** Samples softplus_β on a log-spaced z grid; the window shows the floor, the knee at z ≈ 1/β and z ≈ 3. */
export function softplusInset(beta: number, samples = 96): SoftplusInsetData {
  const b = beta > 0 && Number.isFinite(beta) ? beta : 1;
  const floor = Math.LN2 / b;
  const domain: [number, number] = [floor / 30, Math.max(3, floor * 100)];
  const l0 = Math.log10(domain[0]);
  const l1 = Math.log10(domain[1]);
  const z: number[] = [];
  const sp: number[] = [];
  for (let i = 0; i < samples; i++) {
    const zi = 10 ** (l0 + ((l1 - l0) * i) / (samples - 1));
    z.push(zi);
    sp.push(softplus(zi, b));
  }
  return { beta: b, floor, ceiling: b / Math.LN2, domain, z, softplus: sp };
}
