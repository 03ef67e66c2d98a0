// Task configurations as plain data (no tfjs): scenes, the store, the URL codec and the UI read
// these; the task modules build tfjs models from them.

import type { Dataset2dName } from './datasets-2d';

/** Points as plain arrays, so that they cross postMessage and can sit in a task config. */
export interface CustomPoints {
  /** x0, y0, x1, y1, ... in the file's own units. */
  xy: number[];
  /** Class ids 0 … classes-1, one per point. */
  labels: number[];
}

export const ACTIVATIONS = ['tanh', 'relu', 'sigmoid', 'linear'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export interface Classify2dConfig {
  kind: 'classify2d';
  /** A generated data set, or 'custom' for the user's own `points` (e.g. from a CSV). */
  dataset: Dataset2dName | 'custom';
  /** Only with dataset 'custom': the points, as plain arrays (they cross postMessage). */
  points?: CustomPoints;
  hidden: number[];
  activation: Activation;
  batchSize: number;
  /** Generated data sets only. */
  noise: number;
  /** Generated data sets only; custom points use all of theirs (less the hold-out). */
  trainSize: number;
}

export const DEFAULT_CLASSIFY_2D: Classify2dConfig = {
  kind: 'classify2d',
  dataset: 'spirals',
  hidden: [16, 16],
  activation: 'tanh',
  batchSize: 32,
  noise: 0.5,
  trainSize: 400,
};

export const SURFACES = [
  'rosenbrock',
  'quadratic',
  'beale',
  'saddle',
  'two-scales',
  'plateau',
  'noisy-valley',
] as const;
export type SurfaceName = (typeof SURFACES)[number];

export interface SurfaceConfig {
  kind: 'surface';
  surface: SurfaceName;
  /** Start point; defaults to the surface's classic one. */
  start?: [number, number];
}

export interface MnistConfig {
  kind: 'mnist';
  model: 'mlp' | 'cnn';
  /** Hidden layer sizes of the MLP (784-128-64-10 by default). */
  hidden: number[];
  activation: Activation;
  batchSize: number;
}

export const DEFAULT_MNIST: MnistConfig = {
  kind: 'mnist',
  model: 'mlp',
  hidden: [128, 64],
  activation: 'relu',
  batchSize: 64,
};

/** The char-LM's recurrent cell: the GRU, or the LSTM of the paper's language experiments. */
export const RECURRENT_CELLS = ['gru', 'lstm'] as const;
export type RecurrentCell = (typeof RECURRENT_CELLS)[number];

export interface CharLmConfig {
  kind: 'charlm';
  /** The recurrent cell; absent means 'gru' (links and scenes from before the choice). */
  cell?: RecurrentCell;
  /** Hidden units of the recurrent cell. */
  hidden: number;
  embedding: number;
  /** Characters per training window (unrolled steps). */
  sequenceLength: number;
  batchSize: number;
}

export const DEFAULT_CHAR_LM: CharLmConfig = {
  kind: 'charlm',
  cell: 'gru',
  hidden: 64,
  embedding: 16,
  sequenceLength: 24,
  batchSize: 32,
};

export type TaskConfig = Classify2dConfig | SurfaceConfig | MnistConfig | CharLmConfig;

export type TaskKind = TaskConfig['kind'];

/** Every task kind, in the order the drawer lists them. */
export const TASK_KINDS: readonly TaskKind[] = ['mnist', 'classify2d', 'surface', 'charlm'];

/** The task each kind starts from when it is switched to (the drawer, and a link's `task=`). */
export const DEFAULT_TASKS: Readonly<Record<TaskKind, TaskConfig>> = {
  mnist: DEFAULT_MNIST,
  classify2d: DEFAULT_CLASSIFY_2D,
  surface: { kind: 'surface', surface: 'rosenbrock' },
  charlm: DEFAULT_CHAR_LM,
};

/** An MLP's hidden layers: at most this many, each at most MAX_HIDDEN_UNITS wide (drawer and links alike). */
export const MAX_HIDDEN_LAYERS = 4;
export const MAX_HIDDEN_UNITS = 1024;
/** The largest batch the drawer and links accept. */
export const MAX_BATCH_SIZE = 1024;

/** Hidden layer sizes as people write them ("128-64", "128, 64", "16x16"), split into their parts. */
export function splitLayerSizes(text: string): string[] {
  return text.split(/[\s,;x×-]+/).filter(Boolean);
}

/** A 2-D classification task on custom points (custom-points.ts), with the rest of the settings from `base`. */
export function customClassify2d(points: CustomPoints, base: Classify2dConfig): Classify2dConfig {
  return { ...base, dataset: 'custom', points, trainSize: points.labels.length };
}
