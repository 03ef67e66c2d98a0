// The heatmap views: what the rest of the UI mounts.
export type { Domain } from './domain';
export { Legend } from './legend';
export { RunHeatmaps } from './run-heatmaps';
export { useSharedDomain } from './use-shared-domain';
