// Owns the engine worker for the current backend preference. A new preference starts a fresh worker (and
// stops the old one): a clean tfjs engine per backend, with nothing left over from the previous device.
import { useEffect, useState } from 'react';
import { EngineClient } from '../engine/client';
import type { BackendPreference, BackendReady } from '../engine/protocol';

export type EngineState =
  | { phase: 'starting'; client: EngineClient; generation: number }
  | { phase: 'ready'; client: EngineClient; generation: number; ready: BackendReady }
  | { phase: 'failed'; client: EngineClient; generation: number; error: string };

let generations = 0;

export function useEngine(preference: BackendPreference): {
  engine: EngineState | null;
  strayError: string | null;
} {
  const [engine, setEngine] = useState<EngineState | null>(null);
  const [strayError, setStrayError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const generation = ++generations;
    const client = new EngineClient((message) => live && setStrayError(message));
    setEngine({ phase: 'starting', client, generation });
    setStrayError(null);
    client.init(preference).then(
      (ready) => live && setEngine({ phase: 'ready', client, generation, ready }),
      (err: unknown) => live && setEngine({ phase: 'failed', client, generation, error: String(err) }),
    );
    return () => {
      live = false;
      client.dispose();
    };
  }, [preference]);

  return { engine, strayError };
}
