// Mean ± sample standard deviation and range of one number measured on several seeds (the paper's
// Table 1 style). Non-finite values (a diverged run's NaN loss) are counted apart, never averaged in.

export interface Spread {
  /** Finite values summarised. */
  n: number;
  /** Values left out because they were NaN or ±Infinity. */
  nonFinite: number;
  mean: number;
  /** Sample standard deviation (n − 1); 0 for a single value, NaN for none. */
  sd: number;
  min: number;
  max: number;
}

export function spreadOf(values: readonly number[]): Spread {
  const finite = values.filter(Number.isFinite);
  const n = finite.length;
  const nonFinite = values.length - n;
  if (n === 0) return { n, nonFinite, mean: Number.NaN, sd: Number.NaN, min: Number.NaN, max: Number.NaN };
  const mean = finite.reduce((s, v) => s + v, 0) / n;
  // Two-pass variance: exact enough for accuracies that agree to many digits.
  const squares = finite.reduce((s, v) => s + (v - mean) ** 2, 0);
  return {
    n,
    nonFinite,
    mean,
    sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0,
    min: Math.min(...finite),
    max: Math.max(...finite),
  };
}
