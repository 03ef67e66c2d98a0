// Page Visibility for every draw loop. While the tab is hidden nothing is drawn: the browser would
// throw the pixels away, and a lecture laptop should not spend battery on them. Training goes on in
// the worker, and snapshots keep arriving (the history and the loss curves stay complete); each loop
// only remembers that it is dirty and draws once, with the latest data, when the tab is shown again.
// The app checks `document.visibilityState` itself rather than relying on the browser pausing
// requestAnimationFrame, which not every browser (nor every embedding) does.
import { useSyncExternalStore } from 'react';
import { cancelDraw, requestDraw } from './frame-queue';

export function pageHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

/** Calls `listener` on every visibility change; returns the unsubscribe. */
export function onVisibilityChange(listener: () => void): () => void {
  if (typeof document === 'undefined') return () => {};
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
}

/** React: whether the page is visible now (re-renders on a change). */
export function usePageVisible(): boolean {
  return useSyncExternalStore(
    onVisibilityChange,
    () => !pageHidden(),
    () => true,
  );
}

export interface FrameLoop {
  /** Something changed: draw in the next animation frame (or once the page is visible again). */
  request(): void;
  dispose(): void;
}

/**
 * At most one `draw` per animation frame (through frame-queue.ts, which spreads draws over frames), none while
 * the page is hidden, and one on becoming visible if a request came in meanwhile. Requests never queue: many
 * while hidden are still one draw. `minIntervalMs`: a request within that long of the last draw waits for
 * the rest of it, and then draws the latest (the charts over time: their change per snapshot is a few
 * pixels, and drawing them for every snapshot was the most JavaScript a training page ran, issue #12).
 */
export function createFrameLoop(draw: () => void, minIntervalMs = 0): FrameLoop {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let dirty = false;
  let drawnAt = Number.NEGATIVE_INFINITY;
  const run = () => {
    frame = 0;
    // A frame already scheduled when the page went hidden: keep it dirty for the return.
    if (pageHidden() || !dirty) return;
    dirty = false;
    drawnAt = performance.now();
    draw();
  };
  const schedule = (late = false) => {
    if (frame !== 0 || !dirty || pageHidden()) return;
    const wait = drawnAt + minIntervalMs - performance.now();
    if (wait > 0 && !late) {
      // Drawn with a later request (in the frame its other draws paint in), or, when none comes, by
      // this timer: the last request is always drawn.
      timer ??= setTimeout(() => {
        timer = null;
        schedule(true);
      }, wait + minIntervalMs);
      return;
    }
    if (timer !== null) clearTimeout(timer);
    timer = null;
    frame = requestDraw(run);
  };
  const unsubscribe = onVisibilityChange(() => schedule());
  return {
    request() {
      dirty = true;
      schedule();
    },
    dispose() {
      unsubscribe();
      if (frame !== 0) cancelDraw(frame);
      if (timer !== null) clearTimeout(timer);
      frame = 0;
      timer = null;
      dirty = false;
    },
  };
}
