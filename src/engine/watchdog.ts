// Tells a dead engine worker from a busy one. A worker that ends itself or is killed sends no event, so
// the page pings it; but one CNN step or one shader compile can take seconds on a 2-core machine, so only
// a long silence with several pings unanswered counts, never during a slow request (backend start-up).

/** A ping goes out this often while the worker is quiet. */
export const PING_EVERY_MS = 4000;
/** Dead only after this long since the first unanswered ping… */
export const DEAD_AFTER_MS = 20_000;
/** …and at least this many pings unanswered. */
export const MISSED_PINGS = 4;

export interface WatchdogOptions {
  ping(): void;
  /** A request that may keep the worker silent for long (backend start-up) is in flight. */
  busy(): boolean;
  dead(silentMs: number): void;
  now?: () => number;
}

export interface Watchdog {
  /** Any message from the worker. */
  heard(): void;
  stop(): void;
}

export function watchWorker(options: WatchdogOptions): Watchdog {
  const now = options.now ?? (() => performance.now());
  let unansweredSince: number | null = null;
  let missed = 0;
  let lastTick = now();
  const reset = () => {
    unansweredSince = null;
    missed = 0;
  };
  const timer = setInterval(() => {
    const t = now();
    // The page itself slept (a frozen or throttled background tab): its silence proves nothing.
    const pageSlept = t - lastTick > 3 * PING_EVERY_MS;
    lastTick = t;
    if (pageSlept || options.busy()) return reset();
    if (unansweredSince !== null && missed >= MISSED_PINGS && t - unansweredSince >= DEAD_AFTER_MS) {
      clearInterval(timer);
      options.dead(t - unansweredSince);
      return;
    }
    unansweredSince ??= t;
    missed += 1;
    options.ping();
  }, PING_EVERY_MS);
  return {
    heard: reset,
    stop: () => clearInterval(timer),
  };
}
