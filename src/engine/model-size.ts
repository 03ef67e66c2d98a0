// The size of a whole experiment, and the budget it must fit (docs/RELIABILITY.md, "Model-size budget").
// Plain data, no tfjs: the page checks an experiment here before sending it to the engine (a link, the
// drawer, a scene, a CSV, a parent page's message all go through the training controller), and the
// engine checks again before building anything. Every setting has its own cap; this caps their product.
//
// The estimate counts what grows with the model: every run holds its parameters several times over
// (weights, gradients, optimizer state, the snapshot's field, the recovery checkpoint on both sides of
// the worker boundary: BYTES_PER_PARAM_PER_RUN, measured), plus the largest activation memory one
// training step or one evaluation allocates (activationBytes, an upper estimate checked against
// tfjs's own peak in the measurement). The budget is a round figure below what the measurements say a
// browser tab can carry.

import { type ExperimentConfig, seedCountOf } from './experiment';
import { MAX_SEED_REPEATS } from './random';
import type { TaskConfig } from './tasks/configs';

/**
 * Bytes per trainable parameter per run, worker and page together (docs/RELIABILITY.md): tensors
 * (weights, gradient, optimizer state: measured 13.7–16), the worker's JS copies (snapshot field,
 * checkpoint: measured ~12), the page's (the field it draws, its checkpoint copy: ~20), rounded up to
 * 64 for the transients of a step and a snapshot. The field history is bounded on its own (field-history.ts).
 */
export const BYTES_PER_PARAM_PER_RUN = 64;

/** The whole experiment's estimated memory may not exceed this (docs/RELIABILITY.md). */
export const EXPERIMENT_BUDGET_BYTES = 320 * 1024 * 1024;

/** Upper bounds for what the config does not say (read from the data at build time). */
const MNIST_PIXELS = 784;
const MNIST_CLASSES = 10;
/** The sonnets' alphabet is 69 characters; a bound, so that a longer text cannot slip under. */
export const CHAR_LM_VOCAB_BOUND = 96;
const GENERATED_2D_CLASSES = 3;
/** Rows the evaluations run on (the task modules' own constants). */
const EVAL_ROWS = { mnistMlp: 1000, mnistCnn: 250, charLm: 64, grid2d: 40 * 40 } as const;

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function mlpParams(sizes: readonly number[]): number {
  let n = 0;
  for (let i = 1; i < sizes.length; i++)
    n += (sizes[i - 1] as number) * (sizes[i] as number) + (sizes[i] as number);
  return n;
}

function classesOf(task: Extract<TaskConfig, { kind: 'classify2d' }>): number {
  if (task.dataset !== 'custom') return GENERATED_2D_CLASSES;
  let max = 0;
  for (const label of task.points?.labels ?? []) if (label > max) max = label;
  return max + 1;
}

/** Gate blocks of the char-LM's cell: the GRU's z, r, h; the LSTM's i, f, g, o. */
function gatesOf(task: Extract<TaskConfig, { kind: 'charlm' }>): number {
  return task.cell === 'lstm' ? 4 : 3;
}

/** Trainable parameters of one run's model. */
export function trainableParams(task: TaskConfig): number {
  switch (task.kind) {
    case 'surface':
      return 2;
    case 'classify2d':
      return mlpParams([2, ...task.hidden, classesOf(task)]);
    case 'mnist':
      if (task.model === 'cnn') return 25 * 6 + 6 + 25 * 6 * 16 + 16 + 256 * 120 + 120 + 120 * 10 + 10;
      return mlpParams([MNIST_PIXELS, ...task.hidden, MNIST_CLASSES]);
    case 'charlm': {
      const { hidden: u, embedding: e } = task;
      const v = CHAR_LM_VOCAB_BOUND;
      const g = gatesOf(task);
      return v * e + e * g * u + u * g * u + 2 * g * u + u * v + v;
    }
  }
}

/**
 * Activation memory per float of a layer's width: a training step keeps the forward values for the
 * backward pass and allocates their gradients (tf.profile's peak over a step: ~3.5× the widths × batch
 * for an MLP, ~6× the per-character widths × batch × length for the GRU, whose unrolled tape keeps every
 * gate); an evaluation keeps every layer's values until its `tidy` ends (~1.6×). Rounded up.
 */
const TRAIN_FACTOR = { mlp: 4, gru: 7 } as const;
const EVAL_FACTOR = 2;

