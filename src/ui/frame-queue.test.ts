import { afterEach, describe, expect, it, vi } from 'vitest';

// Drives frame-queue.ts with a fake clock and a fake requestAnimationFrame.
async function setup() {
  vi.resetModules();
  let clock = 0;
  const frames: FrameRequestCallback[] = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  const queue = await import('./frame-queue');
  const runFrame = () => {
    const pending = frames.splice(0);
    for (const cb of pending) cb(clock);
  };
  return { queue, frames, runFrame, advance: (ms: number) => (clock += ms) };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('frame queue', () => {
  it('runs draws oldest first and leaves what exceeds the budget to the next frame', async () => {
    const { queue, frames, runFrame, advance } = await setup();
    const done: number[] = [];
    for (let i = 0; i < 5; i++)
      queue.requestDraw(() => {
        done.push(i);
        advance(3); // each draw takes 3 ms
      });
    expect(frames).toHaveLength(1); // one animation frame for all of them
    runFrame();
    expect(done).toEqual([0, 1, 2]); // 9 ms > 8 ms budget after the third
    runFrame();
    expect(done).toEqual([0, 1, 2, 3, 4]);
    expect(frames).toHaveLength(0);
  });

  it('skips cancelled draws and queues a draw requested while flushing for the next frame', async () => {
    const { queue, runFrame } = await setup();
    const done: string[] = [];
    const a = queue.requestDraw(() => done.push('a'));
    queue.requestDraw(() => {
      done.push('b');
      queue.requestDraw(() => done.push('again'));
    });
    expect(a).toBeGreaterThan(0);
    queue.cancelDraw(a);
    runFrame();
    expect(done).toEqual(['b']);
    runFrame();
    expect(done).toEqual(['b', 'again']);
  });

  it('a draw that throws does not strand the draws queued after it', async () => {
    const { queue, frames, runFrame } = await setup();
    const done: string[] = [];
    queue.requestDraw(() => {
      throw new Error('broken chart');
    });
    queue.requestDraw(() => done.push('next'));
    expect(runFrame).toThrow('broken chart');
    expect(frames).toHaveLength(1);
    runFrame();
    expect(done).toEqual(['next']);
  });
});
