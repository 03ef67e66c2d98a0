// One engine worker for the page, held outside React. Choosing a backend before an experiment is
// loaded initialises it; afterwards the running experiment migrates (weights and optimizer state
// move across, nothing restarts). No tfjs here.

import { createStore } from 'zustand/vanilla';
import type { EngineClient } from '../engine/client';
import { type EngineMessage, messageOf } from '../engine/messages';
import type { BackendPreference, BackendReady, DataPrefetch } from '../engine/protocol';
import { knownRates, rememberRates } from './rate-cache';

export type EngineState =
  | { phase: 'starting'; client: EngineClient; generation: number }
  | { phase: 'ready'; client: EngineClient; generation: number; ready: BackendReady }
  | { phase: 'failed'; client: EngineClient; generation: number; error: EngineMessage };

export interface ConnectionState {
  engine: EngineState | null;
  /** A failure no request was waiting for (e.g. the worker crashed between requests). */
  strayError: EngineMessage | null;
  /** Auto is timing the loaded scene on each backend. */
  measuring: boolean;
}

export function createEngineConnection(
  makeClient: (onStray: (message: EngineMessage) => void) => EngineClient,
) {
  const store = createStore<ConnectionState>(() => ({
    engine: null,
    strayError: null,
    measuring: false,
  }));
  let client: EngineClient | null = null;
  let generation = 0;
  let hasExperiment = false;
  let preference: BackendPreference = 'auto';

  const onStray = (message: EngineMessage) => store.setState({ strayError: message });

  return {
    store,
    /** The page's client, made on first use. */
    client(): EngineClient {
      client ??= makeClient(onStray);
      return client;
    },
    /** Starts (or switches to) a backend; a loaded experiment moves along with its state. */
    /** `prefetch`: the first scene's data set, fetched while the backend starts (first start only). */
    async selectBackend(wanted: BackendPreference, prefetch?: DataPrefetch): Promise<BackendReady | null> {
      preference = wanted;
      const c = this.client();
      const mine = ++generation;
      store.setState({
        engine: { phase: 'starting', client: c, generation: mine },
        strayError: null,
        measuring: false,
      });
      try {
        const ready = hasExperiment ? await c.migrate(wanted) : await c.init(wanted, knownRates(), prefetch);
        if (mine === generation)
          store.setState({ engine: { phase: 'ready', client: c, generation: mine, ready } });
        return ready;
      } catch (err) {
        const error = messageOf(err);
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
    /** Auto started measuring the loaded scene on each backend. */
    measuring(): void {
      store.setState({ measuring: true });
    },
    /** Auto measured (or knew) the rates and runs on the fastest: the badge follows, the rates are kept. */
    measured(shapeKey: string, ready: BackendReady): void {
      if (ready.measured && !ready.measured.cached) rememberRates(shapeKey, ready.measured.rates);
      // A backend switch the user asked for is under way: its answer decides what runs.
      if (store.getState().engine?.phase === 'starting') {
        store.setState({ measuring: false });
        return;
      }
      store.setState({
        engine: { phase: 'ready', client: this.client(), generation: ++generation, ready },
        measuring: false,
      });
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
