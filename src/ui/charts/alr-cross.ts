// The A-LR cross drawn at each run's current point on the contour view: its horizontal half-arm stands
// for the A-LR of x, its vertical half-arm for the A-LR of y, both on one log scale, so an anisotropic
// rescaling (Adam on a surface whose coordinates' gradients differ in size) shows as a lopsided cross.
//
// Mapping: half-arm = ALR_CROSS_PX_PER_DECADE px per decade of A-LR above ALR_CROSS_FLOOR, clamped to
// [ALR_CROSS_MIN_PX, ALR_CROSS_MAX_PX]. With 6 px per decade from 10⁻²: A-LR 1 → 12 px, β/ln 2 ≈ 14
// (Sadam's ceiling at β = 10) → 19 px, 10³ → 30 px, 10⁸ (Adam's 1/ε) → 60 px.

export const ALR_CROSS_PX_PER_DECADE = 6;
export const ALR_CROSS_FLOOR = 1e-2;
export const ALR_CROSS_MIN_PX = 2;
export const ALR_CROSS_MAX_PX = 60;

/** Half-arm length in px for one coordinate's A-LR (the shortest arm for a non-finite or ≤ 0 value). */
export function alrArmPx(alr: number): number {
  if (!Number.isFinite(alr) || alr <= 0) return ALR_CROSS_MIN_PX;
  const px = ALR_CROSS_PX_PER_DECADE * Math.log10(alr / ALR_CROSS_FLOOR);
  return Math.min(ALR_CROSS_MAX_PX, Math.max(ALR_CROSS_MIN_PX, px));
}

/** The cross as an SVG path centred on (0, 0): x arm horizontal, y arm vertical (SVG y points down). */
export function alrCrossPath(alrX: number, alrY: number): string {
  const h = alrArmPx(alrX);
  const v = alrArmPx(alrY);
  return `M${-h},0H${h}M0,${-v}V${v}`;
}

/**
 * A run's per-coordinate A-LR at its current point, when its field is exactly the two coordinates and
 * both are numbers: before the first step (the field is NaN) or after a divergence there is no cross.
 */
export function pointAlr(alr: ArrayLike<number>): [number, number] | null {
  if (alr.length !== 2) return null;
  const x = alr[0] as number;
  const y = alr[1] as number;
  return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
}
