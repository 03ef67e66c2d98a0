// Shared measuring helpers for `npm run bench` (Node and the bench page). Everything here is a ratio
// or a time measured side by side in one process: A and B interleaved, median of many repetitions.

import * as tf from '@tensorflow/tfjs-core';
import { registerWasmTrainingKernels } from '../src/engine/tasks';
import { createOptimizer } from '../src/optim';
import { mulberry32 } from '../src/stats/random';
import { medianOf } from './spread.mjs';

export const now = (): number => performance.now();

/** The median of `xs` (NaN when empty); one definition for the bench's TypeScript and its scripts. */
export function median(xs: number[]): number {
  return medianOf(xs);
}

/** A deterministic float32 array in [-scale, scale) (mulberry32), so every backend sees the same data. */
export function randomArray(n: number, seed: number, scale = 1): Float32Array {
  const random = mulberry32(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = (random() * 2 - 1) * scale;
  return out;
}

/** Shapes of an MLP's variables: kernel [in, out] and bias [out] per layer. */
export function mlpShapes(layers: number[]): number[][] {
  const shapes: number[][] = [];
  for (let i = 0; i + 1 < layers.length; i++) {
    shapes.push([layers[i] as number, layers[i + 1] as number], [layers[i + 1] as number]);
  }
  return shapes;
}

export const paramCount = (layers: number[]): number =>
  mlpShapes(layers).reduce((s, shape) => s + shape.reduce((a, b) => a * b, 1), 0);

/** The fig1-mnist MLP. */
export const MNIST_MLP = [784, 128, 64, 10];

let serial = 0;

export interface UpdateRatio {
  sadamMs: number;
  adamMs: number;
  /** Median over the side-by-side pairs of Sadam's time ÷ Adam's (robust to the machine's slow phases). */
  ratio: number;
  /** sadamMs ÷ adamMs (the measure before pairs). */
  ratioOfMedians: number;
  reps: number;
}

/**
 * One optimizer update of the MNIST MLP's variables with precomputed random gradients:
 * Sadam (official, lr 1e-2, softplus β 50) against tf.train.adam, same backend, interleaved
 * (the order alternates every repetition). Each update is synced by an async read of one tiny
 * value, the same for both, so that queued GPU work is counted. The ratio is the median of the pairs'
 * ratios, each of two updates run next to each other.
 */
export async function measureUpdateRatio(reps: number, warmup = 10): Promise<UpdateRatio> {
  const shapes = mlpShapes(MNIST_MLP);
  const tag = `bench${serial++}`;
  const make = (who: string) =>
    shapes.map((shape, i) =>
      tf.variable(
        tf.tensor(
          randomArray(
            shape.reduce((a, b) => a * b, 1),
            100 + i,
            0.1,
          ),
          shape,
        ),
        true,
        `${tag}-${who}/v${i}`,
      ),
    );
  const sVars = make('sadam');
  const aVars = make('adam');
  const grads = shapes.map((shape, i) =>
    tf.tensor(
      randomArray(
        shape.reduce((a, b) => a * b, 1),
        200 + i,
        0.01,
      ),
      shape,
    ),
  );
  const sMap: tf.NamedTensorMap = Object.fromEntries(sVars.map((v, i) => [v.name, grads[i] as tf.Tensor]));
  // tfjs's own optimizers take a list (their types do not accept a plain name → tensor map).
  const aList: { name: string; tensor: tf.Tensor }[] = aVars.map((v, i) => ({
    name: v.name,
    tensor: grads[i] as tf.Tensor,
  }));
  const sadam = createOptimizer({ name: 'sadam', lr: 1e-2, softplusBeta: 50 });
  const adam = tf.train.adam(1e-2);
  const tinyS = sVars[sVars.length - 1] as tf.Variable; // the output bias: 10 floats
  const tinyA = aVars[aVars.length - 1] as tf.Variable;
  const sync = async (v: tf.Variable) => {
    const s = tf.sum(v);
    await s.data();
    s.dispose();
  };
  const one = async (which: 's' | 'a'): Promise<number> => {
    const t0 = now();
    if (which === 's') {
      sadam.applyGradients(sMap);
      await sync(tinyS);
    } else {
      adam.applyGradients(aList);
      await sync(tinyA);
    }
    return now() - t0;
  };
  for (let i = 0; i < warmup; i++) {
    await one('s');
    await one('a');
  }
  const s: number[] = [];
  const a: number[] = [];
  for (let i = 0; i < reps; i++) {
    if (i % 2) {
      s.push(await one('s'));
      a.push(await one('a'));
    } else {
      a.push(await one('a'));
      s.push(await one('s'));
    }
  }
  sadam.dispose();
  adam.dispose();
  tf.dispose([...sVars, ...aVars, ...grads]);
  const sadamMs = median(s);
  const adamMs = median(a);
  const pairs = s.map((ms, i) => ms / (a[i] as number));
  return { sadamMs, adamMs, ratio: median(pairs), ratioOfMedians: sadamMs / adamMs, reps };
}

export interface ScalingRow {
  layers: string;
  params: number;
  adamStepsPerS: number;
  sadamStepsPerS: number;
}

/**
 * Training steps per second (forward, backward, update; batch 64, random data, softmax
 * cross-entropy) of a plain MLP of the given layer sizes, Adam and Sadam interleaved.
 */
export async function measureScaling(
  layers: number[],
  budgetMs: number,
  batch = 64,
  minPairs = 6,
): Promise<ScalingRow> {
  // The kernels the app trains with (on WASM: its matMul gradients), whatever ran before on this page.
  registerWasmTrainingKernels();
  const shapes = mlpShapes(layers);
  const tag = `scale${serial++}`;
  const inputs = layers[0] as number;
  const classes = layers[layers.length - 1] as number;
  const x = tf.tensor(randomArray(batch * inputs, 7), [batch, inputs]);
  const labels = new Int32Array(batch).map((_, i) => i % classes);
  const y = tf.oneHot(tf.tensor1d(labels, 'int32'), classes);
  const make = (who: string) =>
    shapes.map((shape, i) => {
      const fanIn = shape[0] as number;
      return tf.variable(
        tf.tensor(
          randomArray(
            shape.reduce((p, q) => p * q, 1),
            300 + i,
            shape.length > 1 ? Math.sqrt(3 / fanIn) : 0,
          ),
          shape,
        ),
        true,
        `${tag}-${who}/v${i}`,
      );
    });
  const loss = (vars: tf.Variable[]) => (): tf.Scalar => {
    let h: tf.Tensor = x;
    for (let i = 0; i < vars.length; i += 2) {
      h = tf.add(tf.matMul(h, vars[i] as tf.Tensor), vars[i + 1] as tf.Tensor);
      if (i + 2 < vars.length) h = tf.relu(h);
    }
    return tf.losses.softmaxCrossEntropy(y, h) as tf.Scalar;
  };
  const runs = [
    { vars: make('adam'), opt: tf.train.adam(1e-3) as tf.Optimizer, times: [] as number[] },
    {
      vars: make('sadam'),
      opt: createOptimizer({ name: 'sadam', lr: 1e-2, softplusBeta: 50 }) as tf.Optimizer,
      times: [] as number[],
    },
  ];
  const step = async (r: (typeof runs)[number]): Promise<number> => {
    const t0 = now();
    const cost = r.opt.minimize(loss(r.vars), true, r.vars);
    await cost?.data();
    cost?.dispose();
    return now() - t0;
  };
  for (const r of runs) {
    await step(r);
    await step(r);
  }
  const started = now();
  let i = 0;
  while ((now() - started < budgetMs || i < minPairs) && i < 400) {
    const order = i % 2 ? runs : [...runs].reverse();
    for (const r of order) r.times.push(await step(r));
    i++;
  }
  for (const r of runs) {
    r.opt.dispose();
    tf.dispose(r.vars);
  }
  tf.dispose([x, y]);
  return {
    layers: layers.join('-'),
    params: paramCount(layers),
    adamStepsPerS: 1000 / median(runs[0]?.times ?? []),
    sadamStepsPerS: 1000 / median(runs[1]?.times ?? []),
  };
}

export const SCALING_MODELS: number[][] = [
  [2, 32, 32, 2], // ~1.2k
  [64, 128, 10], // ~9.6k
  [784, 128, 64, 10], // ~109k (fig1-mnist)
  [784, 512, 10], // ~407k
  [784, 1024, 256, 10], // ~1.07M
];
