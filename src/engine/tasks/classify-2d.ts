// 2-D classification: a TF-Playground-style MLP on spirals, moons, circles, XOR, blobs or the
// user's own points (rescaled into the view); the snapshot carries the decision boundary on a grid.

import * as tf from '@tensorflow/tfjs-core';
import { createRandom, type Seeds } from '../random';
import { BatchOrder } from './batch-order';
import { classifierSteps } from './classifier-steps';
import type { Classify2dConfig, CustomPoints } from './configs';
import { describeScale, scaleCustomPoints, splitCustomPoints } from './custom-points';
import { generate2d, type Points2d } from './datasets-2d';
import { deviceData } from './device-data';
import { accuracyOf, mlpForward, mlpParams, softmaxCrossEntropy } from './params';
import type { EvaluationTensors, ParamMap, Task, TaskView } from './task';

const GRID = 40;
const EXTENT: [number, number, number, number] = [-1.2, 1.2, -1.2, 1.2];

interface Classify2dData {
  train: Points2d;
  test: Points2d;
  /** The points drawn on the boundary plot. */
  shown: Points2d;
  /** The data set's name in the task title (custom points: how the file maps onto the view). */
  name: string;
}

function dataOf(config: Classify2dConfig, seeds: Seeds): Classify2dData {
  if (config.dataset === 'custom') {
    const all = scaleCustomPoints(config.points as CustomPoints);
    const { train, test } = splitCustomPoints(all, seeds.data);
    return {
      train,
      test,
      shown: all,
      name: `custom ${all.labels.length} points, ${describeScale(all)}`,
    };
  }
  const train = generate2d(config.dataset, config.trainSize, config.noise, createRandom(seeds.data));
  const test = generate2d(
    config.dataset,
    Math.max(100, config.trainSize / 2),
    config.noise,
    createRandom(seeds.data + 7919),
  );
  return { train, test, shown: train, name: config.dataset };
}

export function createClassify2d(config: Classify2dConfig, seeds: Seeds): Task {
  const { train, test, shown, name } = dataOf(config, seeds);
  const trainSize = train.labels.length;
  const sizes = [2, ...config.hidden, train.classes];
  const layers = sizes.length - 1;
  const params = mlpParams('dense', sizes, createRandom(seeds.init));
  const order = new BatchOrder(trainSize, config.batchSize, createRandom(seeds.batches));

  const gridXy = new Float32Array(GRID * GRID * 2);
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      const i = r * GRID + c;
      gridXy[2 * i] = EXTENT[0] + ((c + 0.5) / GRID) * (EXTENT[1] - EXTENT[0]);
      gridXy[2 * i + 1] = EXTENT[3] - ((r + 0.5) / GRID) * (EXTENT[3] - EXTENT[2]);
    }
  }
  const data = deviceData(() => ({
    trainX: tf.tensor2d(train.xy, [trainSize, 2]),
    trainY: tf.tensor1d(train.labels, 'int32'),
    testX: tf.tensor2d(test.xy, [test.labels.length, 2]),
    testY: tf.tensor1d(test.labels, 'int32'),
    grid: tf.tensor2d(gridXy, [GRID * GRID, 2]),
  }));
  const forward = (x: tf.Tensor, p: ParamMap) => mlpForward(x, p, 'dense', layers, config.activation);

  return {
    id: `classify2d-${config.dataset}`,
    title: `${name} · MLP 2-${config.hidden.join('-')}-${train.classes}`,
    params,
    hasAccuracy: true,
    stepsPerEpoch: order.stepsPerEpoch,
    tracesParams: false,
    ...classifierSteps('classify2d', order, () => data.get(), forward, train.classes),
    evaluate(p): EvaluationTensors {
      const { testX, testY, grid } = data.get();
      const logits = forward(testX, p);
      return {
        testLoss: softmaxCrossEntropy(logits, testY, train.classes),
        accuracy: accuracyOf(logits, testY),
        view: tf.softmax(forward(grid, p)),
      };
    },
    decodeView(view): TaskView {
      return {
        kind: 'boundary',
        gridSize: GRID,
        extent: EXTENT,
        classes: train.classes,
        probabilities: view ?? new Float32Array(),
        points: shown.xy,
        labels: shown.labels,
      };
    },
    releaseTensors: () => data.release(),
  };
}
