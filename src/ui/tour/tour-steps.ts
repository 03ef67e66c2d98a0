// The guided tour as data: the paper's argument in eight steps, each a scene, a caption, what to look
// at, and the element to outline. Every word the tour shows lives in TOUR_TEXT (one table to translate);
// TOUR_STEPS joins it with the non-textual parts. Plain data: no React, no DOM, no tfjs.

import { TOUR_TEXT_ZH } from './tour-text-zh';

/** What the tour does when it enters a step. */
export type TourAction = 'play';

export interface TourStepText {
  title: string;
  /** Two or three sentences: the step's part of the argument. */
  caption: string;
  /** Where to look, one line. */
  look: string;
}

/** All UI text of the tour. A later translation replaces this table only. */
export const TOUR_TEXT = {
  start: 'Take the tour',
  startTitle: 'A guided tour of the paper’s argument, with the live app (← → to move, Esc to close)',
  stepOf: (n: number, total: number) => `Step ${n} of ${total}`,
  lookLabel: 'Look at:',
  back: '← Back',
  next: 'Next →',
  finish: 'Finish',
  close: 'Close the tour',
  steps: {
    spread: {
      title: 'Adam’s step sizes span orders of magnitude',
      caption:
        'The paper’s Figure 1 setting: a small network learns MNIST, Adam on the left and Sadam on the right, ' +
        'from the same initial weights on the same batches. Adam divides each weight’s step by √v + ε, so ' +
        'every weight has its own adaptive learning rate, A-LR = 1/(√v + ε) — and across one network these ' +
        'span many orders of magnitude.',
      look: 'Adam’s max/min A-LR readout, in powers of ten.',
    },
    border: {
      title: 'Where the largest A-LRs sit',
      caption:
        'Each 28×28 tile is one hidden unit’s incoming weights, coloured by A-LR on a log scale. Many pixels ' +
        'near MNIST’s border are black in every image, so the weights they feed never receive a gradient: ' +
        'v stays 0 and Adam’s A-LR sits at exactly 1/ε = 10⁸.',
      look: 'The bright frame around the tiles of Adam’s first layer.',
    },
    eps: {
      title: 'ε is what caps it',
      caption:
        'The same Adam twice, with ε = 10⁻⁸ (left) and ε = 10⁻³ (right). Since √v ≥ 0, no A-LR can exceed ' +
        '1/ε, and the weights without a gradient sit right at that ceiling: 10⁸ on the left, 10³ on the ' +
        'right. A constant meant only to avoid dividing by zero decides how large Adam’s A-LR can grow.',
      look: 'The A-LR ceiling and range of the ε = 10⁻³ run, against the ε = 10⁻⁸ run’s.',
    },
    softplus: {
      title: 'The softplus calibrates it with β',
      caption:
        'Sadam replaces √v + ε by softplus_β(√v) = ln(1 + e^(β√v))/β. Where √v is large the softplus ' +
        'follows √v, as Adam does; as √v → 0 it levels off at ln 2/β instead of falling to ε, so the A-LR ' +
        'can never exceed β/ln 2 (≈ 72 at the paper’s β = 50).',
      look: 'Each run’s φ(z): Adam’s diagonal z + ε against Sadam’s softplus, which levels off at ln 2/β; the bold stretch and the band on the right are where each run’s weights sit.',
    },
    beta: {
      title: 'β: from SGD-momentum to Adam',
      caption:
        'Four Sadam runs with β = 1, 10, 50 and 100: ceilings β/ln 2 ≈ 1.4, 14, 72 and 144. With a small β ' +
        'the floor dominates and every weight gets nearly the same A-LR, so Sadam moves like SGD with ' +
        'momentum; as β grows the A-LRs spread out more and more, and β → ∞ gives back Adam with ε = 0.',
      look: 'The max/min A-LR readouts, from β = 1 (outlined) to β = 100.',
    },
    switch: {
      title: 'Same moments, calibrated denominator',
      caption:
        'Both runs start as Adam; at step 150 the right one becomes Sadam (lr 10⁻², β = 50) and keeps its ' +
        'm and v. Only the denominator changes, and the top of its A-LR range drops at once from 1/ε = 10⁸ ' +
        'to below β/ln 2 ≈ 72.',
      look: 'The right run’s Figure 1 chart around step 150.',
    },
    sideBySide: {
      title: 'Sadam next to Adam',
      caption:
        'Back to Figure 1 with the paper’s settings: Adam with lr 10⁻³ and ε = 10⁻⁸, Sadam with lr 10⁻² ' +
        'and β = 50. Both panels share one colour scale and one A-LR axis: Sadam’s A-LRs stay below 72 and ' +
        'its tiles show no bright frame, while Adam’s span many more orders of magnitude.',
      look: 'Sadam’s panel — readout, tiles and Figure 1 chart — against Adam’s.',
    },
    training: {
      title: 'What changes in training',
      caption:
        'Loss and accuracy of both runs, from the same start on the same batches. In the paper’s ' +
        'experiments the calibrated Sadam and SAMSGrad train as well as Adam or better, and generalize at ' +
        'least as well. Here you watch one seed of one small network: a demonstration, not a proof.',
      look: 'The loss and accuracy curves of Adam and Sadam.',
    },
  } satisfies Record<string, TourStepText>,
} as const;

export type TourStepId = keyof typeof TOUR_TEXT.steps;

/** What a translated table provides (the same shape as TOUR_TEXT). */
export interface TourTextLike {
  start: string;
  startTitle: string;
  stepOf: (n: number, total: number) => string;
  lookLabel: string;
  back: string;
  next: string;
  finish: string;
  close: string;
  steps: Record<TourStepId, TourStepText>;
}

export interface TourStep extends TourStepText {
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
  ...TOUR_TEXT.steps[id],
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

/** The tour's text in the UI language (English is the source table). */
export function tourText(language: string): typeof TOUR_TEXT | TourTextLike {
  return language === 'zh' ? TOUR_TEXT_ZH : TOUR_TEXT;
}

export function isKnownTarget(target: string): boolean {
  return TARGET_PATTERNS.some((p) => p.test(target));
}
