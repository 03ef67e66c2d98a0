// Auto's measurement never starts a software WebGPU (issue #12): its pipelines compile in the browser's GPU
// process, which also draws the page, and in headless Chromium with SwiftShader they went on after the
// slice ended and held the display still for 5–11 s. The probe alone decides; the backend is not loaded.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useBackend } from '../optim/testing/node-backends';
import { measureBackends } from './measure-backends';
import { noFiles, rosenbrockExperiment } from './testing/measure-fixtures';

const loaded: string[] = [];
let adapter = { vendor: 'google', architecture: 'swiftshader', description: '', isFallbackAdapter: false };

vi.mock('./probe-webgpu', () => ({ probeWebGpu: async () => ({ ok: true, adapter }) }));
vi.mock('./load-backend', () => ({
  loadBackend: async (name: string) => {
    loaded.push(name);
    throw new Error(`${name} is not in this test`);
  },
}));

const rosenbrock = rosenbrockExperiment();

describe('measureBackends and a software WebGPU adapter', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  it('reports SwiftShader (or a fallback adapter) as not started, and never loads the backend', async () => {
    for (const software of [
      { vendor: 'google', architecture: 'swiftshader', description: '', isFallbackAdapter: false },
      { vendor: '', architecture: '', description: '', isFallbackAdapter: true },
    ]) {
      adapter = software;
      loaded.length = 0;
      const { rates } = await measureBackends(rosenbrock, noFiles, 'cpu', ['webgpu'], 1500);
      expect(rates[1]).toEqual({
        backend: 'webgpu',
        software: true,
        status: 'notStarted',
        why: 'softwareWebGpu',
      });
      expect(loaded).toEqual([]);
      expect(tf.getBackend()).toBe('cpu');
    }
  });

  it('still starts a hardware adapter (here it fails to load, and says so)', async () => {
    adapter = { vendor: 'nvidia', architecture: 'hopper', description: 'H200', isFallbackAdapter: false };
    loaded.length = 0;
    const { rates } = await measureBackends(rosenbrock, noFiles, 'cpu', ['webgpu'], 1500);
    expect(loaded).toEqual(['webgpu']);
    expect(rates[1]).toMatchObject({ backend: 'webgpu', software: false, status: 'failed' });
  });
});
