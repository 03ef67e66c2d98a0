// Public API of stats/: plain numbers in, plain numbers out (no tfjs, no DOM), for the engine worker.

export {
  type AnisotropySummary,
  anisotropyFromPercentiles,
  anisotropySummary,
  ordersOfMagnitude,
} from './anisotropy';
export { BoundedSeries, type SeriesPoint } from './downsample';
export {
  checkLayout,
  type LayerSlice,
  layerView,
  layoutFromShapes,
  layoutLength,
  perLayerPercentiles,
  perLayerStats,
} from './field-layout';
export {
  LOG_HISTOGRAM_DEFAULTS,
  type LogHistogram,
  type LogHistogramOptions,
  logHistogram,
  logHistogramEdges,
  resolveLogHistogramOptions,
} from './histogram';
export {
  emptyPercentiles,
  PERCENTILE_KEYS,
  type PercentileResult,
  type Percentiles,
  percentiles,
  percentilesWithCounts,
} from './percentiles';
