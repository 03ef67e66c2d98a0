import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { maxRelDiff } from './golden';
import { createOptimizer, OPTIMIZER_NAMES } from './index';
import { createReferenceState, referenceStep, softplus64 } from './reference';
import { resolveSpec } from './spec';
import { NODE_BACKENDS, useBackend } from './testing/node-backends';
import { softplus } from './update-ops';

describe.each(NODE_BACKENDS)('on %s', (backend) => {
  beforeAll(() => useBackend(backend));

  for (const name of OPTIMIZER_NAMES) {
    it(`${name}: tf.memory().numTensors is the same after step 10 and after step 1,000`, async () => {
      const w = tf.tidy(() =>
        tf.variable(tf.randomNormal([6, 5], 0, 1, 'float32', 1), true, `${backend}-${name}-w`),
      );
      const b = tf.tidy(() => tf.variable(tf.zeros([5]), true, `${backend}-${name}-b`));
      const xs = tf.randomNormal([16, 6], 0, 1, 'float32', 2);
      const optimizer = createOptimizer({ name, lr: 1e-3, weightDecay: 5e-4 });
      const loss = () => tf.tidy(() => tf.mean(tf.square(tf.add(tf.matMul(xs, w), b))) as tf.Scalar);
      let afterTen = 0;
      for (let step = 1; step <= 1000; step++) {
        optimizer.minimize(loss, false, [w, b]);
        if (step % 100 === 0) tf.dispose(optimizer.adaptiveRates());
        if (step === 10) afterTen = tf.memory().numTensors;
      }
      expect(tf.memory().numTensors).toBe(afterTen);
      const total = (await tf.sum(w).data())[0];
      expect(Number.isFinite(total)).toBe(true);
      optimizer.dispose();
      tf.dispose([w, b, xs]);
    });
  }

  it('softplus_β stays finite and exact with β·√v in the thousands', async () => {
    const z = tf.tensor1d([0, 1e-4, 0.01, 1, 50, 100, 400]);
    const sp = softplus(z, 100);
    const values = await sp.data();
    const expected = [0, 1e-4, 0.01, 1, 50, 100, 400].map((v) => softplus64(v, 100));
    expect(values.every(Number.isFinite)).toBe(true);
    expect(maxRelDiff(values, expected)).toBeLessThan(1e-6);
    tf.dispose([z, sp]);
  });

  it('Sadam with β = 100 and gradients of scale 100 gives the reference A-LR, never Inf or NaN', async () => {
    const spec = resolveSpec({ name: 'sadam', softplusBeta: 100 });
    const x = tf.tidy(() => tf.variable(tf.tensor1d([1, -1, 0.5]), true, `${backend}-stress`));
    const optimizer = createOptimizer(spec);
    const state = createReferenceState(3);
    let refX: Float64Array = Float64Array.from([1, -1, 0.5]);
    for (let k = 0; k < 10; k++) {
      const g = [100, -300 + k, 1e-3];
      const grad = tf.tensor1d(g);
      optimizer.applyGradients({ [`${backend}-stress`]: grad });
      grad.dispose();
      const ref = referenceStep(spec, state, refX, Float64Array.from(g));
      refX = ref.x;
      const rates = optimizer.adaptiveRates();
      const alr = (await rates[`${backend}-stress`]?.data()) ?? new Float32Array();
      tf.dispose(rates);
      expect(Array.from(alr).every(Number.isFinite)).toBe(true);
      expect(maxRelDiff(alr, ref.alr)).toBeLessThan(1e-5);
    }
    optimizer.dispose();
    x.dispose();
  });
});
