// One kind of command in flight at a time: requests arriving meanwhile merge into a single pending one,
// sent when the one in flight is answered. A flood of `step` or `setSpec` messages (a held key, a slide
// deck's loop) becomes a couple of engine commands instead of a queue the engine works through for minutes.

export function coalescing<T>(
  send: (value: T) => Promise<boolean>,
  merge: (pending: T, next: T) => T,
): (value: T) => Promise<boolean> {
  let inFlight = false;
  let pending: { value: T; done: Promise<boolean>; resolve: (ok: boolean) => void } | null = null;
  const start = (value: T): Promise<boolean> => {
    inFlight = true;
    return send(value).finally(() => {
      inFlight = false;
      const next = pending;
      pending = null;
      if (next) start(next.value).then(next.resolve, () => next.resolve(false));
    });
  };
  return (value: T) => {
    if (!inFlight) return start(value);
    if (pending) {
      pending.value = merge(pending.value, value);
      return pending.done;
    }
    let resolve: (ok: boolean) => void = () => undefined;
    const done = new Promise<boolean>((r) => {
      resolve = r;
    });
    pending = { value, done, resolve };
    return done;
  };
}