/** The most activation memory one training step or one evaluation holds at once (float32), an upper estimate. */
export function activationBytes(task: TaskConfig): number {
  const bytes = (width: number, trainRows: number, trainFactor: number, evalRows: number) =>
    4 * width * Math.max(trainFactor * trainRows, EVAL_FACTOR * evalRows);
  switch (task.kind) {
    case 'surface':
      return 0;
    case 'classify2d': {
      const width = sum([2, ...task.hidden, classesOf(task)]);
      const evalRows = EVAL_ROWS.grid2d + Math.max(400, (task.points?.labels.length ?? 0) / 4);
      return bytes(width, task.batchSize, TRAIN_FACTOR.mlp, evalRows);
    }
    case 'mnist': {
      // The CNN's layers per image: conv 24²×6, pool 12²×6, conv 8²×16, pool 4²×16, dense 120, 10.
      const width =
        task.model === 'cnn'
          ? MNIST_PIXELS + 24 * 24 * 6 + 12 * 12 * 6 + 8 * 8 * 16 + 256 + 120 + MNIST_CLASSES
          : sum([MNIST_PIXELS, ...task.hidden, MNIST_CLASSES]);
      const evalRows = task.model === 'cnn' ? EVAL_ROWS.mnistCnn : EVAL_ROWS.mnistMlp;
      return bytes(width, task.batchSize, TRAIN_FACTOR.mlp, evalRows);
    }
    case 'charlm': {
      const { hidden: u, embedding: e, sequenceLength: t } = task;
      const v = CHAR_LM_VOCAB_BOUND;
      // Per row and character: one-hot input, embedding, both projections, gates, state, logits, target.
      // The GRU keeps 3 gates' worth of each (13u in all); the LSTM 4 gates and a cell state (17u).
      const perCharacter = 4 * v + e + (gatesOf(task) === 4 ? 17 : 13) * u;
      return bytes(perCharacter * t, task.batchSize, TRAIN_FACTOR.gru, EVAL_ROWS.charLm);
    }
  }
}

export interface ExperimentSize {
  paramsPerRun: number;
  runs: number;
  /** Seeds every run trains on (docs/seeds.md): each is a full copy of every run. */
  seeds: number;
  /** paramsPerRun × runs × seeds × BYTES_PER_PARAM_PER_RUN. */
  parameterBytes: number;
  activationBytes: number;
  totalBytes: number;
}

/** What the budget reads of an experiment: the seed count is optional (absent: one seed). */
export type SizedExperiment = Pick<ExperimentConfig, 'task' | 'runs'> & Pick<ExperimentConfig, 'seedCount'>;

export function experimentSize(experiment: SizedExperiment): ExperimentSize {
  const paramsPerRun = trainableParams(experiment.task);
  const runs = Math.max(1, experiment.runs.length);
  const seeds = seedCountOf(experiment);
  const parameterBytes = paramsPerRun * runs * seeds * BYTES_PER_PARAM_PER_RUN;
  // The seeds step one after another: one step's activations at a time, whatever the seed count.
  const activations = activationBytes(experiment.task);
  return {
    paramsPerRun,
    runs,
    seeds,
    parameterBytes,
    activationBytes: activations,
    totalBytes: parameterBytes + activations,
  };
}

/** Why an experiment is refused: typed, so the page renders it through its string tables. */
export interface OverBudget {
  code: 'overBudget';
  /** What dominates: the parameters of every run, or one step's / one evaluation's activations. */
  part: 'parameters' | 'activations';
  size: ExperimentSize;
  budgetBytes: number;
  /** totalBytes / budget, > 1. */
  factor: number;
}

/** Null when the experiment fits the budget, else what is too large and by how much. */
export function checkExperimentBudget(
  experiment: SizedExperiment,
  budgetBytes = EXPERIMENT_BUDGET_BYTES,
): OverBudget | null {
  const size = experimentSize(experiment);
  if (size.totalBytes <= budgetBytes) return null;
  return {
    code: 'overBudget',
    part: size.parameterBytes >= size.activationBytes ? 'parameters' : 'activations',
    size,
    budgetBytes,
    factor: size.totalBytes / budgetBytes,
  };
}

/**
 * The most seeds (1–MAX_SEED_REPEATS) this experiment can train on within the budget; 0 when even one
 * seed is over it. The drawer offers no more than this.
 */
export function maxSeedsWithinBudget(
  experiment: Pick<ExperimentConfig, 'task' | 'runs'>,
  budgetBytes = EXPERIMENT_BUDGET_BYTES,
): number {
  for (let n = MAX_SEED_REPEATS; n >= 1; n--)
    if (checkExperimentBudget({ ...experiment, seedCount: n }, budgetBytes) === null) return n;
  return 0;
}

/** The refusal in English, for the engine's error reply and logs (the page uses its string tables). */
export function overBudgetMessage(o: OverBudget): string {
  const mb = (b: number) => `${Math.round(b / (1024 * 1024))} MB`;
  const what =
    o.part === 'parameters'
      ? `${o.size.paramsPerRun.toLocaleString('en-US')} parameters × ${o.size.runs} run${o.size.runs === 1 ? '' : 's'}` +
        (o.size.seeds > 1 ? ` × ${o.size.seeds} seeds` : '')
      : 'the activations of one training step or evaluation';
  return (
    `experiment too large: ${what} need about ${mb(o.size.totalBytes)}, ` +
    `${o.factor.toFixed(1)}× the budget of ${mb(o.budgetBytes)}; make the model, the batch, the number of runs${o.size.seeds > 1 ? ' or of seeds' : ''} smaller`
  );
}
