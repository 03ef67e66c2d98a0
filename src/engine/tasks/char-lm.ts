// A tiny character-level language model (the paper's third experiment family): embedding + GRU or
// LSTM (config.cell; the paper's language experiments use LSTMs) + softmax on 24 of Shakespeare's
// Sonnets. Rare characters' embedding rows receive a gradient only in the few batches that contain
// them, so their second moments stay tiny and Adam's A-LR on those rows soars; Sadam's stays capped.

import * as tf from '@tensorflow/tfjs-core';
import { loadSonnetsOnce } from '../data/load-datasets';
import { decodeText } from '../data/text-corpus';
import { createRandom, type Seeds } from '../random';
import { type CharLmConfig, RECURRENT_CELLS, type RecurrentCell } from './configs';
import { deviceData } from './device-data';
import { gruSequence } from './gru-sequence';
import { lstmSequence, lstmStep } from './lstm-sequence';
import { constantInit, glorotUniform, normalInit, zerosInit } from './params';
import type { AssetLoader, Batch, EvaluationTensors, ParamMap, Task, TaskView } from './task';

const PROMPT = 'Shall I compare thee';
const SAMPLE_LENGTH = 60;
const TEST_WINDOWS = 64;
/** The GRU kernels' and bias's column blocks, in order: update gate, reset gate, candidate state. */
const GRU_GATES = ['z', 'r', 'h'] as const;
/** The LSTM's, in order: input gate, forget gate, cell candidate, output gate. */
const LSTM_GATES = ['i', 'f', 'g', 'o'] as const;

function need(p: ParamMap, name: string): tf.Tensor {
  const t = p[name];
  if (!t) throw new Error(`missing parameter ${name}`);
  return t;
}

/**
 * The recurrent cell's weights, the input and recurrent kernels' columns in gate order (GRU [z | r | h],
 * LSTM [i | f | g | o]); parameter names are prefixed by the cell ('gru/…', 'lstm/…').
 */
interface CellWeights {
  inputKernel: tf.Tensor;
  recurrentKernel: tf.Tensor;
  bias: tf.Tensor;
  units: number;
}

function cellWeights(p: ParamMap, cell: RecurrentCell, units: number): CellWeights {
  return {
    inputKernel: need(p, `${cell}/input-kernel`),
    recurrentKernel: need(p, `${cell}/recurrent-kernel`),
    bias: need(p, `${cell}/bias`),
    units,
  };
}

/** x·W_in + b for many inputs at once: [rows, embedding] → [rows, gates·units], in gate order. */
function inputProjection(x: tf.Tensor, w: CellWeights): tf.Tensor {
  return tf.add(tf.matMul(x, w.inputKernel), w.bias);
}

/**
 * One GRU step (Cho et al. 2014) from the step's input projection xw [n, 3·units]:
 *   z = σ(x_z + h·U_z), r = σ(x_r + h·U_r), h̃ = tanh(x_h + r ⊙ (h·U_h)), h' = h + z ⊙ (h̃ − h)
 * (h + z(h̃ − h) is (1 − z)h + z·h̃ with one op fewer). One recurrent matMul gives all three gates'
 * h·U, and z and r share one add and one sigmoid.
 */
function gruStep(xw: tf.Tensor, h: tf.Tensor, w: CellWeights): tf.Tensor {
  const u = w.units;
  // tf.split, not tf.slice: a slice's gradient pads back to the full input, a split's is one concat.
  const [xzr, xh] = tf.split(xw, [2 * u, u], 1) as [tf.Tensor, tf.Tensor];
  const [hzr, hh] = tf.split(tf.matMul(h, w.recurrentKernel), [2 * u, u], 1) as [tf.Tensor, tf.Tensor];
  const [z, r] = tf.split(tf.sigmoid(tf.add(xzr, hzr)), 2, 1) as [tf.Tensor, tf.Tensor];
  const candidate = tf.tanh(tf.add(xh, tf.mul(r, hh)));
  return tf.add(h, tf.mul(z, tf.sub(candidate, h)));
}

/**
 * Embedding lookup as one-hot × matrix, not tf.gather: gather's gradient needs UnsortedSegmentSum,
 * which tfjs-wasm 4.22 lacks. Rows of absent characters still get exactly zero gradient.
 */
function embed(ids: tf.Tensor, p: ParamMap, vocabSize: number): tf.Tensor {
  return tf.matMul(tf.oneHot(tf.cast(ids, 'int32'), vocabSize), need(p, 'embedding'));
}

