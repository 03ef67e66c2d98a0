import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { CalibratedOptimizer, createOptimizer } from './index';
import { NODE_BACKENDS, useBackend } from './testing/node-backends';

/** A small least-squares problem with two variables (a 4×3 matrix and a bias), seeded. */
function leastSquares(prefix: string) {
  const xs = tf.randomNormal([32, 4], 0, 1, 'float32', 7);
  const ys = tf.randomNormal([32, 3], 0, 1, 'float32', 8);
  const w = tf.variable(tf.randomNormal([4, 3], 0, 0.5, 'float32', 9), true, `${prefix}/w`);
  const b = tf.variable(tf.zeros([3]), true, `${prefix}/b`);
  const loss = () => tf.tidy(() => tf.mean(tf.square(tf.sub(tf.add(tf.matMul(xs, w), b), ys))) as tf.Scalar);
  const dispose = () => tf.dispose([xs, ys, w, b]);
  return { w, b, loss, dispose };
}

async function maxAbs(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  const d = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))));
  const value = (await d.data())[0] ?? Number.NaN;
  d.dispose();
  return value;
}

describe.each(NODE_BACKENDS)('plays with tfjs on %s', (backend) => {
  beforeAll(() => useBackend(backend));

  it('textbook Adam matches tf.train.adam (same ε) to float32 precision over 100 steps', async () => {
    const ours = leastSquares(`ours-${backend}`);
    const theirs = leastSquares(`theirs-${backend}`);
    const a = createOptimizer({ name: 'adam', convention: 'textbook', lr: 0.01, eps: 1e-7 });
    const b = tf.train.adam(0.01, 0.9, 0.999, 1e-7);
    // tf.train.adam keeps β^t as a float32 running product; we take it in float64: a few ulps apart.
    for (let step = 1; step <= 100; step++) {
      a.minimize(ours.loss, true, [ours.w, ours.b])?.dispose();
      b.minimize(theirs.loss, true, [theirs.w, theirs.b])?.dispose();
      if (step % 10 === 0) {
        expect(await maxAbs(ours.w, theirs.w), `w at step ${step}`).toBeLessThan(1e-5);
        expect(await maxAbs(ours.b, theirs.b), `b at step ${step}`).toBeLessThan(1e-5);
      }
    }
    // The official convention is a different (documented) arithmetic: it must not coincide.
    const official = leastSquares(`official-${backend}`);
    const c = createOptimizer({ name: 'adam', lr: 0.01, eps: 1e-3 });
    const d = tf.train.adam(0.01, 0.9, 0.999, 1e-3);
    const textbookTwin = leastSquares(`twin-${backend}`);
    for (let step = 0; step < 5; step++) {
      c.minimize(official.loss, true, [official.w, official.b])?.dispose();
      d.minimize(textbookTwin.loss, true, [textbookTwin.w, textbookTwin.b])?.dispose();
    }
    expect(await maxAbs(official.w, textbookTwin.w)).toBeGreaterThan(1e-6);
    for (const t of [ours, theirs, official, textbookTwin]) t.dispose();
    for (const o of [a, b, c, d]) o.dispose();
  });

  it('trains a tfjs-layers model through compile/fit and reports its A-LR by weight name', async () => {
    const model = tfl.sequential({
      layers: [
        tfl.layers.dense({ inputShape: [2], units: 8, activation: 'tanh' }),
        tfl.layers.dense({ units: 1 }),
      ],
    });
    const optimizer = createOptimizer({ name: 'sadam', lr: 0.01, softplusBeta: 50 });
    model.compile({ optimizer, loss: 'meanSquaredError' });
    const xs = tf.randomUniform([64, 2], -1, 1, 'float32', 3);
    const ys = tf.tidy(() => tf.sum(tf.mul(xs, xs), 1, true));
    const history = await model.fit(xs, ys, { epochs: 30, batchSize: 16, verbose: 0, shuffle: false });
    const losses = history.history.loss as number[];
    expect(losses[losses.length - 1]).toBeLessThan((losses[0] ?? 0) * 0.5);

    const rates = optimizer.adaptiveRates();
    const names = model.trainableWeights.map((w) => w.name).sort();
    expect(Object.keys(rates).sort()).toEqual(names);
    for (const rate of Object.values(rates)) {
      const max = (await tf.max(rate).data())[0] ?? Number.NaN;
      expect(max).toBeLessThanOrEqual(50 / Math.LN2 + 1e-3);
    }
    tf.dispose(rates);
    tf.dispose([xs, ys]);
    model.dispose();
    optimizer.dispose();
  });

  it('round-trips through getConfig / fromConfig and the serialization registry', () => {
    const original = createOptimizer({ name: 'samsgrad', lr: 0.02, softplusBeta: 10, weightDecay: 5e-4 });
    const registered = tf.serialization.SerializationMap.getMap().classNameMap.CalibratedOptimizer;
    if (!registered) throw new Error('CalibratedOptimizer is not registered for serialization');
    const [cls, fromConfig] = registered;
    const copy = fromConfig(cls, original.getConfig());
    expect(copy).toBeInstanceOf(CalibratedOptimizer);
    expect((copy as CalibratedOptimizer).spec).toEqual(original.spec);
    expect(copy.getClassName()).toBe('CalibratedOptimizer');
  });

  it('carries m, v, the running max and step counts through getWeights / setWeights', async () => {
    const spec = { name: 'samsgrad', lr: 0.05, softplusBeta: 10 } as const;
    const straight = leastSquares(`straight-${backend}`);
    const resumed = leastSquares(`resumed-${backend}`);
    const first = createOptimizer(spec);
    for (let i = 0; i < 7; i++) {
      first.minimize(straight.loss, true, [straight.w, straight.b])?.dispose();
      first.minimize(resumed.loss, true, [resumed.w, resumed.b])?.dispose();
    }
    // Hand the state of `resumed` to a new optimizer (renaming the keys to nothing else).
    const weights = await first.getWeights();
    const forResumed = weights.filter((w) => w.name === 'iter' || w.name.startsWith(`resumed-${backend}`));
    const second = createOptimizer(spec);
    await second.setWeights(forResumed);
    expect(second.stepCounts()).toEqual({ [`resumed-${backend}/w`]: 7, [`resumed-${backend}/b`]: 7 });
    tf.dispose(weights.filter((w) => w.name === 'iter' || w.name.endsWith('/step')).map((w) => w.tensor));
    for (let i = 0; i < 5; i++) {
      first.minimize(straight.loss, true, [straight.w, straight.b])?.dispose();
      second.minimize(resumed.loss, true, [resumed.w, resumed.b])?.dispose();
    }
    expect(await maxAbs(straight.w, resumed.w)).toBe(0);
    expect(await maxAbs(straight.b, resumed.b)).toBe(0);
    straight.dispose();
    resumed.dispose();
    first.dispose();
    second.dispose();
  });

  it('adaptiveRates() is empty before the first step and returns new tensors the caller owns', async () => {
    const problem = leastSquares(`owned-${backend}`);
    const optimizer = createOptimizer({ name: 'adam' });
    expect(optimizer.adaptiveRates()).toEqual({});
    optimizer.minimize(problem.loss, true, [problem.w, problem.b])?.dispose();
    const first = optimizer.adaptiveRates();
    const before = await first[`owned-${backend}/w`]?.data();
    tf.dispose(first);
    // Disposing the map must not have touched the optimizer's state.
    const again = optimizer.adaptiveRates();
    expect(await again[`owned-${backend}/w`]?.data()).toEqual(before);
    tf.dispose(again);
    problem.dispose();
    optimizer.dispose();
  });
});
