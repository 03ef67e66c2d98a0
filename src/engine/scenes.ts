// The scenes a lecturer starts from: each an experiment plus a title, a two-line caption that says
// what to look at, and that caption's claim as checks the headless runner evaluates (claims/).
// Plain data (no tfjs): the picker, the URL codec and the headless runner share it. The loss-surface
// scenes are in scenes-surfaces.ts.
// Over 300 lines because it is a table (one entry per scene, each with its claim); surfaces and the
// generalization scene live in their own files.

import { atLeast, atMost, ceiling, constant, reachesOneOverEps, stat } from './claims/build';
import type { Claim } from './claims/claim';
import type { RunConfig } from './experiment';
import type { Scene } from './scene-types';
import { generalizationScene } from './scenes-generalization';
import { surfaceScenes } from './scenes-surfaces';
import { DEFAULT_CHAR_LM, DEFAULT_CLASSIFY_2D, DEFAULT_MNIST } from './tasks/configs';

export type { Scene };

const SEEDS = { data: 1, init: 1, batches: 1 };
const ADAM = { id: 'adam', label: 'Adam', spec: { name: 'adam', lr: 1e-3, eps: 1e-8 } } as const;
const SADAM = {
  id: 'sadam',
  label: 'Sadam β=50',
  spec: { name: 'sadam', lr: 1e-2, softplusBeta: 50 },
} as const;

const sadamBeta = (beta: number) => ({
  id: `beta${beta}`,
  label: `Sadam β=${beta}`,
  spec: { name: 'sadam' as const, lr: 1e-2, softplusBeta: beta },
});

/** The paper's Figure 1 contrast between an Adam run and a Sadam (β) run. */
const figure1Contrast = (adam: string, sadam: string, beta: number): Claim[] => [
  reachesOneOverEps(adam, 1e-8),
  atMost(stat(sadam, 'alrMax'), ceiling(beta)),
  atLeast(stat(adam, 'orders'), constant(5)),
  atMost(stat(sadam, 'orders'), constant(1)),
];

/** The character models' two runs (GRU and LSTM scenes alike): the same rules, so only the cell differs. */
const CHARLM_RUNS: RunConfig[] = [
  { id: 'adam', label: 'Adam', spec: { name: 'adam', lr: 3e-3 } },
  { id: 'sadam', label: 'Sadam β=50', spec: { name: 'sadam', lr: 3e-2, softplusBeta: 50 } },
];

