// Task settings as the drawer edits them: parse and check the model-size text and batch size, and
// build the TaskConfig to send (pure; tested).

import {
  ACTIVATIONS,
  type Activation,
  DEFAULT_CHAR_LM,
  DEFAULT_CLASSIFY_2D,
  DEFAULT_MNIST,
  SURFACES,
  type SurfaceName,
  type TaskConfig,
} from '../engine/tasks/configs';
import { DATASETS_2D, type Dataset2dName } from '../engine/tasks/datasets-2d';

export type TaskKind = TaskConfig['kind'];

/** Each surface's classic start (the engine's defaults; kept here so the UI needs no tfjs). */
export const SURFACE_STARTS: Record<SurfaceName, [number, number]> = {
  rosenbrock: [-1.5, 2],
  quadratic: [-1.8, 0.9],
  beale: [-1, 1.5],
  saddle: [1.5, 1e-3],
};
export const TASK_KINDS: { kind: TaskKind; label: string }[] = [
  { kind: 'mnist', label: 'MNIST digits' },
  { kind: 'classify2d', label: '2-D classification' },
  { kind: 'surface', label: '2-D loss surface' },
  { kind: 'charlm', label: 'Character language model' },
];

export type { Activation, Dataset2dName, SurfaceName };
export { ACTIVATIONS, DATASETS_2D, SURFACES };

/** "128, 64" → [128, 64]; a reason when it is not 1–4 layer sizes of 1–1024 units. */
export function parseHidden(text: string): number[] | string {
  const parts = text.split(/[\s,;x×-]+/).filter(Boolean);
  if (parts.length === 0 || parts.length > 4) return 'give 1 to 4 layer sizes, e.g. “128, 64”';
  const sizes = parts.map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 1024))
    return 'each layer needs a whole number of units from 1 to 1024';
  return sizes;
}

export function checkBatchSize(value: number): string | null {
  return Number.isInteger(value) && value >= 1 && value <= 1024
    ? null
    : 'batch size must be a whole number from 1 to 1024';
}

export function defaultTask(kind: TaskKind): TaskConfig {
  switch (kind) {
    case 'mnist':
      return DEFAULT_MNIST;
    case 'classify2d':
      return DEFAULT_CLASSIFY_2D;
    case 'surface':
      return { kind: 'surface', surface: 'rosenbrock' };
    case 'charlm':
      return DEFAULT_CHAR_LM;
  }
}

export function describeTask(task: TaskConfig): string {
  switch (task.kind) {
    case 'mnist':
      return task.model === 'cnn' ? 'MNIST · LeNet-style CNN' : `MNIST · MLP 784-${task.hidden.join('-')}-10`;
    case 'classify2d':
      return `${task.dataset} · MLP 2-${task.hidden.join('-')}`;
    case 'surface':
      return `${task.surface} surface`;
    case 'charlm':
      return `Sonnets · GRU ${task.hidden}`;
  }
}
