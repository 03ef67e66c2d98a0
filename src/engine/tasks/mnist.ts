// MNIST digits (the paper's Figure 1 setting): an MLP 784-…-10 or a small LeNet-style CNN. The data
// (a 5,000/1,000 subset shipped under public/data/mnist) is loaded only when this task is chosen.

import * as tf from '@tensorflow/tfjs-core';
import { loadMnistOnce, type MnistSplit } from '../data/load-datasets';
import { MNIST_CLASSES, MNIST_COLS, MNIST_PIXELS, MNIST_ROWS } from '../data/mnist-format';
import { createRandom, type Seeds } from '../random';
import { BatchOrder } from './batch-order';
import { classifierSteps } from './classifier-steps';
import type { MnistConfig } from './configs';
import { convReluValid, maxPool2 } from './conv-layers';
import { deviceData } from './device-data';
import { pixelsOnDevice } from './mnist-pixels';
import { accuracyOf, glorotUniform, mlpForward, mlpParams, softmaxCrossEntropy, zerosInit } from './params';
import type { AssetLoader, EvaluationTensors, ParamMap, ParamSpec, Task, TaskView } from './task';

/** Test digits shown with their predictions. */
const STRIP = 16;
/** Test images scored at each snapshot: all for the MLP; fewer for the CNN, whose evaluation costs more. */
const EVAL_IMAGES = { mlp: 1000, cnn: 250 };

function cnnParams(random: () => number): ParamSpec[] {
  const k = 5;
  const conv = { kind: 'conv' } as const;
  return [
    { ...glorotUniform('conv1/kernel', [k, k, 1, 6], k * k * 1, k * k * 6, random), display: conv },
    zerosInit('conv1/bias', [6]),
    { ...glorotUniform('conv2/kernel', [k, k, 6, 16], k * k * 6, k * k * 16, random), display: conv },
    zerosInit('conv2/bias', [16]),
    glorotUniform('dense1/kernel', [4 * 4 * 16, 120], 256, 120, random),
    zerosInit('dense1/bias', [120]),
    glorotUniform('dense2/kernel', [120, MNIST_CLASSES], 120, MNIST_CLASSES, random),
    zerosInit('dense2/bias', [MNIST_CLASSES]),
  ];
}

function cnnForward(x: tf.Tensor, p: ParamMap): tf.Tensor {
  const get = (name: string) => {
    const t = p[name];
    if (!t) throw new Error(`missing parameter ${name}`);
    return t;
  };
  const images = tf.reshape(x, [-1, MNIST_ROWS, MNIST_COLS, 1]) as tf.Tensor4D;
  const c1 = maxPool2(convReluValid(images, get('conv1/kernel'), get('conv1/bias'), true)); // 12×12×6
  const c2 = maxPool2(convReluValid(c1, get('conv2/kernel'), get('conv2/bias'))); // 4×4×16
  const flat = tf.reshape(c2, [-1, 4 * 4 * 16]);
  const h = tf.relu(tf.add(tf.matMul(flat, get('dense1/kernel')), get('dense1/bias')));
  return tf.add(tf.matMul(h, get('dense2/kernel')), get('dense2/bias'));
}

export async function createMnistTask(config: MnistConfig, seeds: Seeds, loader: AssetLoader): Promise<Task> {
  const data = await loadMnistOnce(loader);
  const trainCount = data.meta.train;
  const testCount = Math.min(data.test.count, EVAL_IMAGES[config.model]);
  const stripImages = data.test.pixels.slice(0, STRIP * MNIST_PIXELS);
  const random = createRandom(seeds.init);
  const sizes = [MNIST_PIXELS, ...config.hidden, MNIST_CLASSES];
  const params =
    config.model === 'cnn'
      ? cnnParams(random)
      : mlpParams('dense', sizes, random).map((p, i) =>
          // The first layer's weights of each hidden unit form a 28×28 image of the input pixels.
          i === 0
            ? { ...p, display: { kind: 'tiles' as const, tileRows: MNIST_ROWS, tileCols: MNIST_COLS } }
            : p,
        );
  const forward =
    config.model === 'cnn'
      ? cnnForward
      : (x: tf.Tensor, p: ParamMap) => mlpForward(x, p, 'dense', sizes.length - 1, config.activation);
  const order = new BatchOrder(trainCount, config.batchSize, createRandom(seeds.batches));
  // Uploaded apart, each on first use: the step-0 snapshot needs only the test set, and the training set
  // (downloaded by prepareTraining; 15.7 MB of float32 on the device) is then uploaded by the first step.
  let train: MnistSplit | null = null;
  const trainSet = deviceData(() => {
    if (!train) throw new Error('the MNIST training images are not loaded yet (prepareTraining first)');
    return {
      trainX: pixelsOnDevice(train.pixels, trainCount),
      trainY: tf.tensor1d(train.labels, 'int32'),
    };
  });
  const testSet = deviceData(() => ({
    testX: pixelsOnDevice(data.test.pixels, testCount),
    testY: tf.tensor1d(data.test.labels.subarray(0, testCount), 'int32'),
  }));
  const modelName = config.model === 'cnn' ? 'LeNet-style CNN' : `MLP ${sizes.join('-')}`;

  return {
    id: `mnist-${config.model}`,
    title: `MNIST · ${modelName}`,
    params,
    hasAccuracy: true,
    stepsPerEpoch: order.stepsPerEpoch,
    tracesParams: false,
    async prepareTraining() {
      train ??= await data.train();
    },
    ...classifierSteps('mnist', order, () => trainSet.get(), forward, MNIST_CLASSES),
    evaluate(p): EvaluationTensors {
      const { testX, testY } = testSet.get();
      const logits = forward(testX, p);
      return {
        testLoss: softmaxCrossEntropy(logits, testY, MNIST_CLASSES),
        accuracy: accuracyOf(logits, testY),
        view: tf.cast(tf.argMax(tf.slice(logits, [0, 0], [STRIP, MNIST_CLASSES]), -1), 'float32'),
      };
    },
    decodeView(view): TaskView {
      return {
        kind: 'digits',
        images: stripImages,
        labels: data.test.labels.slice(0, STRIP),
        predictions: Uint8Array.from(view ?? []),
      };
    },
    releaseTensors: () => {
      trainSet.release();
      testSet.release();
    },
  };
}