export const SCENES: Scene[] = [
  {
    id: 'fig1-mnist',
    title: 'Figure 1 — MNIST: Adam vs Sadam',
    caption: [
      "Adam's per-weight step size (A-LR) spans many orders of magnitude; Sadam's softplus keeps it within a band.",
      'Weights fed by always-black border pixels never get a gradient: under Adam their A-LR sits at 1/ε = 10⁸.',
    ],
    experiment: { task: DEFAULT_MNIST, runs: [ADAM, SADAM], seeds: SEEDS },
    snapshotEvery: 10,
    defaultSteps: 300,
    claim: {
      says: "Adam's max A-LR reaches 1/ε and spans ≥ 5 orders; Sadam's stays ≤ β/ln 2, within 1 order",
      checks: figure1Contrast('adam', 'sadam', 50),
      cost: 'fast',
    },
  },
  {
    id: 'eps-matters',
    title: 'ε is what caps Adam',
    caption: [
      'The same Adam with ε = 10⁻⁸ and ε = 10⁻³.',
      "The largest A-LR is 1/ε: ε, not the data, sets Adam's ceiling.",
    ],
    experiment: {
      task: DEFAULT_MNIST,
      runs: [
        { id: 'eps8', label: 'Adam ε=1e-8', spec: { name: 'adam', lr: 1e-3, eps: 1e-8 } },
        { id: 'eps3', label: 'Adam ε=1e-3', spec: { name: 'adam', lr: 1e-3, eps: 1e-3 } },
      ],
      seeds: SEEDS,
    },
    snapshotEvery: 10,
    defaultSteps: 300,
    claim: {
      says: 'Each Adam’s max A-LR is its 1/ε: ε = 1e-3 caps Adam at 1e3, ε = 1e-8 at 1e8',
      checks: [
        reachesOneOverEps('eps8', 1e-8),
        { kind: 'near', left: stat('eps3', 'alrMax'), right: constant(1e3, '1/ε'), tolerance: 0.01 },
        atMost(stat('eps3', 'alrMax'), constant(1e3, '1/ε')),
      ],
      cost: 'fast',
    },
  },
  {
    id: 'beta-sweep',
    title: 'Softplus β: from SGD-like to Adam-like',
    caption: [
      'Sadam with β = 1, 10, 50, 100.',
      'Small β flattens the A-LR towards SGD-momentum; large β lets it spread like Adam (ceiling β/ln 2).',
    ],
    experiment: {
      task: DEFAULT_MNIST,
      runs: [sadamBeta(1), sadamBeta(10), sadamBeta(50), sadamBeta(100)],
      seeds: SEEDS,
    },
    snapshotEvery: 10,
    defaultSteps: 300,
    claim: {
      says: 'The A-LR spread grows with β (β = 1 nearly flat), and each max stays ≤ its β/ln 2',
      checks: [
        {
          kind: 'increasing',
          quantities: [1, 10, 50, 100].map((b) => stat(`beta${b}`, 'orders')),
        },
        atMost(stat('beta1', 'orders'), constant(0.05)),
        ...[1, 10, 50, 100].map((b) => atMost(stat(`beta${b}`, 'alrMax'), ceiling(b))),
      ],
      cost: 'slow',
    },
  },
  {
    id: 'sadam-vs-samsgrad',
    title: 'Sadam vs SAMSGrad',
    caption: [
      'SAMSGrad takes the running max of v before the softplus; here β2 = 0.99, so v forgets in about 100 steps.',
      'Its A-LR can only shrink over time; Sadam’s grows back as the gradients calm down.',
    ],
    experiment: {
      task: DEFAULT_MNIST,
      runs: [
        {
          id: 'sadam',
          label: 'Sadam β=50',
          spec: { name: 'sadam', lr: 1e-2, softplusBeta: 50, beta2: 0.99 },
        },
        {
          id: 'samsgrad',
          label: 'SAMSGrad β=50',
          spec: { name: 'samsgrad', lr: 1e-2, softplusBeta: 50, beta2: 0.99 },
        },
      ],
      seeds: SEEDS,
    },
    snapshotEvery: 10,
    defaultSteps: 300,
    claim: {
      says: "SAMSGrad's A-LR percentiles never rise; Sadam's min A-LR grows back",
      checks: [
        { kind: 'monotone', run: 'samsgrad', stat: 'alrMin', direction: 'nonIncreasing', slack: 1e-6 },
        { kind: 'monotone', run: 'samsgrad', stat: 'alrMedian', direction: 'nonIncreasing', slack: 1e-6 },
        { kind: 'rises', run: 'sadam', stat: 'alrMin', atLeast: 0.1 },
      ],
      cost: 'slow',
    },
  },
  {
    id: 'switch-adam-sadam',
    title: 'Switch Adam → Sadam mid-training',
    caption: [
      'Both runs start as Adam; at step 150 the right one becomes Sadam (same m and v).',
      'Watch its A-LR range collapse the moment the softplus takes over.',
    ],
    experiment: {
      task: DEFAULT_MNIST,
      runs: [ADAM, { id: 'switch', label: 'Adam → Sadam', spec: { name: 'adam', lr: 1e-3, eps: 1e-8 } }],
      seeds: SEEDS,
      schedule: [{ atStep: 150, runId: 'switch', spec: { name: 'sadam', lr: 1e-2, softplusBeta: 50 } }],
    },
    snapshotEvery: 10,
    defaultSteps: 300,
    claim: {
      says: 'The switched run spans ≥ 5 orders up to step 140 and ≤ 1 order from step 150 on, below β/ln 2',
      checks: [
        atLeast(stat('switch', 'orders', 140), constant(5)),
        atMost({ kind: 'extreme', run: 'switch', stat: 'orders', extreme: 'max', from: 150 }, constant(1)),
        atMost({ kind: 'extreme', run: 'switch', stat: 'alrMax', extreme: 'max', from: 150 }, ceiling(50)),
        atLeast(stat('adam', 'orders'), constant(5)),
      ],
      cost: 'slow',
    },
  },
  {
    id: 'mnist-cnn',
    title: 'MNIST CNN (LeNet-style)',
    caption: [
      "The paper's Figure 1a setting: a small convolutional net.",
      'Adam’s A-LR still spans more than 5 orders of magnitude here; Sadam’s softplus keeps it under β/ln 2.',
    ],
    experiment: {
      task: { ...DEFAULT_MNIST, model: 'cnn', batchSize: 32 },
      runs: [ADAM, SADAM],
      seeds: SEEDS,
    },
    snapshotEvery: 10,
    defaultSteps: 200,
    claim: {
      says: "Adam's A-LR spans ≥ 5 orders; Sadam's stays ≤ β/ln 2, within 1 order",
      checks: [
        atLeast(stat('adam', 'orders'), constant(5)),
        atMost(stat('sadam', 'alrMax'), ceiling(50)),
        atMost(stat('sadam', 'orders'), constant(1)),
      ],
      cost: 'slow',
    },
  },
  {
    id: 'charlm-sonnets',
    title: 'Character language model on the Sonnets',
    caption: [
      'Embedding + GRU predicting the next character.',
      'Rare characters’ embedding rows get tiny second moments: Adam’s A-LR there soars.',
    ],
    experiment: {
      task: DEFAULT_CHAR_LM,
      runs: CHARLM_RUNS,
      seeds: SEEDS,
    },
    snapshotEvery: 10,
    defaultSteps: 200,
    claim: {
      says: "Adam's largest A-LR (rare characters' rows) soars ≥ 10× its median and ≥ 1000× Sadam's ceiling β/ln 2",
      checks: [
        atLeast(stat('adam', 'alrMax'), stat('adam', 'alrMedian'), 10),
        atLeast(stat('adam', 'alrMax'), ceiling(50), 1000),
        atMost(stat('sadam', 'alrMax'), ceiling(50)),
      ],
      cost: 'slow',
    },
  },
  generalizationScene(SEEDS),
  ...surfaceScenes(SEEDS),
  ...(['spirals', 'moons', 'circles', 'xor', 'blobs'] as const).map(
    (dataset): Scene => ({
      id: `race-${dataset}`,
      title: `2-D race: ${dataset}`,
      caption: [
        `Adam, Sadam and SGD-momentum learn the ${dataset} data with the same MLP.`,
        'Compare their decision boundaries and their A-LR ranges side by side.',
      ],
      experiment: {
        task: { ...DEFAULT_CLASSIFY_2D, dataset },
        runs: [
          { id: 'adam', label: 'Adam', spec: { name: 'adam', lr: 1e-2 } },
          { id: 'sadam', label: 'Sadam β=50', spec: { name: 'sadam', lr: 3e-2, softplusBeta: 50 } },
          { id: 'sgdm', label: 'S-Momentum', spec: { name: 'sgdm', lr: 0.1, beta1: 0.9 } },
        ],
        seeds: SEEDS,
      },
      snapshotEvery: 10,
      defaultSteps: 500,
      stepsPerTick: 2,
      claim: {
        says: "None diverges; Adam's A-LR spans ≥ 1.5 orders, Sadam's ≤ 1 order under β/ln 2",
        checks: [
          { kind: 'noDivergence', runs: ['adam', 'sadam', 'sgdm'] },
          atLeast(stat('adam', 'orders'), constant(1.5)),
          atMost(stat('sadam', 'orders'), constant(1)),
          atMost(stat('sadam', 'alrMax'), ceiling(50)),
        ],
        cost: 'fast',
      },
    }),
  ),
  // The paper's language experiments use LSTMs: charlm-sonnets' model and runs with an LSTM.
  {
    id: 'charlm-lstm',
    title: 'Character LSTM on the Sonnets',
    caption: [
      'Embedding + LSTM, as in the paper’s language experiments; its kernels are drawn per gate (i, f, g, o).',
      'Rare characters’ embedding rows get tiny second moments: Adam’s A-LR there soars; Sadam’s stays capped.',
    ],
    experiment: {
      task: { ...DEFAULT_CHAR_LM, cell: 'lstm' },
      runs: CHARLM_RUNS,
      seeds: SEEDS,
    },
    snapshotEvery: 10,
    defaultSteps: 200,
    claim: {
      says: "Adam's largest A-LR soars ≥ 10× its median and ≥ 1000× Sadam's ceiling β/ln 2; both runs' test loss falls ≥ 15% after step 10",
      checks: [
        atLeast(stat('adam', 'alrMax'), stat('adam', 'alrMedian'), 10),
        atLeast(stat('adam', 'alrMax'), ceiling(50), 1000),
        atMost(stat('sadam', 'alrMax'), ceiling(50)),
        { kind: 'noDivergence', runs: ['adam', 'sadam'] },
        // The LSTM learns under both rules (measured at 200 steps: Adam 3.66 → 2.49, Sadam 4.13 → 3.13).
        atMost(stat('adam', 'testLoss'), stat('adam', 'testLoss', 10), 0.85),
        atMost(stat('sadam', 'testLoss'), stat('sadam', 'testLoss', 10), 0.85),
      ],
      cost: 'slow',
    },
  },
];

export const DEFAULT_SCENE_ID = 'fig1-mnist';

export function sceneById(id: string): Scene | undefined {
  return SCENES.find((s) => s.id === id);
}