function outputLogits(h: tf.Tensor, p: ParamMap): tf.Tensor {
  return tf.add(tf.matMul(h, need(p, 'output/kernel')), need(p, 'output/bias'));
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
  const cell: RecurrentCell = config.cell ?? 'gru';
  if (!RECURRENT_CELLS.includes(cell))
    throw new Error(`unknown recurrent cell '${String(cell)}': expected ${RECURRENT_CELLS.join(' or ')}`);
  const gateNames = cell === 'lstm' ? LSTM_GATES : GRU_GATES;
  const gates = { kind: 'gates', gates: gateNames } as const;
  const columns = gateNames.length * units;
  // The LSTM's forget-gate bias starts at 1 (Gers et al. 2000; Jozefowicz et al. 2015), so that the
  // cell keeps its state early in training instead of forgetting it every step; the others start at 0.
  const bias =
    cell === 'lstm'
      ? constantInit(
          'lstm/bias',
          Array.from({ length: columns }, (_, k) => (Math.floor(k / units) === 1 ? 1 : 0)),
        )
      : zerosInit('gru/bias', [columns]);
  const params = [
    normalInit('embedding', [vocabSize, config.embedding], 0.1, random),
    {
      ...glorotUniform(
        `${cell}/input-kernel`,
        [config.embedding, columns],
        config.embedding,
        columns,
        random,
      ),
      display: gates,
    },
    {
      ...glorotUniform(`${cell}/recurrent-kernel`, [units, columns], units, columns, random),
      display: gates,
    },
    { ...bias, display: gates },
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

  /**
   * Mean next-character cross-entropy over every position of the windows [n, length + 1]. Time-major:
   * row t·n + b is window b at position t, so each step's rows are one contiguous slice. The embedding,
   * the input projection, the output layer and the loss each run once over the whole sequence; only
   * the recurrent part runs per step (gru-sequence.ts, lstm-sequence.ts: each its own backward pass).
   */
  const recurrentSequence = cell === 'lstm' ? lstmSequence : gruSequence;
  const sequenceLoss = (p: ParamMap, windowIds: tf.Tensor): tf.Scalar => {
    const n = windowIds.shape[0] as number;
    const w = cellWeights(p, cell, units);
    const timeMajor = tf.transpose(windowIds); // [length + 1, n]
    const inputs = tf.reshape(tf.slice(timeMajor, [0, 0], [length, n]), [length * n]);
    const targets = tf.reshape(tf.slice(timeMajor, [1, 0], [length, n]), [length * n]);
    const projected = inputProjection(embed(inputs, p, vocabSize), w); // [length·n, gates·units]
    const states = recurrentSequence(projected as tf.Tensor2D, w.recurrentKernel as tf.Tensor2D, length);
    const logProbs = tf.logSoftmax(outputLogits(states, p));
    const picked = tf.sum(tf.mul(tf.oneHot(tf.cast(targets, 'int32'), vocabSize), logProbs));
    return tf.div(tf.neg(picked), length * n) as tf.Scalar;
  };

  /** Greedy continuation of the prompt, entirely on the device. */
  const sample = (p: ParamMap): tf.Tensor => {
    const w = cellWeights(p, cell, units);
    // The LSTM's state is (h, c); the GRU's c stays unused.
    const step = (ids: tf.Tensor, state: { h: tf.Tensor; c: tf.Tensor }) => {
      const xw = inputProjection(embed(ids, p, vocabSize), w);
      return cell === 'lstm'
        ? lstmStep(xw, state, w.recurrentKernel)
        : { h: gruStep(xw, state.h, w), c: state.c };
    };
    let state = { h: tf.zeros([1, units]), c: tf.zeros([1, units]) };
    for (const id of promptIds) state = step(tf.tensor1d([id], 'int32'), state);
    let logits = outputLogits(state.h, p);
    const out: tf.Tensor[] = [];
    for (let i = 0; i < SAMPLE_LENGTH; i++) {
      const next = tf.argMax(logits, -1);
      out.push(next);
      state = step(next, state);
      logits = outputLogits(state.h, p);
    }
    return tf.cast(tf.concat(out), 'float32');
  };

  return {
    id: 'charlm-sonnets',
    title: `Sonnets · char ${cell.toUpperCase()} ${config.embedding}-${units} (${vocabSize} characters)`,
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
