// The scenes a lecturer starts from: each an experiment plus a title and a two-line caption that says
// what to look at. Plain data (no tfjs): the picker, the URL codec and the headless runner share it.

import type { Claim, Quantity, RunStat, SceneClaim } from './claims/claim';
import type { ExperimentConfig, RunConfig } from './experiment';
import { DEFAULT_CHAR_LM, DEFAULT_CLASSIFY_2D, DEFAULT_MNIST, type SurfaceName } from './tasks/configs';
import { SURFACE_DEFINITIONS } from './tasks/surface-defs';

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
  /** What the caption says will be seen, as checks `npm run experiment -- --check` evaluates. */
  claim: SceneClaim;
}

// Claim shorthands (the words come from src/engine/claims/format.ts).
const stat = (run: string, s: RunStat, at?: number): Quantity =>
  at === undefined ? { kind: 'stat', run, stat: s } : { kind: 'stat', run, stat: s, at: { step: at } };
/** A number, named when it comes from the theory (1/ε, β/ln 2). */
const constant = (value: number, name?: string): Quantity => ({ kind: 'constant', value, name: name ?? '' });
const atMost = (left: Quantity, right: Quantity, factor?: number): Claim => ({
  kind: 'compare',
  left,
  op: '<=',
  right,
  ...(factor === undefined ? {} : { factor }),
});
const atLeast = (left: Quantity, right: Quantity, factor?: number): Claim => ({
  kind: 'compare',
  left,
  op: '>=',
  right,
  ...(factor === undefined ? {} : { factor }),
});
/** Sadam's A-LR ceiling, with room for float32 rounding of 1/softplus_β(0) (a few ulps). */
const ceiling = (beta: number): Quantity => constant((beta / Math.LN2) * (1 + 1e-6), 'β/ln 2');
/** Adam's largest A-LR is 1/ε (to float32 rounding of the denominator). */
const reachesOneOverEps = (run: string, eps: number): Claim =>
  atLeast(stat(run, 'alrMax'), constant(1 / eps, '1/ε'), 0.99);
const endDistance = (a: string, b: string): Quantity => ({ kind: 'distance', runs: [a, b] });
const toMinimum = (run: string, surface: SurfaceName): Quantity => ({
  kind: 'distanceTo',
  run,
  point: SURFACE_DEFINITIONS[surface].minimum,
  name: 'the minimum',
});
const toStart = (run: string, surface: SurfaceName): Quantity => ({
  kind: 'distanceTo',
  run,
  point: SURFACE_DEFINITIONS[surface].start,
  name: 'the start',
});

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
  claim: { says: string; checks: Claim[] };
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
    claim: { ...o.claim, cost: 'fast' },
  };
}

