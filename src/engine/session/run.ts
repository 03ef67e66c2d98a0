// One run of a scene: its own copy of the shared initial weights and its own optimizer. Steps are
// queued on the device; losses (and, for surfaces, the parameters) are kept as tensors until the
// next snapshot reads them all back at once.

import * as tf from '@tensorflow/tfjs-core';
import { type CalibratedOptimizer, createOptimizer } from '../../optim';
import type { RunConfig } from '../experiment';
import type { Batch, ParamMap, ParamSpec, Task } from '../tasks/task';

let variableSerial = 0;

export class Run {
  readonly variables: tf.Variable[];
  /** Prepended to each parameter name to make the tfjs variable name. */
  readonly variablePrefix: string;
  readonly params: ParamMap;
  readonly optimizer: CalibratedOptimizer;
  /** The step whose loss first came back NaN/±Inf; the run takes no further steps until reset. */
  divergedAt: number | null = null;
  /**
   * Still at the task's shared initial weights (built from them, no step taken): every such run of a
   * session has the same weights, so a snapshot evaluates them once for all (snapshot.ts).
   */
  atInitialWeights: boolean;
  /** Mean training loss of the latest snapshot that had new steps (shown while nothing new comes). */
  lastTrainLoss = Number.NaN;
  /** Step number of each queued loss. */
  private pendingSteps: number[] = [];
  private pendingLosses: tf.Scalar[] = [];
  private pendingTrace: tf.Tensor[] = [];

  constructor(
    readonly config: RunConfig,
    paramSpecs: ParamSpec[],
    values?: Record<string, Float32Array>,
  ) {
    // Variable names are global in tfjs: a serial keeps them unique across resets and runs.
    this.variablePrefix = `run${variableSerial++}-${config.id}/`;
    this.atInitialWeights = values === undefined;
    this.variables = paramSpecs.map((p) =>
      tf.tidy(() =>
        tf.variable(
          tf.tensor(values?.[p.name] ?? p.values, p.shape, 'float32'),
          true,
          this.variablePrefix + p.name,
        ),
      ),
    );
    this.params = Object.fromEntries(paramSpecs.map((p, i) => [p.name, this.variables[i] as tf.Variable]));
    this.optimizer = createOptimizer(config.spec);
  }

  get id(): string {
    return this.config.id;
  }

  /** Queues one optimizer step; the loss stays on the device. */
  step(task: Task, batch: Batch | null, stepNumber: number): void {
    if (this.divergedAt !== null) return;
    this.atInitialWeights = false;
    const cost = this.optimizer.minimize(() => task.loss(this.params, batch), true, this.variables);
    if (cost) {
      this.pendingLosses.push(cost);
      this.pendingSteps.push(stepNumber);
    }
    if (task.tracesParams)
      this.pendingTrace.push(tf.tidy(() => tf.concat(this.variables.map((v) => tf.reshape(v, [-1])))));
  }

  /** Takes the queued losses and trace as two tensors (new; the caller disposes them). */
  drainPending(): { steps: number[]; losses: tf.Tensor | null; trace: tf.Tensor | null } {
    const steps = this.pendingSteps;
    const losses = this.pendingLosses.length ? tf.stack(this.pendingLosses) : null;
    const trace = this.pendingTrace.length ? tf.stack(this.pendingTrace) : null;
    tf.dispose([...this.pendingLosses, ...this.pendingTrace]);
    this.pendingSteps = [];
    this.pendingLosses = [];
    this.pendingTrace = [];
    return { steps, losses, trace };
  }

  dispose(): void {
    tf.dispose([...this.pendingLosses, ...this.pendingTrace]);
    this.pendingLosses = [];
    this.pendingTrace = [];
    this.optimizer.dispose();
    tf.dispose(this.variables);
  }
}
