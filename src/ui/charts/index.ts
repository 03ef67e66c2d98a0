// The charts the training panel mounts (the φ view and the task view load lazily from their own files). Each component reads the training store itself (or takes the
// snapshot's runs) and redraws in an animation frame; the render functions beside them are pure.
export { AlrHistogram } from './alr-histogram';
export { AnisotropyChart } from './anisotropy-chart';
export { runColor, runTextColor } from './palette';
export { TrainingCurves } from './training-curves';
export { useSharedAlrDomain } from './use-shared-alr-domain';
