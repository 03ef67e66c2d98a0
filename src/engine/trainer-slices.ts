// The trainer's long commands in slices: a `step(count)` or a play tick of many steps never holds the
// worker longer than about SLICE_MS before it answers its messages (the watchdog's pings, pause, reset).

import type { Lockstep } from './session/seed-group';

/**
 * Steps run in slices of about this long, then the worker answers its messages (the watchdog's pings,
 * `pause`, `reset`) before the next slice. One step is the smallest slice.
 */
export const SLICE_MS = 50;

/** Steps waiting to be taken at most: `step` requests arriving while one runs add up to this, no more. */
export const MAX_PENDING_STEPS = 1000;

/** While a long `step` runs, the page sees its progress this often. */
export const PROGRESS_SNAPSHOT_MS = 250;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Gives the event loop a turn (commands, timers) without the 4 ms clamp of nested setTimeout. */
export function yieldToEvents(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Takes up to `max` steps, at least one, stopping once SLICE_MS has passed; returns how many. */
export function advanceSlice(session: Pick<Lockstep, 'advance'>, max: number): number {
  const started = performance.now();
  let taken = 0;
  do {
    session.advance(1);
    taken += 1;
  } while (taken < max && performance.now() - started < SLICE_MS);
  return taken;
}
