// The training half of a softmax classifier task (MNIST, the 2-D sets): the next shuffled mini-batch,
// gathered on the device from the training tensors, and its cross-entropy under the task's model.

import * as tf from '@tensorflow/tfjs-core';
import { type BatchOrder, gatherBatch } from './batch-order';
import { softmaxCrossEntropy } from './params';
import type { Batch, ParamMap, Task } from './task';

export function classifierSteps(
  taskName: string,
  order: BatchOrder,
  trainSet: () => { trainX: tf.Tensor; trainY: tf.Tensor },
  forward: (x: tf.Tensor, p: ParamMap) => tf.Tensor,
  classes: number,
): Pick<Task, 'nextBatch' | 'loss'> {
  return {
    nextBatch(): Batch {
      const indices = order.next();
      return tf.tidy(() => {
        const { trainX, trainY } = trainSet();
        return gatherBatch(trainX, trainY, indices);
      });
    },
    loss: (p, batch) => {
      if (!batch) throw new Error(`${taskName} needs a batch`);
      return softmaxCrossEntropy(forward(batch.x, p), batch.y, classes);
    },
  };
}
