import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../optim/testing/node-backends';
import { chooseFastest } from './auto-choice';
import { measureBackends } from './measure-backends';
import { sceneById } from './scenes';
import { noFiles, rosenbrockExperiment } from './testing/measure-fixtures';

const rosenbrock = rosenbrockExperiment();

describe('measureBackends (Auto’s measurement, in Node: CPU and WASM)', () => {
  beforeAll(async () => {
    await useBackend('wasm');
    await useBackend('cpu');
  });

  it('times real steps on each backend that starts, reports the rest, and leaves the current backend on', async () => {
    const before = tf.memory().numTensors;
    const { rates, ms } = await measureBackends(rosenbrock, noFiles, 'cpu', ['wasm', 'webgl'], 1500);
    expect(tf.getBackend()).toBe('cpu');
    expect(tf.memory().numTensors).toBe(before);
    expect(rates.map((r) => r.backend)).toEqual(['cpu', 'wasm', 'webgl']);
    for (const r of rates.slice(0, 2)) {
      expect(r.status).toBe('measured');
      if (r.status === 'measured') {
        expect(r.steps).toBeGreaterThanOrEqual(1);
        expect(r.stepsPerS).toBeGreaterThan(0);
      }
    }
    // No OffscreenCanvas in Node: WebGL cannot start, and says why.
    expect(rates[2]).toMatchObject({ backend: 'webgl', status: 'failed' });
    expect(['cpu', 'wasm']).toContain(chooseFastest(rates, 'cpu'));
    expect(ms).toBeGreaterThan(0);
  });

  it('does not start a backend once the budget is spent', async () => {
    const { rates } = await measureBackends(rosenbrock, noFiles, 'cpu', ['wasm'], 1);
    expect(rates[1]).toEqual({ backend: 'wasm', software: false, status: 'tooSlow' });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('reports a task that cannot be built as failed, without throwing', async () => {
    const mnist = sceneById('fig1-mnist');
    if (!mnist) throw new Error('fig1-mnist scene missing');
    const { rates } = await measureBackends(mnist.experiment, noFiles, 'cpu', [], 1500);
    expect(rates[0]).toMatchObject({ backend: 'cpu', status: 'failed' });
    expect(rates[0]?.status === 'failed' && rates[0].reason).toMatch(/no file/);
  });
});
