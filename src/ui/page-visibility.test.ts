import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFrameLoop, pageHidden } from './page-visibility';

/** A document whose visibility the test sets, and animation frames the test runs by hand. */
class FakeDocument extends EventTarget {
  visibilityState: 'visible' | 'hidden' = 'visible';
  set(state: 'visible' | 'hidden'): void {
    this.visibilityState = state;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

let doc: FakeDocument;
let frames: Map<number, () => void>;
let nextFrame: number;
const runFrames = () => {
  const due = [...frames.values()];
  frames.clear();
  for (const f of due) f();
};

beforeEach(() => {
  doc = new FakeDocument();
  frames = new Map();
  nextFrame = 1;
  vi.stubGlobal('document', doc);
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => {
    frames.set(nextFrame, f);
    return nextFrame++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
});
afterEach(() => vi.unstubAllGlobals());

describe('createFrameLoop', () => {
  it('draws once per frame however many requests came in', () => {
    const draw = vi.fn();
    const loop = createFrameLoop(draw);
    loop.request();
    loop.request();
    loop.request();
    expect(frames.size).toBe(1);
    runFrames();
    expect(draw).toHaveBeenCalledTimes(1);
    runFrames();
    expect(draw).toHaveBeenCalledTimes(1); // nothing new: no draw
  });

  it('draws nothing while hidden, and once on becoming visible after any number of requests', () => {
    const draw = vi.fn();
    const loop = createFrameLoop(draw);
    doc.set('hidden');
    expect(pageHidden()).toBe(true);
    for (let i = 0; i < 100; i++) loop.request();
    expect(frames.size).toBe(0); // no frame is even asked for
    runFrames();
    expect(draw).not.toHaveBeenCalled();
    doc.set('visible');
    expect(frames.size).toBe(1);
    runFrames();
    expect(draw).toHaveBeenCalledTimes(1);
  });

  it('a frame scheduled just before the page was hidden does not draw, and the draw happens on return', () => {
    const draw = vi.fn();
    const loop = createFrameLoop(draw);
    loop.request();
    doc.visibilityState = 'hidden'; // hidden before the frame runs (the event may come later)
    runFrames();
    expect(draw).not.toHaveBeenCalled();
    doc.set('visible');
    runFrames();
    expect(draw).toHaveBeenCalledTimes(1);
  });

  it('becoming visible with nothing new draws nothing', () => {
    const draw = vi.fn();
    createFrameLoop(draw);
    doc.set('hidden');
    doc.set('visible');
    runFrames();
    expect(draw).not.toHaveBeenCalled();
  });

  it('dispose cancels the pending frame and stops listening', () => {
    const draw = vi.fn();
    const loop = createFrameLoop(draw);
    loop.request();
    loop.dispose();
    runFrames();
    doc.set('hidden');
    doc.set('visible');
    runFrames();
    expect(draw).not.toHaveBeenCalled();
  });
});

describe('createFrameLoop with a minimum interval', () => {
  // Timers and the clock only: the animation frames stay the test's own.
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('skips requests within the interval; the first one after it draws', () => {
    const draw = vi.fn();
    const loop = createFrameLoop(draw, 100);
    loop.request();
    runFrames();
    expect(draw).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(30);
    for (let i = 0; i < 5; i++) loop.request(); // snapshots within the interval
    expect(frames.size).toBe(0);
    vi.advanceTimersByTime(80);
    loop.request(); // a snapshot after it: drawn in the next frame, with the heatmaps'
    expect(frames.size).toBe(1);
    runFrames();
    expect(draw).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1000);
    runFrames();
    expect(draw).toHaveBeenCalledTimes(2); // nothing new: no draw
  });

  it('when the requests stop inside the interval, the last one is drawn after it', () => {
    const draw = vi.fn();
    const loop = createFrameLoop(draw, 100);
    loop.request();
    runFrames();
    vi.advanceTimersByTime(30);
    loop.request(); // the last snapshot (a pause)
    vi.advanceTimersByTime(169);
    expect(frames.size).toBe(0);
    vi.advanceTimersByTime(1);
    expect(frames.size).toBe(1);
    runFrames();
    expect(draw).toHaveBeenCalledTimes(2);
  });

  it('a request after the interval draws in the next frame; dispose cancels a waiting draw', () => {
    const draw = vi.fn();
    const loop = createFrameLoop(draw, 100);
    loop.request();
    runFrames();
    vi.advanceTimersByTime(150);
    loop.request();
    expect(frames.size).toBe(1);
    runFrames();
    expect(draw).toHaveBeenCalledTimes(2);
    loop.request();
    loop.dispose();
    vi.advanceTimersByTime(500);
    runFrames();
    expect(draw).toHaveBeenCalledTimes(2);
  });
});
