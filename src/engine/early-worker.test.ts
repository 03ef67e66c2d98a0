// The worker main.tsx starts before the app's code loads: the engine client adopts it once, and an error
// it raised before anyone listened (its bundle failed to load) still reaches the client.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EngineClient } from './client';
import { startEngineWorkerEarly, takeEarlyWorker } from './early-worker';

class FakeWorker extends EventTarget {
  static made: FakeWorker[] = [];
  posted: unknown[] = [];
  terminated = false;
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    super();
    FakeWorker.made.push(this);
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  fail(message: string): Event {
    const event = Object.assign(new Event('error', { cancelable: true }), { message });
    this.dispatchEvent(event);
    return event;
  }
}

afterEach(() => {
  takeEarlyWorker();
  FakeWorker.made = [];
  vi.unstubAllGlobals();
});

describe('the early engine worker', () => {
  it('is the bundled worker module, started once and taken once', () => {
    vi.stubGlobal('Worker', FakeWorker);
    startEngineWorkerEarly();
    startEngineWorkerEarly();
    expect(FakeWorker.made).toHaveLength(1);
    const [made] = FakeWorker.made;
    expect(made?.url.pathname).toMatch(/\/engine\/worker\.ts$/);
    expect(made?.options).toEqual({ type: 'module' });
    expect(takeEarlyWorker()).toBe(made);
    expect(takeEarlyWorker()).toBeNull();
  });

  it('is simply not there where the browser has no Worker or refuses one', () => {
    startEngineWorkerEarly();
    expect(takeEarlyWorker()).toBeNull();
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new Error('refused by a policy');
        }
      },
    );
    expect(() => startEngineWorkerEarly()).not.toThrow();
    expect(takeEarlyWorker()).toBeNull();
  });

  it('keeps an error raised before it was taken (the browser is not left to log it) and raises it again once taken', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    startEngineWorkerEarly();
    const early = FakeWorker.made[0] as FakeWorker;
    const event = early.fail('Failed to fetch a dynamically imported module');
    expect(event.defaultPrevented).toBe(true);
    const worker = takeEarlyWorker() as unknown as FakeWorker;
    const heard = vi.fn();
    worker.addEventListener('error', heard);
    expect(heard).not.toHaveBeenCalled();
    await Promise.resolve();
    expect(heard).toHaveBeenCalledTimes(1);
    expect(heard.mock.calls[0]?.[0]).toBe(event);
  });

  it('the engine client adopts it, and an early load failure kills that client with the reason', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    startEngineWorkerEarly();
    const early = FakeWorker.made[0] as FakeWorker;
    early.fail('Failed to fetch a dynamically imported module');
    const stray = vi.fn();
    const client = new EngineClient(stray);
    const dead = vi.fn();
    client.listen({ dead });
    const pending = client.send({ type: 'play' });
    expect(early.posted).toMatchObject([{ type: 'play' }]);
    await expect(pending).rejects.toMatchObject({
      payload: { kind: 'workerCrashed', detail: 'Failed to fetch a dynamically imported module' },
    });
    expect(early.terminated).toBe(true);
    expect(dead).toHaveBeenCalledTimes(1);
    // A second client (a restart) starts a worker of its own.
    new EngineClient(stray).dispose();
    expect(FakeWorker.made).toHaveLength(2);
  });
});
