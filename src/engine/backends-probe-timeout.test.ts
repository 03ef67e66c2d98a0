// A WebGPU adapter request that never answers (a busy or wedged GPU process): Auto gives up after the
// probe's 5 s and goes on down the chain; a WebGPU asked for by name waits its whole start's 30 s. Either
// way the refusal says it timed out, and after how long (it used to read as a plain failure).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initBackend } from './backends';

vi.mock('./load-backend', async () => ({
  loadBackend: async (name: string) => {
    if (name !== 'cpu') throw new Error(`${name} is not in this test`);
    await import('@tensorflow/tfjs-backend-cpu');
  },
}));

let requests = 0;

function hangingGpu(): void {
  requests = 0;
  vi.stubGlobal('navigator', {
    gpu: {
      requestAdapter: () => {
        requests += 1;
        return new Promise(() => undefined);
      },
    },
  });
}

/** Runs the chain with the adapter request hanging, moving the clock `ms` on; returns the chain's answer. */
async function chainAfter(preference: 'auto' | 'webgpu', ms: number) {
  hangingGpu();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const ready = initBackend(preference);
  let settled = false;
  void ready.then(
    () => (settled = true),
    () => (settled = true),
  );
  await vi.advanceTimersByTimeAsync(ms - 1);
  const pendingBeforeTimeout = !settled && requests === 1;
  await vi.advanceTimersByTimeAsync(1);
  vi.useRealTimers();
  return { ready: await ready, pendingBeforeTimeout };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the WebGPU probe timing out', () => {
  it('Auto gives up after 5 s, says so, and starts the next backend that works', async () => {
    const { ready, pendingBeforeTimeout } = await chainAfter('auto', 5_000);
    expect(pendingBeforeTimeout).toBe(true);
    expect(ready.notes[0]).toEqual({ kind: 'backendTimedOut', backend: 'webgpu', seconds: 5 });
    expect(ready.backend).toBe('cpu');
  });

  it('a WebGPU asked for by name waits 30 s for the adapter before falling back', async () => {
    const { ready, pendingBeforeTimeout } = await chainAfter('webgpu', 30_000);
    expect(pendingBeforeTimeout).toBe(true);
    expect(ready.notes[0]).toEqual({ kind: 'backendTimedOut', backend: 'webgpu', seconds: 30 });
    expect(ready.backend).toBe('cpu');
  });
});
