// A checkpoint's shape: weights and optimizer state as plain arrays, as they cross postMessage and as
// the page keeps the latest one to restore a restarted worker. No tfjs: the page imports these types.
import type { RunConfig } from '../experiment';

export interface StateArray {
  /** Parameter-relative name, e.g. 'dense1/kernel/m' (no run prefix). */
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  values: Float32Array | Int32Array;
}

export interface RunCheckpoint {
  config: RunConfig;
  divergedAt: number | null;
  lastTrainLoss: number;
  /** The optimizer's own step counter (tf.Optimizer.iterations). */
  iterations: number;
  params: Record<string, Float32Array>;
  optimizerState: StateArray[];
}

export interface Checkpoint {
  step: number;
  runs: RunCheckpoint[];
  /** An experiment on several seeds: seeds 1…N−1 (seed 0 is this checkpoint itself). */
  repeats?: Checkpoint[];
}
