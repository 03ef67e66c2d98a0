// A snapshot's statistics of one A-LR field, the percentiles and the log histogram, in the same two
// passes over it: the histogram's bins are ranges of the float32 bits, so it is read off the bucket count
// that the percentiles make anyway (log-bins-float32.ts's bucketLogBins). A histogram pass of its own
// cost as much as a third of the percentiles' time on fig1-mnist's 109k weights. Same numbers as
// percentiles() and logHistogram() (field-summary.test.ts).

import {
  type LogHistogram,
  type LogHistogramOptions,
  logHistogram,
  logHistogramEdges,
  resolveLogHistogramOptions,
} from './histogram';
import { bucketLogBins, float32LogBins } from './log-bins-float32';
import { float32Percentiles, type Percentiles, percentiles, RADIX_FROM } from './percentiles';

export interface FieldSummary {
  percentiles: Percentiles;
  histogram: LogHistogram;
}

/** percentiles(values, scratch) and logHistogram(values, options), in one go where that is faster. */
export function fieldSummary(
  values: Float32Array,
  scratch?: Float32Array,
  options?: LogHistogramOptions,
): FieldSummary {
  if (values.length < RADIX_FROM)
    return { percentiles: percentiles(values, scratch), histogram: logHistogram(values, options) };
  const { minExp, binsPerDecade } = resolveLogHistogramOptions(options);
  const edgesLog10 = logHistogramEdges(options);
  const bins = edgesLog10.length - 1;
  const binning = bucketLogBins(float32LogBins(minExp, binsPerDecade, bins), bins);
  const result = float32Percentiles(values, binning);
  return {
    percentiles: result.percentiles,
    histogram: { edgesLog10, ...binning.totals(), nonFinite: result.nonFinite },
  };
}
