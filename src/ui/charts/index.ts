// The charts the training panel mounts. Each component reads the training store itself (or takes the
// snapshot's runs) and redraws in an animation frame; the render functions beside them are pure.
export { AlrHistogram, type AlrHistogramProps } from './alr-histogram';
export { AnisotropyChart, type AnisotropyChartProps } from './anisotropy-chart';
export { RUN_COLORS, runColor, runTextColor } from './palette';
export { PhiView, type PhiViewProps } from './phi-view';
export { TaskView, type TaskViewProps } from './task-view';
export { TrainingCurves, type TrainingCurvesProps } from './training-curves';
export { useSharedAlrDomain } from './use-shared-alr-domain';
