// The scenes a lecturer starts from: each an experiment plus a title and a two-line caption that says
// what to look at. Plain data (no tfjs): the picker, the URL codec and the headless runner share it.

import type { ExperimentConfig, RunConfig } from './experiment';
import { DEFAULT_CHAR_LM, DEFAULT_CLASSIFY_2D, DEFAULT_MNIST, type SurfaceName } from './tasks/configs';

export interface Scene {
  id: string;
  title: string;
  /** Two short lines: what the scene shows, and where to look. */
  caption: [string, string];
  experiment: ExperimentConfig;
  /** Steps between snapshots (display cadence). */
  snapshotEvery: number;
  /** Steps the headless runner takes when --steps is not given. */
  defaultSteps: number;
  /** Steps per tick in the app: cheap tasks (surfaces, 2-D) run several between frames. */
  stepsPerTick?: number;
}

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

/**
 * A loss-surface scene: Adam and Sadam (β = 10) at one lr, plus S-Momentum when `sgdmLr` is given.
 * Surfaces are cheap, so they snapshot every 5 steps and run 5 steps per tick.
 */
function surfaceScene(o: {
  surface: SurfaceName;
  title: string;
  caption: [string, string];
  lr: number;
  sgdmLr?: number;
  defaultSteps: number;
}): Scene {
  const runs: RunConfig[] = [
    { id: 'adam', label: 'Adam', spec: { name: 'adam', lr: o.lr } },
    { id: 'sadam', label: 'Sadam β=10', spec: { name: 'sadam', lr: o.lr, softplusBeta: 10 } },
  ];
  if (o.sgdmLr !== undefined) {
    runs.push({ id: 'sgdm', label: 'S-Momentum', spec: { name: 'sgdm', lr: o.sgdmLr, beta1: 0.9 } });
  }
  return {
    id: o.surface,
    title: o.title,
    caption: o.caption,
    experiment: { task: { kind: 'surface', surface: o.surface }, runs, seeds: SEEDS },
    snapshotEvery: 5,
    stepsPerTick: 5,
    defaultSteps: o.defaultSteps,
  };
}

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
  },
  {
    id: 'sadam-vs-samsgrad',
    title: 'Sadam vs SAMSGrad',
    caption: [
      'SAMSGrad takes the running max of v before the softplus.',
      'Its A-LR can only shrink over time; Sadam’s can grow back.',
    ],
    experiment: {
      task: DEFAULT_MNIST,
      runs: [
        SADAM,
        { id: 'samsgrad', label: 'SAMSGrad β=50', spec: { name: 'samsgrad', lr: 1e-2, softplusBeta: 50 } },
      ],
      seeds: SEEDS,
    },
    snapshotEvery: 10,
    defaultSteps: 300,
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
  },
  {
    id: 'mnist-cnn',
    title: 'MNIST CNN (LeNet-style)',
    caption: [
      "The paper's Figure 1a setting: a small convolutional net.",
      'Convolution kernels are shared across pixels, so their A-LR spreads less than the MLP’s.',
    ],
    experiment: {
      task: { ...DEFAULT_MNIST, model: 'cnn', batchSize: 32 },
      runs: [ADAM, SADAM],
      seeds: SEEDS,
    },
    snapshotEvery: 10,
    defaultSteps: 200,
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
      runs: [
        { id: 'adam', label: 'Adam', spec: { name: 'adam', lr: 3e-3 } },
        { id: 'sadam', label: 'Sadam β=50', spec: { name: 'sadam', lr: 3e-2, softplusBeta: 50 } },
      ],
      seeds: SEEDS,
    },
    snapshotEvery: 10,
    defaultSteps: 200,
  },
  surfaceScene({
    surface: 'rosenbrock',
    title: 'Rosenbrock: Adam, Sadam and SGD-momentum',
    caption: [
      'Three optimizers from (−1.5, 2) down the curved valley to (1, 1).',
      'Adam and Sadam rescale each coordinate; SGD-momentum follows the raw gradient.',
    ],
    lr: 0.02,
    sgdmLr: 2e-4,
    defaultSteps: 1000,
  }),
  surfaceScene({
    surface: 'quadratic',
    title: 'Ill-conditioned quadratic',
    caption: [
      '½(x² + 100y²): curvature differs 100× between the axes.',
      'Adam equalises the two coordinates’ steps; SGD zig-zags across the steep one.',
    ],
    lr: 0.05,
    sgdmLr: 0.005,
    defaultSteps: 500,
  }),
  surfaceScene({
    surface: 'beale',
    title: 'Beale function',
    caption: [
      'Flat plateaus and steep walls, minimum at (3, 0.5).',
      'On the plateaus Adam’s A-LR grows; Sadam caps it at β/ln 2.',
    ],
    lr: 0.05,
    defaultSteps: 800,
  }),
  surfaceScene({
    surface: 'saddle',
    title: 'Escaping a saddle',
    caption: [
      'Start almost exactly on the saddle’s ridge, y = 0.001.',
      'Adam blows the tiny y-gradient up to a full step; Sadam’s capped A-LR escapes more slowly.',
    ],
    lr: 0.02,
    sgdmLr: 0.01,
    defaultSteps: 500,
  }),
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
    }),
  ),
];

export const DEFAULT_SCENE_ID = 'fig1-mnist';

export function sceneById(id: string): Scene | undefined {
  return SCENES.find((s) => s.id === id);
}
