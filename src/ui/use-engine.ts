// The engine connection (held outside React in state/app-state) as seen by components: the backend
// in use follows `preference`; switching it migrates a running experiment instead of restarting it.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { BackendPreference } from '../engine/protocol';
import { connection } from '../state/app-state';
import type { EngineState } from '../state/engine-connection';

export type { EngineState };

export function useEngine(preference: BackendPreference): {
  engine: EngineState | null;
  strayError: string | null;
} {
  useEffect(() => {
    void connection.selectBackend(preference);
  }, [preference]);
  const engine = useStore(connection.store, (s) => s.engine);
  const strayError = useStore(connection.store, (s) => s.strayError);
  return { engine, strayError };
}
