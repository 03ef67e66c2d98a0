// The loss-surface scenes: Adam and Sadam (β = 10) on 2-D surfaces, where the paths themselves show
// whether calibration changes anything (docs/scene-claims.md). Plain data, no tfjs.

import { atLeast, atMost, ceiling, constant, endDistance, stat, toMinimum, toStart } from './claims/build';
import type { Claim } from './claims/claim';
import type { RunConfig } from './experiment';
import type { Seeds } from './random';
import type { Scene } from './scene-types';
import type { SurfaceName } from './tasks/configs';

/**
 * A loss-surface scene: Adam and Sadam (β = 10) at one lr, plus S-Momentum when `sgdmLr` is given.
 * Surfaces are cheap, so they snapshot every 5 steps and run 5 steps per tick.
 */
function surfaceScene(
  seeds: Seeds,
  o: {
    surface: SurfaceName;
    title: string;
    caption: [string, string];
    lr: number;
    sgdmLr?: number;
    defaultSteps: number;
    claim: { says: string; checks: Claim[] };
  },
): Scene {
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
    experiment: { task: { kind: 'surface', surface: o.surface }, runs, seeds },
    snapshotEvery: 5,
    stepsPerTick: 5,
    defaultSteps: o.defaultSteps,
    claim: { ...o.claim, cost: 'fast' },
  };
}

export function surfaceScenes(seeds: Seeds): Scene[] {
  return [
    surfaceScene(seeds, {
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
    surfaceScene(seeds, {
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
    surfaceScene(seeds, {
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
    surfaceScene(seeds, {
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
    surfaceScene(seeds, {
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
    surfaceScene(seeds, {
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
    surfaceScene(seeds, {
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
  ];
}
