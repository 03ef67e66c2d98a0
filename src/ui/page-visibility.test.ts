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
