// The generalization scene: the paper's four optimizers at its recommended settings on the MNIST MLP,
// repeated over 5 seeds (in the app all at once, with the live table; headless one after another); both show
// final test accuracy and loss as mean ± sd and range (docs/seeds.md). Its claim is what holds on every
// seed, never a winner. Plain data, no tfjs.

import { atLeast, atMost, ceiling, constant, stat } from './claims/build';
import type { Seeds } from './random';
import type { Scene } from './scene-types';
import { DEFAULT_MNIST } from './tasks/configs';

const WEIGHT_DECAY = 5e-4;
/** The seeds the scene trains on, in the app (live, every seed at once) and headless (one after another). */
const SEED_COUNT = 5;

export function generalizationScene(seeds: Seeds): Scene {
  return {
    id: 'generalization-mnist',
    title: 'Generalization over 5 seeds — MNIST MLP',
    caption: [
      'Adam, Sadam, SAMSGrad and S-Momentum at the paper’s settings, with weight decay 5·10⁻⁴, for about three epochs.',
      'Every run trains on 5 seeds at once; the table gives final test accuracy and loss as mean ± sd and range, and names no winner unless it wins on every seed.',
    ],
    experiment: {
      task: DEFAULT_MNIST,
      runs: [
        { id: 'adam', label: 'Adam', spec: { name: 'adam', lr: 1e-3, eps: 1e-8, weightDecay: WEIGHT_DECAY } },
        {
          id: 'sadam',
          label: 'Sadam β=50',
          spec: { name: 'sadam', lr: 1e-2, softplusBeta: 50, weightDecay: WEIGHT_DECAY },
        },
        {
          id: 'samsgrad',
          label: 'SAMSGrad β=50',
          spec: { name: 'samsgrad', lr: 1e-2, softplusBeta: 50, weightDecay: WEIGHT_DECAY },
        },
        {
          id: 'sgdm',
          label: 'S-Momentum',
          spec: { name: 'sgdm', lr: 0.1, beta1: 0.9, weightDecay: WEIGHT_DECAY },
        },
      ],
      seeds,
      seedCount: SEED_COUNT,
    },
    snapshotEvery: 10,
    defaultSteps: 240,
    repeat: { seeds: SEED_COUNT },
    claim: {
      says: 'On every seed all four reach ≥ 88 % test accuracy, none diverges, and the softplus runs stay under β/ln 2',
      checks: [
        { kind: 'noDivergence', runs: ['adam', 'sadam', 'samsgrad', 'sgdm'] },
        ...['adam', 'sadam', 'samsgrad', 'sgdm'].map((id) => atLeast(stat(id, 'accuracy'), constant(0.88))),
        atMost(stat('sadam', 'alrMax'), ceiling(50)),
        atMost(stat('samsgrad', 'alrMax'), ceiling(50)),
      ],
      cost: 'slow',
    },
  };
}
