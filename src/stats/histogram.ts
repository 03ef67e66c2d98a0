// A log10 histogram of the A-LR field. Bin edges are fixed by (minExp, maxExp, binsPerDecade), never
// fitted to the data, so Adam's and Sadam's histograms (and every step of one run) share one axis.
// The defaults span 1e-4 … 1e10: Sadam's cap β/ln 2 (72.1 at β = 50) and Adam's 1/ε (1e8) both fit.

import { countFloat32, float32LogBins } from './log-bins-float32';

export interface LogHistogramOptions {
  /** log10 of the lowest edge (default -4). */
  minExp?: number;
  /** log10 of the highest edge (default 10). */
  maxExp?: number;
  /** Bins per factor of ten (default 10). */
  binsPerDecade?: number;
}

export const LOG_HISTOGRAM_DEFAULTS: Readonly<Required<LogHistogramOptions>> = {
  minExp: -4,
  maxExp: 10,
  binsPerDecade: 10,
};

export interface LogHistogram {
  /** log10 of the bin edges, length bins + 1; bin i is [edgesLog10[i], edgesLog10[i+1]). */
  edgesLog10: Float64Array;
  counts: Uint32Array;
  /** Positive values below 10^minExp. */
  underflow: number;
  /** Finite values at or above 10^maxExp. */
  overflow: number;
  /** Values ≤ 0 (zero or negative): they have no place on a log axis. An A-LR is never ≤ 0. */
  zeros: number;
  /** NaN and ±Infinity. */
  nonFinite: number;
}

/** Resolves defaults and checks that the edges make sense (integer bin count ≥ 1). */
export function resolveLogHistogramOptions(options: LogHistogramOptions = {}): Required<LogHistogramOptions> {
  const minExp = options.minExp ?? LOG_HISTOGRAM_DEFAULTS.minExp;
  const maxExp = options.maxExp ?? LOG_HISTOGRAM_DEFAULTS.maxExp;
  const binsPerDecade = options.binsPerDecade ?? LOG_HISTOGRAM_DEFAULTS.binsPerDecade;
  if (!Number.isFinite(minExp) || !Number.isFinite(maxExp) || !(maxExp > minExp)) {
    throw new RangeError(`logHistogram: need finite minExp < maxExp, got ${minExp} and ${maxExp}`);
  }
  if (!(binsPerDecade > 0) || !Number.isFinite(binsPerDecade)) {
    throw new RangeError(`logHistogram: binsPerDecade must be positive, got ${binsPerDecade}`);
  }
  const bins = (maxExp - minExp) * binsPerDecade;
  if (!Number.isInteger(bins)) {
    throw new RangeError(
      `logHistogram: (maxExp - minExp) · binsPerDecade = ${bins} is not a whole number of bins`,
    );
  }
  return { minExp, maxExp, binsPerDecade };
}

/** log10 of the edges for these options: the shared axis, computed without touching any data. */
export function logHistogramEdges(options: LogHistogramOptions = {}): Float64Array {
  const { minExp, maxExp, binsPerDecade } = resolveLogHistogramOptions(options);
  const bins = Math.round((maxExp - minExp) * binsPerDecade);
  const edges = new Float64Array(bins + 1);
  // minExp + i / binsPerDecade (not a running sum) so decade edges come out as exact integers.
  for (let i = 0; i <= bins; i++) edges[i] = minExp + i / binsPerDecade;
  edges[bins] = maxExp;
  return edges;
}

/**
 * Counts values into fixed log10 bins. Bin of v is floor((log10 v − minExp) · binsPerDecade); a value
 * on an edge can land one bin off through floating-point rounding of log10 (decade edges are exact).
 */
export function logHistogram(
  values: ArrayLike<number> | Float32Array,
  options?: LogHistogramOptions,
): LogHistogram {
  const { minExp, binsPerDecade } = resolveLogHistogramOptions(options);
  const edgesLog10 = logHistogramEdges(options);
  const bins = edgesLog10.length - 1;
  const counts = new Uint32Array(bins);
  if (values instanceof Float32Array) {
    // The same counts without a log10 per value (log-bins-float32.ts): the snapshot's A-LR fields.
    const rest = countFloat32(values, float32LogBins(minExp, binsPerDecade, bins), counts);
    return { edgesLog10, counts, ...rest };
  }
  let underflow = 0;
  let overflow = 0;
  let zeros = 0;
  let nonFinite = 0;
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v - v !== 0) {
      nonFinite++;
    } else if (v <= 0) {
      zeros++;
    } else {
      const bin = Math.floor((Math.log10(v) - minExp) * binsPerDecade);
      if (bin < 0) underflow++;
      else if (bin >= bins) overflow++;
      else counts[bin] = (counts[bin] as number) + 1;
    }
  }
  return { edgesLog10, counts, underflow, overflow, zeros, nonFinite };
}
