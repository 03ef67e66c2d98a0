// The threaded WASM start falls back to the single-threaded build by registering 'wasm' afresh and setting
// it. A start that Auto's measurement gave up on must not do that later, under another current backend.
// A stand-in 'wasm' factory (the threaded start failing) stands for the real binaries here; on fewer than
// 4 cores the single-threaded build runs from the start.
import '@tensorflow/tfjs-backend-cpu';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureWasm, enoughCores, setWasmBackend } from './wasm-setup';

vi.mock('@tensorflow/tfjs-backend-wasm', () => ({ getThreadsCount: () => 1, setWasmPaths: () => undefined }));

const isolation = globalThis as { crossOriginIsolated?: boolean };

describe('setWasmBackend after a failed threaded start', () => {
  const starts: string[] = [];
  beforeAll(() => {
    isolation.crossOriginIsolated = true; // threads possible, as on an isolated page
    vi.stubGlobal('navigator', { hardwareConcurrency: 8 }); // tfjs's pool would have 4 threads
    tf.env().set('IS_TEST', true); // tfjs's warning for each failed start is expected here
    tf.env().registerFlag('WASM_HAS_MULTITHREAD_SUPPORT', () => true);
  });
  beforeEach(async () => {
    await tf.setBackend('cpu');
    if (tf.findBackendFactory('wasm')) tf.removeBackend('wasm');
    tf.registerBackend('wasm', async () => {
      const threaded = tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT');
      starts.push(threaded ? 'threaded' : 'single');
      if (threaded) throw new Error('no threads');
      return new MathBackendCPU();
    });
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
    starts.length = 0;
  });
  afterAll(() => {
    delete isolation.crossOriginIsolated;
    vi.unstubAllGlobals();
  });

  it('does not fall back (nor take over the engine) once the start is given up', async () => {
    let wanted = true;
    const started = setWasmBackend(() => wanted);
    wanted = false; // Auto's slice ran out while the threaded build was starting
    await expect(started).rejects.toThrow(/refused/);
    expect(starts).toEqual(['threaded']); // no single-threaded retry
    expect(tf.engine().registry.wasm).toBeUndefined();
  });

  it('falls back to the single-threaded build when still wanted', async () => {
    const info = await setWasmBackend();
    expect(info).toMatchObject({ threads: 1, fallback: 'failed' });
    expect(starts).toEqual(['threaded', 'single']);
    expect(tf.getBackend()).toBe('wasm');
  });

  it('runs the single-threaded build on fewer than 4 cores, and says why', async () => {
    vi.stubGlobal('navigator', { hardwareConcurrency: 2 });
    try {
      expect(enoughCores()).toBe(false);
      configureWasm(); // what loading the backend does first
      const info = await setWasmBackend();
      expect(info).toEqual({ threads: 1, fallback: 'fewCores' });
      expect(starts).toEqual(['single']); // the threaded build was never tried
    } finally {
      vi.stubGlobal('navigator', { hardwareConcurrency: 8 });
    }
  });
});
