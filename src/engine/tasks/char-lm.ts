// A tiny character-level language model (the paper's third experiment family): embedding + GRU +
// softmax on 24 of Shakespeare's Sonnets. Rare characters' embedding rows receive a gradient only
// in the few batches that contain them, so their second moments stay tiny and Adam's A-LR on those
// rows soars; Sadam's stays capped.

import * as tf from '@tensorflow/tfjs-core';
import { loadSonnetsOnce } from '../data/load-datasets';
import { decodeText } from '../data/text-corpus';
import { createRandom, type Seeds } from '../random';
import type { CharLmConfig } from './configs';
import { deviceData } from './device-data';
import { glorotUniform, normalInit, zerosInit } from './params';
import type { AssetLoader, Batch, EvaluationTensors, ParamMap, Task, TaskView } from './task';

const PROMPT = 'Shall I compare thee';
const SAMPLE_LENGTH = 60;
const TEST_WINDOWS = 64;

function need(p: ParamMap, name: string): tf.Tensor {
  const t = p[name];
  if (!t) throw new Error(`missing parameter ${name}`);
  return t;
}

/** One GRU step (Cho et al. 2014): gates from the input and the previous state. */
function gruStep(x: tf.Tensor, h: tf.Tensor, p: ParamMap, units: number): tf.Tensor {
  const xw = tf.add(tf.matMul(x, need(p, 'gru/input-kernel')), need(p, 'gru/bias'));
  const [xz, xr, xh] = tf.split(xw, [units, units, units], 1) as [tf.Tensor, tf.Tensor, tf.Tensor];
  const hu = tf.matMul(h, need(p, 'gru/recurrent-kernel'));
  const [hz, hr, hh] = tf.split(hu, [units, units, units], 1) as [tf.Tensor, tf.Tensor, tf.Tensor];
  const z = tf.sigmoid(tf.add(xz, hz));
  const r = tf.sigmoid(tf.add(xr, hr));
  const candidate = tf.tanh(tf.add(xh, tf.mul(r, hh)));
  return tf.add(tf.mul(tf.sub(1, z), h), tf.mul(z, candidate));
}

/**
 * Embedding lookup as one-hot × matrix, not tf.gather: gather's gradient needs UnsortedSegmentSum,
 * which tfjs-wasm 4.22 lacks. Rows of absent characters still get exactly zero gradient.
 */
function embed(ids: tf.Tensor, p: ParamMap, vocabSize: number): tf.Tensor {
  return tf.matMul(tf.oneHot(tf.cast(ids, 'int32'), vocabSize), need(p, 'embedding'));
}

export async function createCharLmTask(
  config: CharLmConfig,
  seeds: Seeds,
  loader: AssetLoader,
): Promise<Task> {
  const corpus = await loadSonnetsOnce(loader);
  const vocabSize = corpus.vocab.chars.length;
  const { hidden: units, sequenceLength: length, batchSize } = config;
  const split = Math.floor(corpus.ids.length * 0.9);
  const random = createRandom(seeds.init);
  const params = [
    normalInit('embedding', [vocabSize, config.embedding], 0.1, random),
    glorotUniform('gru/input-kernel', [config.embedding, 3 * units], config.embedding, 3 * units, random),
    glorotUniform('gru/recurrent-kernel', [units, 3 * units], units, 3 * units, random),
    zerosInit('gru/bias', [3 * units]),
    glorotUniform('output/kernel', [units, vocabSize], units, vocabSize, random),
    zerosInit('output/bias', [vocabSize]),
  ];
  const batchRandom = createRandom(seeds.batches);
  const windows = (count: number, from: number, to: number, pick: (i: number) => number) => {
    const ids = new Int32Array(count * (length + 1));
    for (let b = 0; b < count; b++) {
      const start = from + pick(b) * (to - from - length - 1);
      ids.set(corpus.ids.subarray(start, start + length + 1), b * (length + 1));
    }
    return ids;
  };
  const testIds = windows(TEST_WINDOWS, split, corpus.ids.length, (b) => b / TEST_WINDOWS);
  const promptIds = Array.from(PROMPT, (ch) => corpus.vocab.index.get(ch) ?? 0);
  const tensors = deviceData(() => ({ test: tf.tensor2d(testIds, [TEST_WINDOWS, length + 1], 'int32') }));

  /** Mean next-character cross-entropy over every position of the windows [n, length + 1]. */
  const sequenceLoss = (p: ParamMap, windowIds: tf.Tensor): tf.Scalar => {
    const n = windowIds.shape[0] as number;
    let h: tf.Tensor = tf.zeros([n, units]);
    const losses: tf.Tensor[] = [];
    const columns = tf.unstack(windowIds, 1);
    for (let t = 0; t < length; t++) {
      h = gruStep(embed(columns[t] as tf.Tensor, p, vocabSize), h, p, units);
      const logits = tf.add(tf.matMul(h, need(p, 'output/kernel')), need(p, 'output/bias'));
      const target = tf.oneHot(tf.cast(columns[t + 1] as tf.Tensor, 'int32'), vocabSize);
      losses.push(tf.neg(tf.mean(tf.sum(tf.mul(target, tf.logSoftmax(logits)), -1))));
    }
    return tf.div(tf.addN(losses), length) as tf.Scalar;
  };

  /** Greedy continuation of the prompt, entirely on the device. */
  const sample = (p: ParamMap): tf.Tensor => {
    let h: tf.Tensor = tf.zeros([1, units]);
    let logits: tf.Tensor = tf.zeros([1, vocabSize]);
    for (const id of promptIds) {
      h = gruStep(embed(tf.tensor1d([id], 'int32'), p, vocabSize), h, p, units);
      logits = tf.add(tf.matMul(h, need(p, 'output/kernel')), need(p, 'output/bias'));
    }
    const out: tf.Tensor[] = [];
    for (let i = 0; i < SAMPLE_LENGTH; i++) {
      const next = tf.argMax(logits, -1);
      out.push(next);
      h = gruStep(embed(next, p, vocabSize), h, p, units);
      logits = tf.add(tf.matMul(h, need(p, 'output/kernel')), need(p, 'output/bias'));
    }
    return tf.cast(tf.concat(out), 'float32');
  };

  return {
    id: 'charlm-sonnets',
    title: `Sonnets · char GRU ${config.embedding}-${units} (${vocabSize} characters)`,
    params,
    hasAccuracy: false,
    stepsPerEpoch: Math.max(1, Math.floor(split / (batchSize * length))),
    tracesParams: false,
    nextBatch(): Batch {
      const ids = windows(batchSize, 0, split, () => batchRandom());
      const x = tf.tensor2d(ids, [batchSize, length + 1], 'int32');
      return { x, y: tf.clone(x) };
    },
    loss: (p, batch) => {
      if (!batch) throw new Error('the language model needs a batch');
      return sequenceLoss(p, batch.x);
    },
    evaluate(p): EvaluationTensors {
      return { testLoss: sequenceLoss(p, tensors.get().test), view: sample(p) };
    },
    decodeView(view): TaskView {
      return { kind: 'text', sample: PROMPT + decodeText(Array.from(view ?? []), corpus.vocab) };
    },
    releaseTensors: () => tensors.release(),
  };
}
