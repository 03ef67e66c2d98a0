// The colour domain (log10 units) a set of fields needs: whole decades from the smallest positive to
// the largest finite value. Pass one domain to every panel (both panels share one log
// colour scale) so the same colour means the same A-LR everywhere.

export type Domain = readonly [lo: number, hi: number];

/** Whole-decade [lo, hi] covering the positive finite values of all `fields`; null if there are none. */
export function domainOf(fields: readonly Float32Array[]): Domain | null {
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const field of fields) {
    for (let i = 0; i < field.length; i++) {
      const v = field[i] as number;
      // NaN fails both tests; ≤ 0 and ∞ are left out.
      if (v > 0 && v < Number.POSITIVE_INFINITY) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
  }
  if (!(max > 0)) return null;
  return decades(min, max);
}

/** [floor(log10 min), ceil(log10 max)], at least one decade wide. */
export function decades(min: number, max: number): Domain {
  // A hair of slack so that 1e8 computed as 99999999.9 still ends at 8, not 9.
  const lo = Math.floor(Math.log10(min) + 1e-6);
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(max) - 1e-6));
  return [lo, hi];
}
