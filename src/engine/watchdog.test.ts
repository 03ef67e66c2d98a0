import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEAD_AFTER_MS, MISSED_PINGS, PING_EVERY_MS, watchWorker } from './watchdog';

describe('worker watchdog', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const start = (opts: { answerAfterMs?: number | null; busy?: () => boolean } = {}) => {
    const dead = vi.fn();
    let pings = 0;
    const dog = watchWorker({
      now: () => Date.now(),
      busy: opts.busy ?? (() => false),
      dead,
      ping: () => {
        pings += 1;
        const delay = opts.answerAfterMs;
        if (delay !== null && delay !== undefined) setTimeout(() => dog.heard(), delay);
      },
    });
    return { dead, dog, pings: () => pings };
  };

  it('is generous: several missed pings over 20+ s', () => {
    expect(DEAD_AFTER_MS).toBeGreaterThanOrEqual(20_000);
    expect(MISSED_PINGS).toBeGreaterThanOrEqual(3);
  });

  it('a silent worker is declared dead once, after the grace period and not before', () => {
    const { dead, pings } = start({ answerAfterMs: null });
    vi.advanceTimersByTime(DEAD_AFTER_MS);
    expect(dead).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2 * PING_EVERY_MS);
    expect(dead).toHaveBeenCalledTimes(1);
    expect(pings()).toBeGreaterThanOrEqual(MISSED_PINGS);
    vi.advanceTimersByTime(60_000);
    expect(dead).toHaveBeenCalledTimes(1);
  });

  it('a busy worker that answers slowly (a CNN step of seconds) is never declared dead', () => {
    const { dead, dog } = start({ answerAfterMs: 7_000 });
    vi.advanceTimersByTime(10 * 60_000);
    expect(dead).not.toHaveBeenCalled();
    dog.stop();
  });

  it('no verdict while a slow request (backend start-up) is in flight, however long it takes', () => {
    let busy = true;
    const { dead, dog } = start({ answerAfterMs: null, busy: () => busy });
    vi.advanceTimersByTime(120_000);
    expect(dead).not.toHaveBeenCalled();
    busy = false;
    dog.heard(); // the start-up's answer
    vi.advanceTimersByTime(DEAD_AFTER_MS - PING_EVERY_MS);
    expect(dead).not.toHaveBeenCalled();
    vi.advanceTimersByTime(3 * PING_EVERY_MS);
    expect(dead).toHaveBeenCalledTimes(1);
  });

  it('a page that slept (frozen background tab) does not blame the worker for its own silence', () => {
    let now = 0;
    const dead = vi.fn();
    const dog = watchWorker({ now: () => now, busy: () => false, dead, ping: () => {} });
    // Timers fire on time, but the clock jumps 10 minutes between two ticks.
    now += PING_EVERY_MS;
    vi.advanceTimersByTime(PING_EVERY_MS);
    now += 600_000;
    vi.advanceTimersByTime(PING_EVERY_MS);
    now += PING_EVERY_MS;
    dog.heard();
    vi.advanceTimersByTime(PING_EVERY_MS);
    expect(dead).not.toHaveBeenCalled();
    dog.stop();
  });
});
