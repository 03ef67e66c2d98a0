import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GoldenFile } from './golden';
import { maxAbsDiff, maxRelDiff } from './golden';
import goldenJson from './golden-public.fixture.json';
import { createOptimizer, InvalidSpecError } from './index';
import { createReferenceState, referenceStep } from './reference';
import { type OptimizerSpecInput, resolveSpec } from './spec';
import { useBackend } from './testing/node-backends';

const seq8 = (goldenJson as unknown as GoldenFile).problems.seq8;
if (!seq8) throw new Error('fixture lacks seq8');

/**
 * Runs seq8 with tfjs, applying `changes[k]` through setSpec before step k + 1, and the float64
 * reference with the same spec sequence; returns the worst errors.
 */
async function runWithSwitches(
  first: OptimizerSpecInput,
  changes: Record<number, Partial<OptimizerSpecInput>>,
) {
  const name = `switch_${Math.random().toString(36).slice(2)}`;
  const x = tf.tidy(() => tf.variable(tf.tensor1d(seq8?.x0 ?? []), true, name));
  const optimizer = createOptimizer(first);
  let refSpec = resolveSpec(first);
  const refState = createReferenceState(x.size);
  let refX: Float64Array = Float64Array.from(seq8?.x0 ?? []);
  const worst = { params: 0, alr: 0 };
  for (let k = 0; k < 20; k++) {
    const change = changes[k];
    if (change) {
      optimizer.setSpec(change);
      refSpec = resolveSpec({ ...refSpec, ...change, name: change.name ?? refSpec.name });
    }
    const grad = tf.tensor1d(seq8?.grads[k] ?? []);
    optimizer.applyGradients({ [name]: grad });
    grad.dispose();
    const ref = referenceStep(refSpec, refState, refX, Float64Array.from(seq8?.grads[k] ?? []));
    refX = ref.x;
    const rates = optimizer.adaptiveRates();
    const [params, alr] = await Promise.all([x.data(), rates[name]?.data() ?? Promise.resolve([])]);
    tf.dispose(rates);
    worst.params = Math.max(worst.params, maxAbsDiff(params, ref.x));
    worst.alr = Math.max(worst.alr, maxRelDiff(alr, ref.alr));
  }
  optimizer.dispose();
  x.dispose();
  return worst;
}

describe('setSpec: live changes between steps', () => {
  beforeAll(() => useBackend('cpu'));

  it('flips a running Adam to Sadam keeping m, v and the step count', async () => {
    const worst = await runWithSwitches(
      { name: 'adam', lr: 1e-3 },
      { 10: { name: 'sadam', softplusBeta: 10 } },
    );
    expect(worst.params).toBeLessThan(1e-4);
    expect(worst.alr).toBeLessThan(1e-4);
  });

  it('changes lr, betas, ε, β, weight decay and convention at the next step', async () => {
    const worst = await runWithSwitches(
      { name: 'sadam', lr: 1e-3, softplusBeta: 50 },
      {
        4: { lr: 1e-2 },
        6: { softplusBeta: 5, weightDecay: 5e-4 },
        9: { beta1: 0.5, beta2: 0.99 },
        12: { convention: 'textbook' },
        15: { name: 'adam', eps: 1e-3 },
      },
    );
    expect(worst.params).toBeLessThan(1e-4);
    expect(worst.alr).toBeLessThan(1e-4);
  });

  it('starts the running max at the current v when switching into SAMSGrad', async () => {
    const worst = await runWithSwitches({ name: 'adam' }, { 8: { name: 'samsgrad', softplusBeta: 10 } });
    expect(worst.params).toBeLessThan(1e-4);
    expect(worst.alr).toBeLessThan(1e-4);
  });

  it('detects a change that did not take effect (the comparison can fail)', async () => {
    const optimizer = createOptimizer({ name: 'adam' });
    const x = tf.tidy(() => tf.variable(tf.tensor1d([1, 2]), true, 'not_applied'));
    optimizer.applyGradients({ not_applied: tf.tensor1d([0.1, 0]) });
    const adamRate = optimizer.adaptiveRates();
    optimizer.setSpec({ name: 'sadam', softplusBeta: 50 });
    const sadamRate = optimizer.adaptiveRates();
    const [a, s] = await Promise.all([adamRate.not_applied?.data(), sadamRate.not_applied?.data()]);
    // The zero-gradient coordinate: 1/ε under Adam, β/ln 2 under Sadam, the moment the rule changes.
    expect(a?.[1]).toBeCloseTo(1e8, -2);
    expect(s?.[1]).toBeCloseTo(50 / Math.LN2, 3);
    tf.dispose([adamRate, sadamRate]);
    optimizer.dispose();
    x.dispose();
  });

  it('refuses invalid values with a reason and keeps the spec in force', () => {
    const optimizer = createOptimizer({ name: 'sadam' });
    const before = optimizer.spec;
    expect(() => optimizer.setSpec({ lr: -1 })).toThrow(InvalidSpecError);
    expect(() => optimizer.setSpec({ beta1: 1 })).toThrow(/beta1 must be a finite number in \[0, 1\)/);
    expect(() => optimizer.setSpec({ softplusBeta: Number.NaN })).toThrow(/softplusBeta/);
    expect(() => optimizer.setSpec({ name: 'adamw' as never })).toThrow(/unknown optimizer 'adamw'/);
    expect(optimizer.spec).toEqual(before);
    optimizer.dispose();
  });
});

describe('spec defaults', () => {
  it("take the paper's settings per rule and fill missing or null fields", () => {
    expect(resolveSpec({ name: 'sadam' })).toMatchObject({
      lr: 1e-2,
      softplusBeta: 50,
      convention: 'official',
    });
    expect(resolveSpec({ name: 'adam', softplusBeta: null })).toMatchObject({
      lr: 1e-3,
      eps: 1e-8,
      softplusBeta: 50,
    });
    expect(resolveSpec({ name: 'sgdm' })).toMatchObject({ lr: 0.1, beta1: 0.9 });
    expect(resolveSpec({ name: 'padam' }).partial).toBe(0.125);
    // The authors' style: an amsgrad flag on Adam / Sadam selects the AMS variant.
    expect(resolveSpec({ name: 'sadam', amsgrad: true }).name).toBe('samsgrad');
    expect(resolveSpec({ name: 'adam', amsgrad: true }).name).toBe('amsgrad');
    expect(resolveSpec({ name: 'adam', amsgrad: false }).name).toBe('adam');
  });
});

describe('ε = 0', () => {
  it('is refused where ε is in the denominator, accepted by the softplus rules', () => {
    expect(() => resolveSpec({ name: 'adam', eps: 0 })).toThrow(/eps must be > 0 for adam/);
    expect(() => resolveSpec({ name: 'yogi', eps: 0 })).toThrow(InvalidSpecError);
    expect(resolveSpec({ name: 'sadam', eps: 0 }).eps).toBe(0);
    expect(resolveSpec({ name: 'sgdm', eps: 0 }).eps).toBe(0);
  });
});
