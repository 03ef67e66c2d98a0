// The client's side of worker death, with a stand-in for the Worker: an `error` event kills it (restart is
// the listener's job), pending requests fail with the reason, and without a listener it stays a stray error.
import { describe, expect, it, vi } from 'vitest';
import { EngineClient } from './client';

class FakeWorker extends EventTarget {
  posted: { type: string; id: number }[] = [];
  terminated = false;
  postMessage(message: { type: string; id: number }): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  crash(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }
  answer(reply: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data: reply }));
  }
}

function make() {
  const worker = new FakeWorker();
  const stray = vi.fn();
  const client = new EngineClient(stray, () => worker as unknown as Worker);
  return { worker, stray, client };
}

describe('EngineClient and a dying worker', () => {
  it('an error event: the worker is stopped, pending requests fail with the reason, `dead` is told once', async () => {
    const { worker, stray, client } = make();
    const dead = vi.fn();
    client.listen({ dead });
    const pending = client.send({ type: 'play' });
    worker.crash('Uncaught Error: boom');
    await expect(pending).rejects.toMatchObject({
      payload: { kind: 'workerCrashed', detail: 'Uncaught Error: boom' },
    });
    expect(worker.terminated).toBe(true);
    expect(dead).toHaveBeenCalledTimes(1);
    expect(dead.mock.calls[0]?.[0]).toEqual({ kind: 'workerCrashed', detail: 'Uncaught Error: boom' });
    worker.crash('again');
    expect(dead).toHaveBeenCalledTimes(1);
    expect(stray).not.toHaveBeenCalled();
    await expect(client.send({ type: 'pause' })).rejects.toMatchObject({
      payload: { kind: 'engineStopped' },
    });
  });

  it('with no one to restart it, a crash is reported as before and the worker is kept', () => {
    const { worker, stray, client } = make();
    worker.crash('it could not be loaded');
    expect(stray).toHaveBeenCalledWith({ kind: 'workerCrashed', detail: 'it could not be loaded' });
    expect(worker.terminated).toBe(false);
    client.dispose();
  });

  it('checkpoints and recovery messages go to their listeners, not to request waiters', () => {
    const { worker, client } = make();
    const checkpoint = vi.fn();
    const recovering = vi.fn();
    const recovered = vi.fn();
    client.listen({ checkpoint, recovering, recovered });
    worker.answer({ id: null, type: 'checkpoint', checkpoint: { step: 5, runs: [] }, experiment: {} });
    const loss = { kind: 'webGlContextLost' } as const;
    worker.answer({ id: null, type: 'recovering', loss, lost: 'webgl', step: 5 });
    worker.answer({ id: null, type: 'recovered', step: 5, ready: { backend: 'wasm' } });
    expect(checkpoint).toHaveBeenCalledWith({ step: 5, runs: [] }, {});
    expect(recovering).toHaveBeenCalledWith(loss, 5);
    expect(recovered).toHaveBeenCalledWith(5, { backend: 'wasm' });
    client.dispose();
  });
});
