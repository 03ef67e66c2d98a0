// The engine worker, started by the page's first statement (main.tsx), before the app's own code (React,
// d3, the UI: most of the page's script) is fetched and run. The worker's bundle (tfjs, the backends)
// then loads on the other core meanwhile (issue #12, firstStepMs). The engine client adopts it once.

/** The worker as its own bundle: the one place that names it, so Vite builds it once. */
export function makeEngineWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
}

interface EarlyWorker {
  worker: Worker;
  /** An error the worker raised before anyone listened (its bundle failed to load, say). */
  error: ErrorEvent | null;
  keep: (event: ErrorEvent) => void;
}

let early: EarlyWorker | null = null;

/** Starts the worker now; a browser that refuses (no Worker, a policy) leaves it to the client's own start. */
export function startEngineWorkerEarly(): void {
  if (early || typeof Worker === 'undefined') return;
  try {
    const entry: EarlyWorker = {
      worker: makeEngineWorker(),
      error: null,
      keep: (event) => {
        entry.error ??= event;
        // The client will say what happened; the browser need not log it as well.
        event.preventDefault();
      },
    };
    entry.worker.addEventListener('error', entry.keep);
    early = entry;
  } catch {
    early = null;
  }
}

/**
 * The early worker, once; null when none was started or it was taken. An error it raised before this is
 * dispatched again on the next microtask, after the caller has added its listeners.
 */
export function takeEarlyWorker(): Worker | null {
  const entry = early;
  early = null;
  if (!entry) return null;
  entry.worker.removeEventListener('error', entry.keep);
  const { error } = entry;
  // Dispatched again as it was (its dispatch is over, so the DOM allows it), once the caller listens.
  if (error) queueMicrotask(() => entry.worker.dispatchEvent(error));
  return entry.worker;
}
