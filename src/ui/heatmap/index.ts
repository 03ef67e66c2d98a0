// The heatmap views: what the rest of the UI mounts.
export { AGGREGATE_OPS, type AggregateOp } from './aggregate';
export { type Domain, domainOf } from './domain';
export { Legend, type LegendProps } from './legend';
export { RunHeatmaps, type RunHeatmapsProps } from './run-heatmaps';
export { sharedDomainOf, useSharedDomain } from './use-shared-domain';