/** The paper's Figure 1 contrast between an Adam run and a Sadam (β) run. */
const figure1Contrast = (adam: string, sadam: string, beta: number): Claim[] => [
  reachesOneOverEps(adam, 1e-8),
  atMost(stat(sadam, 'alrMax'), ceiling(beta)),
  atLeast(stat(adam, 'orders'), constant(5)),
  atMost(stat(sadam, 'orders'), constant(1)),
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
      runs: [
        { id: 'adam', label: 'Adam', spec: { name: 'adam', lr: 3e-3 } },
        { id: 'sadam', label: 'Sadam β=50', spec: { name: 'sadam', lr: 3e-2, softplusBeta: 50 } },
      ],
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
  surfaceScene({
    surface: 'two-scales',
    title: 'Two gradient scales: Adam equalises, Sadam does not',
    caption: [
      '½(x² + 0.001·y²): the y-gradient is 1000× smaller than the x-gradient.',
      'Adam divides each coordinate by its own √v and walks down y as fast as x; Sadam’s y-A-LR stays ≤ β/ln 2 ≈ 14, so y barely moves.',
    ],
    lr: 0.02,
    defaultSteps: 300,
    claim: {
      says: 'Adam reaches the minimum, Sadam stays up the y valley: the paths end ≥ 1 apart; Adam’s y-A-LR ≥ 100× its x-A-LR',
      checks: [
        atLeast(endDistance('adam', 'sadam'), constant(1)),
        atMost(toMinimum('adam', 'two-scales'), constant(0.05)),
        atLeast(stat('sadam', 'y'), constant(1)),
        atLeast(stat('adam', 'alrRatio'), constant(100)),
        atMost(stat('sadam', 'alrY'), ceiling(10)),
      ],
    },
  }),
  surfaceScene({
    surface: 'plateau',
    title: 'A plateau with tiny gradients',
    caption: [
      'Far from the well at (1, 0.5) the surface is nearly flat: gradients of order 10⁻⁴.',
      'Adam rescales them to full lr-sized steps and crosses the plateau; Sadam’s calibrated steps stay tiny, like SGD’s.',
    ],
    lr: 0.02,
    defaultSteps: 400,
    claim: {
      says: 'Adam crosses the plateau into the well, Sadam stays near its start: the paths end ≥ 3 apart',
      checks: [
        atLeast(endDistance('adam', 'sadam'), constant(3)),
        atMost(toMinimum('adam', 'plateau'), constant(0.05)),
        atMost(toStart('sadam', 'plateau'), constant(0.1)),
        atMost(stat('sadam', 'alrX'), ceiling(10)),
      ],
    },
  }),
  surfaceScene({
    surface: 'noisy-valley',
    title: 'Noise in a flat direction',
    caption: [
      'A valley flat along y, with small zero-mean gradient noise (σ = 10⁻³) along y only: the mean gradient there is ~0.',
      'Adam divides the noise by its own size and random-walks along y in lr-sized steps; Sadam damps it and stays on the valley floor.',
    ],
    lr: 0.03,
    defaultSteps: 400,
    claim: {
      says: 'Adam wanders ≥ 0.5 along y, Sadam stays within 0.05: the paths end ≥ 0.5 apart',
      checks: [
        atLeast({ kind: 'extreme', run: 'adam', stat: 'y', abs: true, extreme: 'max' }, constant(0.5)),
        atMost({ kind: 'extreme', run: 'sadam', stat: 'y', abs: true, extreme: 'max' }, constant(0.05)),
        atLeast(endDistance('adam', 'sadam'), constant(0.5)),
        atMost(toMinimum('sadam', 'noisy-valley'), constant(0.05)),
      ],
    },
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
    claim: {
      says: 'Adam leaves the ridge (|y| > 0.5) at least twice as early as Sadam; both end in the well',
      checks: [
        atLeast(
          { kind: 'firstStep', run: 'sadam', stat: 'y', abs: true, crosses: 'above', level: 0.5 },
          { kind: 'firstStep', run: 'adam', stat: 'y', abs: true, crosses: 'above', level: 0.5 },
          2,
        ),
        atMost(toMinimum('adam', 'saddle'), constant(0.05)),
        atMost(toMinimum('sadam', 'saddle'), constant(0.05)),
      ],
    },
  }),
  surfaceScene({
    surface: 'rosenbrock',
    title: 'Rosenbrock: Adam, Sadam and SGD-momentum',
    caption: [
      'Three optimizers from (−1.5, 2) down the curved valley to (1, 1).',
      'The valley’s gradients are large, so softplus_β(√v) ≈ √v: Adam and Sadam take the same path; SGD-momentum follows the raw gradient and lags.',
    ],
    lr: 0.02,
    sgdmLr: 2e-4,
    defaultSteps: 1000,
    claim: {
      says: 'Adam and Sadam end within 0.001 of each other; SGD-momentum’s loss is ≥ 2× theirs',
      checks: [
        atMost(endDistance('adam', 'sadam'), constant(1e-3)),
        atLeast(stat('sgdm', 'loss'), stat('adam', 'loss'), 2),
      ],
    },
  }),
  surfaceScene({
    surface: 'quadratic',
    title: 'Ill-conditioned quadratic',
    caption: [
      '½(x² + 100y²): curvature differs 100× between the axes.',
      'The gradients are large, so softplus_β(√v) ≈ √v: Adam and Sadam share one path; all three reach the minimum.',
    ],
    lr: 0.05,
    sgdmLr: 0.005,
    defaultSteps: 500,
    claim: {
      says: 'All three reach the minimum; Adam and Sadam end within 0.001 of each other',
      checks: [
        atMost(endDistance('adam', 'sadam'), constant(1e-3)),
        ...['adam', 'sadam', 'sgdm'].map((run) => atMost(toMinimum(run, 'quadratic'), constant(1e-3))),
      ],
    },
  }),
  surfaceScene({
    surface: 'beale',
    title: 'When calibration changes nothing: Beale',
    caption: [
      'Steep walls, minimum at (3, 0.5): the gradients are large, so √v ≫ ln 2/β and softplus_β(√v) ≈ √v.',
      'Sadam then takes exactly Adam’s steps: the two paths coincide. Calibration only acts where gradients are small.',
    ],
    lr: 0.1,
    defaultSteps: 800,
    claim: {
      says: 'Adam and Sadam both reach the minimum, and end within 0.001 of each other',
      checks: [
        atMost(endDistance('adam', 'sadam'), constant(1e-3)),
        atMost(toMinimum('adam', 'beale'), constant(0.01)),
        atMost(toMinimum('sadam', 'beale'), constant(0.01)),
      ],
    },
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
];

export const DEFAULT_SCENE_ID = 'fig1-mnist';

export function sceneById(id: string): Scene | undefined {
  return SCENES.find((s) => s.id === id);
}
