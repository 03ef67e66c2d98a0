// Draws share the animation frames: each frame runs queued draws, oldest first, until a small time
// budget is spent and leaves the rest to the next frame. A snapshot dirties a dozen canvases and SVG
// charts at once; drawn in one frame that is one long task (issue #6: no task over 50 ms), spread over
// two or three frames it is not. Same shape as requestAnimationFrame / cancelAnimationFrame.

/** Past this, no further draw starts in the same frame (one draw always runs, so nothing starves). */
export const FRAME_BUDGET_MS = 8;

const queue = new Map<number, FrameRequestCallback>();
let nextHandle = 1;
let frame = 0;

function flush(time: number): void {
  frame = 0;
  const start = performance.now();
  try {
    // Draws queued while flushing (a draw that schedules itself again) wait for the next frame.
    for (const handle of [...queue.keys()]) {
      const draw = queue.get(handle);
      if (!draw) continue; // cancelled by an earlier draw
      queue.delete(handle);
      draw(time);
      if (performance.now() - start > FRAME_BUDGET_MS) break;
    }
  } finally {
    // A draw that throws still reports its error, but the draws after it run in the next frame.
    if (queue.size > 0 && frame === 0) frame = requestAnimationFrame(flush);
  }
}

/** Runs `draw` in an upcoming animation frame; returns a non-zero handle for cancelDraw. */
export function requestDraw(draw: FrameRequestCallback): number {
  const handle = nextHandle++;
  queue.set(handle, draw);
  if (frame === 0) frame = requestAnimationFrame(flush);
  return handle;
}

export function cancelDraw(handle: number): void {
  queue.delete(handle);
}
