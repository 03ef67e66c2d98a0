// Weights and optimizer state as plain arrays: moves a session across backends (and, later,
// restores it after a worker restart). Reads are async only.

import * as tf from '@tensorflow/tfjs-core';
import type { ParamSpec } from '../tasks/task';
import type { Checkpoint, RunCheckpoint, StateArray } from './checkpoint-types';
import { Run } from './run';

export type { Checkpoint, RunCheckpoint, StateArray } from './checkpoint-types';

export async function readCheckpoint(runs: Run[], step: number): Promise<Checkpoint> {
  const perRun = await Promise.all(
    runs.map(async (run) => {
      const all = await run.optimizer.getWeights();
      const weights = all.filter((w) => w.name !== 'iter');
      let values: (Float32Array | Int32Array | Uint8Array)[];
      try {
        values = await Promise.all([...run.variables, ...weights.map((w) => w.tensor)].map((t) => t.data()));
      } finally {
        // getWeights hands out the live m, v state but new scalars (iterations, steps): dispose only those.
        tf.dispose(all.filter((w) => w.name === 'iter' || w.name.endsWith('/step')).map((w) => w.tensor));
      }
      const params: Record<string, Float32Array> = {};
      run.variables.forEach((v, i) => {
        params[v.name.slice(run.variablePrefix.length)] = values[i] as Float32Array;
      });
      const optimizerState = weights.map(
        (w, i): StateArray => ({
          name: w.name.slice(run.variablePrefix.length),
          shape: w.tensor.shape,
          dtype: w.tensor.dtype === 'int32' ? 'int32' : 'float32',
          values: values[run.variables.length + i] as Float32Array | Int32Array,
        }),
      );
      return {
        config: { ...run.config, spec: run.optimizer.spec },
        divergedAt: run.divergedAt,
        lastTrainLoss: run.lastTrainLoss,
        iterations: run.optimizer.iterations,
        params,
        optimizerState,
      };
    }),
  );
  return { step, runs: perRun };
}

/** A run re-created on the current backend from a checkpoint, optimizer state included. */
export async function restoreRun(saved: RunCheckpoint, paramSpecs: ParamSpec[]): Promise<Run> {
  const run = new Run(saved.config, paramSpecs, saved.params);
  run.divergedAt = saved.divergedAt;
  run.lastTrainLoss = saved.lastTrainLoss;
  const tensors = [
    { name: 'iter', tensor: tf.scalar(saved.iterations, 'int32') },
    ...saved.optimizerState.map((s) => ({
      name: run.variablePrefix + s.name,
      tensor: tf.tensor(s.values, s.shape, s.dtype),
    })),
  ];
  try {
    await run.optimizer.setWeights(tensors);
  } finally {
    tf.dispose(tensors.map((t) => t.tensor));
  }
  return run;
}
