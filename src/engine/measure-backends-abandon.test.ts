// Auto's measurement gives up on a backend whose start outlasts its slice of the budget (issue #12). The
// race this guards: a WebGPU device request still pending when the slice ran out left tfjs's engine
// "initialising" for good, so the first op after the measurement — the Play click — failed with
// "Backend 'wasm' has not yet been initialized". Here a stand-in backend named 'webgpu' starts only when the
// test lets it, so the start is abandoned every time, deterministically.
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useBackend } from '../optim/testing/node-backends';
import { measureBackends } from './measure-backends';
import { noFiles, rosenbrockExperiment } from './testing/measure-fixtures';

/** Lets the stand-in's pending start finish (after the measurement gave up on it). */
let finishStart: () => void = () => undefined;
let factoryCalls = 0;

vi.mock('./probe-webgpu', () => ({
  probeWebGpu: async () => ({
    ok: true,
    adapter: { vendor: 'test', architecture: 'stand-in', device: '', description: 'a slow adapter' },
  }),
}));

vi.mock('./load-backend', () => ({
  loadBackend: async (name: string) => {
    if (name !== 'webgpu' || tf.findBackendFactory('webgpu')) return;
    // Like WebGPU's, the factory is asynchronous (a device request); this one waits for the test.
    tf.registerBackend('webgpu', () => {
      factoryCalls += 1;
      return new Promise<MathBackendCPU>((resolve) => {
        finishStart = () => resolve(new MathBackendCPU());
      });
    });
  },
}));

const rosenbrock = rosenbrockExperiment();

describe('measureBackends gives up on a slow start without breaking the engine', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  it('leaves the current backend computing, before and after the abandoned start finishes', async () => {
    const { rates } = await measureBackends(rosenbrock, noFiles, 'cpu', ['webgpu'], 2000);
    expect(factoryCalls).toBe(1); // the stand-in's start really began, and was left pending
    expect(rates[1]).toMatchObject({ backend: 'webgpu', status: 'tooSlow' });
    expect(tf.getBackend()).toBe('cpu');
    // The training loop's next step: an op on the current backend.
    const sum = tf.add(tf.scalar(1), tf.scalar(2));
    expect(await sum.data()).toEqual(new Float32Array([3]));
    sum.dispose();

    // The abandoned start now completes: it must not take over the engine.
    finishStart();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(tf.getBackend()).toBe('cpu');
    const again = tf.mul(tf.scalar(2), tf.scalar(3));
    expect(await again.data()).toEqual(new Float32Array([6]));
    again.dispose();
  });
});
