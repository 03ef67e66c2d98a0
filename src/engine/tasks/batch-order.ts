// Mini-batch indices from the batch stream: a fresh shuffle every epoch, shared by all runs.

import * as tf from '@tensorflow/tfjs-core';
import { shuffle } from '../random';
import type { Batch } from './task';

export class BatchOrder {
  private order: Int32Array;
  private cursor = 0;

  constructor(
    private readonly count: number,
    readonly batchSize: number,
    private readonly random: () => number,
  ) {
    if (count < 1 || batchSize < 1) throw new Error(`bad batching: ${count} examples, batch ${batchSize}`);
    this.order = shuffle(
      Int32Array.from({ length: count }, (_, i) => i),
      random,
    );
  }

  get stepsPerEpoch(): number {
    return Math.max(1, Math.floor(this.count / Math.min(this.batchSize, this.count)));
  }

  /** The next batch's example indices (drops the epoch's remainder, as most loaders do). */
  next(): Int32Array {
    const size = Math.min(this.batchSize, this.count);
    if (this.cursor + size > this.count) {
      shuffle(this.order, this.random);
      this.cursor = 0;
    }
    const out = this.order.slice(this.cursor, this.cursor + size);
    this.cursor += size;
    return out;
  }
}

/** The examples at `indices` of a task's device data, as one batch (call inside tf.tidy). */
export function gatherBatch(x: tf.Tensor, y: tf.Tensor, indices: Int32Array): Batch {
  const idx = tf.tensor1d(indices, 'int32');
  return { x: tf.gather(x, idx), y: tf.gather(y, idx) };
}
