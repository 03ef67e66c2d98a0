// The engine connection (held outside React in state/app-state) as seen by components: the backend
// in use follows `preference`; switching it migrates a running experiment instead of restarting it.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { EngineMessage } from '../engine/messages';
import type { BackendPreference } from '../engine/protocol';
import { connection } from '../state/app-state';
import type { EngineState } from '../state/engine-connection';
import { assetBase } from '../state/training-controller';

export type { EngineState };

/** The preference main.tsx started the engine with, before React's first render; taken once. */
let startedEarly: BackendPreference | null = null;

/**
 * Starts the worker and its backend at once, before React renders (issue #6, firstStepMs: the worker
 * chunk, tfjs and the backend's WASM binary load meanwhile). useEngine's first effect then adopts it.
 */
export function startEngineEarly(preference: BackendPreference, dataset: 'mnist' | 'sonnets' | null): void {
  startedEarly = preference;
  void connection.selectBackend(preference, dataset ? { assetBase: assetBase(), dataset } : undefined);
}

export function useEngine(preference: BackendPreference): {
  engine: EngineState | null;
  strayError: EngineMessage | null;
} {
  useEffect(() => {
    const early = startedEarly;
    startedEarly = null;
    if (early === preference) return;
    void connection.selectBackend(preference);
  }, [preference]);
  const engine = useStore(connection.store, (s) => s.engine);
  const strayError = useStore(connection.store, (s) => s.strayError);
  return { engine, strayError };
}
