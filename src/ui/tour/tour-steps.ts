// The guided tour as data: the paper's argument in eight steps, each a scene and the element to outline.
// Every word the tour shows lives in the string tables (`tour.*` keys of strings-en.ts / strings-zh.ts;
// tour-text.ts reads them). Plain data: no React, no DOM, no tfjs.

/** What the tour does when it enters a step. */
export type TourAction = 'play';

/** The steps, in order; each one's words are the string tables' `tour.<id>.title|caption|look`. */
export const TOUR_STEP_IDS = [
  'spread',
  'border',
  'eps',
  'softplus',
  'beta',
  'switch',
  'sideBySide',
  'training',
] as const;
export type TourStepId = (typeof TOUR_STEP_IDS)[number];

export interface TourStep {
  id: TourStepId;
  /** The scene the step shows (an id of SCENES). */
  sceneId: string;
  /** The id of the element the spotlight outlines. */
  target: string;
  /** Done on entering the step (the tour also plays whenever it had to load the step's scene). */
  action?: TourAction;
}

const step = (id: TourStepId, sceneId: string, target: string, action?: TourAction): TourStep => ({
  id,
  sceneId,
  target,
  ...(action ? { action } : {}),
});

export const TOUR_STEPS: readonly TourStep[] = [
  step('spread', 'fig1-mnist', 'orders-adam', 'play'),
  step('border', 'fig1-mnist', 'heatmap-adam-dense1/kernel'),
  step('eps', 'eps-matters', 'ceiling-eps3', 'play'),
  step('softplus', 'beta-sweep', 'softplus-inset', 'play'),
  step('beta', 'beta-sweep', 'orders-beta1'),
  step('switch', 'switch-adam-sadam', 'anisotropy-chart-switch', 'play'),
  step('sideBySide', 'fig1-mnist', 'run-sadam', 'play'),
  step('training', 'fig1-mnist', 'training-curves'),
];

/**
 * The element ids a step may outline: a run's panel and its parts (`<kind>-<runId>`, a heatmap
 * `heatmap-<runId>-<layer>`), or one of the page's shared elements.
 */
export const TARGET_PATTERNS: readonly RegExp[] = [
  /^(run|heatmaps|orders|anisotropy-chart|alr-histogram|ceiling|edit)-[A-Za-z0-9_]+$/,
  /^heatmap-[A-Za-z0-9_]+-[A-Za-z0-9_/]+$/,
  /^(softplus-inset|training-curves|task-view|play-pause|scene-picker|experiment-drawer)$/,
];

export function isKnownTarget(target: string): boolean {
  return TARGET_PATTERNS.some((p) => p.test(target));
}
