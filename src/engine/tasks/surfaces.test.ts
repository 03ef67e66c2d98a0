// The tf-op surfaces agree with the float64 definition (values and gradients), and the stochastic one
// draws seeded, zero-mean gradient noise without leaking tensors.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../optim/testing/node-backends';
import { Session } from '../session/session';
import { SURFACES } from './configs';
import { SURFACE_DEFINITIONS, surfaceValue } from './surface-defs';
import { createSurfaceTask } from './surfaces';

const POINTS: [number, number][] = [
  [0.3, -0.4],
  [-1.2, 1.1],
  [1.7, 0.6],
  [-0.5, -1.5],
];

function tfLossAndGradient(name: (typeof SURFACES)[number], x: number, y: number) {
  const task = createSurfaceTask({ kind: 'surface', surface: name });
  return tf.tidy(() => {
    const xy = tf.tensor1d([x, y]);
    const { value, grad } = tf.valueAndGrad((p: tf.Tensor) => task.loss({ xy: p }, null))(xy);
    return { value: value.dataSync()[0] as number, grad: Array.from(grad.dataSync()) };
  });
}

describe('loss surfaces', () => {
  beforeAll(() => useBackend('wasm'));

  it('the tf loss equals the float64 formula, and autodiff equals a central difference', () => {
    for (const name of SURFACES) {
      for (const [x, y] of [...POINTS, SURFACE_DEFINITIONS[name].start]) {
        const f = surfaceValue(name, x, y);
        const { value, grad } = tfLossAndGradient(name, x, y);
        const scale = Math.max(1, Math.abs(f));
        expect(Math.abs(value - f), `${name}(${x}, ${y})`).toBeLessThan(1e-5 * scale);
        const h = 1e-5;
        const gx = (surfaceValue(name, x + h, y) - surfaceValue(name, x - h, y)) / (2 * h);
        const gy = (surfaceValue(name, x, y + h) - surfaceValue(name, x, y - h)) / (2 * h);
        const gScale = Math.max(1e-3, Math.hypot(gx, gy));
        expect(Math.abs((grad[0] as number) - gx), `${name} ∂x at (${x}, ${y})`).toBeLessThan(2e-3 * gScale);
        expect(Math.abs((grad[1] as number) - gy), `${name} ∂y at (${x}, ${y})`).toBeLessThan(2e-3 * gScale);
      }
    }
  });

  it('the new surfaces have the gradient scales their scenes rely on', () => {
    // two-scales: y's gradient is 1000× smaller than x's at the same distance.
    const two = tfLossAndGradient('two-scales', 1, 1).grad;
    expect((two[0] as number) / (two[1] as number)).toBeCloseTo(1000, 0);
    // plateau: at the start every gradient is far below ln 2/β for β = 10.
    const [sx, sy] = SURFACE_DEFINITIONS.plateau.start;
    const flat = tfLossAndGradient('plateau', sx, sy).grad;
    expect(Math.hypot(flat[0] as number, flat[1] as number)).toBeLessThan(0.01);
    expect(Math.hypot(flat[0] as number, flat[1] as number)).toBeGreaterThan(1e-4);
  });

  it('noisy-valley: seeded, zero-mean noise along y only, the same for the same seed', () => {
    const noise = (batches: number, steps: number) => {
      const task = createSurfaceTask(
        { kind: 'surface', surface: 'noisy-valley' },
        { data: 1, init: 1, batches },
      );
      const out: number[][] = [];
      for (let i = 0; i < steps; i++) {
        const batch = task.nextBatch();
        if (!batch) throw new Error('a stochastic surface draws a batch every step');
        out.push(Array.from(batch.x.dataSync()));
        tf.dispose([batch.x, batch.y]);
      }
      return out;
    };
    const before = tf.memory().numTensors;
    const a = noise(1, 2000);
    expect(tf.memory().numTensors).toBe(before);
    expect(noise(1, 2000)).toEqual(a);
    expect(noise(2, 5)).not.toEqual(a.slice(0, 5));
    const std = SURFACE_DEFINITIONS['noisy-valley'].noiseStd?.[1] ?? 0;
    const ys = a.map((n) => n[1] as number);
    const mean = ys.reduce((s, v) => s + v, 0) / ys.length;
    const rms = Math.sqrt(ys.reduce((s, v) => s + v * v, 0) / ys.length);
    expect(a.every((n) => n[0] === 0)).toBe(true);
    expect(Math.abs(mean)).toBeLessThan((4 * std) / Math.sqrt(ys.length));
    expect(rms / std).toBeGreaterThan(0.9);
    expect(rms / std).toBeLessThan(1.1);
    // Deterministic surfaces draw nothing.
    expect(createSurfaceTask({ kind: 'surface', surface: 'quadratic' }).nextBatch()).toBeNull();
  });

  it('the noise enters the gradient as n and the loss as n·(x, y)', () => {
    const task = createSurfaceTask({ kind: 'surface', surface: 'noisy-valley' });
    const batch = task.nextBatch();
    if (!batch) throw new Error('no noise batch');
    const n = Array.from(batch.x.dataSync());
    const { value, grad } = tf.tidy(() => {
      const xy = tf.tensor1d([0.5, 0.25]);
      const r = tf.valueAndGrad((p: tf.Tensor) => task.loss({ xy: p }, batch))(xy);
      return { value: r.value.dataSync()[0] as number, grad: Array.from(r.grad.dataSync()) };
    });
    tf.dispose([batch.x, batch.y]);
    expect(value).toBeCloseTo(surfaceValue('noisy-valley', 0.5, 0.25) + 0.25 * (n[1] as number), 6);
    expect(grad[0]).toBeCloseTo(0.5, 6);
    expect(grad[1]).toBeCloseTo(1e-4 * 0.25 + (n[1] as number), 6);
  });

  it('noisy-valley: the per-step noise tensors are freed (memory flat over 300 lockstep steps)', async () => {
    const session = await Session.create({
      task: { kind: 'surface', surface: 'noisy-valley' },
      runs: [
        { id: 'adam', label: 'Adam', spec: { name: 'adam', lr: 0.03 } },
        { id: 'sadam', label: 'Sadam', spec: { name: 'sadam', lr: 0.03, softplusBeta: 10 } },
      ],
      seeds: { data: 1, init: 1, batches: 1 },
    });
    session.advance(10);
    await session.snapshot();
    const early = tf.memory().numTensors;
    session.advance(300);
    await session.snapshot();
    expect(tf.memory().numTensors).toBe(early);
    session.dispose();
  });
});
