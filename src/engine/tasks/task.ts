// What every task provides to the lockstep session. A task owns its data tensors; runs own their
// parameter variables. All tensor-producing methods are called inside tf.tidy by the session.

import type * as tf from '@tensorflow/tfjs-core';
import type { AssetLoader } from '../data/asset-loader';
import type { ParamDisplay } from './param-display';
import type { TaskView } from './task-view';

// What a snapshot carries for the task view lives apart, free of tfjs (the page imports it).
export type { AssetLoader, TaskView };

/** One parameter tensor's initial value, drawn from the init stream (identical for every run). */
export interface ParamSpec {
  /** Layer-qualified name, e.g. 'dense1/kernel'. */
  name: string;
  shape: number[];
  values: Float32Array;
  /** Its structure, for the visualizer: MNIST's first layer as 28×28 tiles, conv filters, GRU gates. */
  display?: ParamDisplay;
}

/** Parameter tensors by ParamSpec name. */
export type ParamMap = Record<string, tf.Tensor>;

// A type alias (not an interface) so that a batch is a tf.TensorContainer and can leave tf.tidy.
export type Batch = {
  x: tf.Tensor;
  y: tf.Tensor;
};

/** Tensors to read back at a snapshot (in the session's one batched readback). */
export interface EvaluationTensors {
  testLoss?: tf.Scalar;
  accuracy?: tf.Scalar;
  /** Task-specific view data (decision-boundary grid, predictions ...), decoded by decodeView. */
  view?: tf.Tensor;
}

export interface Task {
  readonly id: string;
  readonly title: string;
  readonly params: ParamSpec[];
  readonly hasAccuracy: boolean;
  /** Number of training examples per epoch / batch size (1 for loss surfaces). */
  readonly stepsPerEpoch: number;
  /** Loss surfaces: record the parameters at every step as the trajectory. */
  readonly tracesParams: boolean;
  /**
   * Loads what training needs beyond what a snapshot needs (MNIST's training set); `nextBatch` throws
   * until it has resolved. Absent when the task is ready to train once built. A failure is not kept:
   * the next call tries again.
   */
  prepareTraining?(): Promise<void>;
  /** The next batch from the batch stream, shared by all runs of this step; null for loss surfaces. */
  nextBatch(): Batch | null;
  loss(params: ParamMap, batch: Batch | null): tf.Scalar;
  evaluate(params: ParamMap): EvaluationTensors;
  /** Builds the task view from the read-back view tensor and, for surfaces, the traced parameters. */
  decodeView(view: Float32Array | undefined, trace: Float32Array | undefined): TaskView;
  /** Frees the data tensors; the next use re-creates them on the then-current backend. */
  releaseTensors(): void;
}
