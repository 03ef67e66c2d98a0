// One engine worker for the page, held outside React. Choosing a backend before an experiment is
// loaded initialises it; afterwards the running experiment migrates (weights and optimizer state
// move across, nothing restarts). No tfjs here.

import { createStore } from 'zustand/vanilla';
import type { EngineClient } from '../engine/client';
import type { BackendPreference, BackendReady } from '../engine/protocol';

export type EngineState =
  | { phase: 'starting'; client: EngineClient; generation: number }
  | { phase: 'ready'; client: EngineClient; generation: number; ready: BackendReady }
  | { phase: 'failed'; client: EngineClient; generation: number; error: string };

export interface ConnectionState {
  engine: EngineState | null;
  /** A failure no request was waiting for (e.g. the worker crashed between requests). */
  strayError: string | null;
}

export function createEngineConnection(makeClient: (onStray: (message: string) => void) => EngineClient) {
  const store = createStore<ConnectionState>(() => ({ engine: null, strayError: null }));
  let client: EngineClient | null = null;
  let generation = 0;
  let hasExperiment = false;
  let preference: BackendPreference = 'auto';

  const onStray = (message: string) => store.setState({ strayError: message });

  return {
    store,
    /** The page's client, made on first use. */
    client(): EngineClient {
      client ??= makeClient(onStray);
      return client;
    },
    /** Starts (or switches to) a backend; a loaded experiment moves along with its state. */
    async selectBackend(wanted: BackendPreference): Promise<BackendReady | null> {
      preference = wanted;
      const c = this.client();
      const mine = ++generation;
      store.setState({ engine: { phase: 'starting', client: c, generation: mine }, strayError: null });
      try {
        const ready = hasExperiment ? await c.migrate(wanted) : await c.init(wanted);
        if (mine === generation)
          store.setState({ engine: { phase: 'ready', client: c, generation: mine, ready } });
        return ready;
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        if (mine === generation)
          store.setState({ engine: { phase: 'failed', client: c, generation: mine, error } });
        return null;
      }
    },
    /** Called once an experiment is loaded: later backend switches migrate it. */
    markExperimentLoaded(): void {
      hasExperiment = true;
    },
    /** The worker moved to another backend by itself (a lost GPU device): the badge follows. */
    backendChanged(ready: BackendReady): void {
      store.setState({ engine: { phase: 'ready', client: this.client(), generation: ++generation, ready } });
    },
    /** The worker died: a fresh one on the same backend preference (the caller restores the runs). */
    restart(): Promise<BackendReady | null> {
      client?.dispose();
      client = null;
      hasExperiment = false;
      return this.selectBackend(preference);
    },
  };
}

export type EngineConnection = ReturnType<typeof createEngineConnection>;
