// Test hooks for the recovery paths, installed only with `?debug=1` (main.tsx asks the start-up URL): e2e tests make the engine fail on
// purpose (`fault`) and read the charts' history (`history`) to check that nothing was lost.
import type { EngineFault } from '../engine/protocol';
import { connection, training } from '../state/app-state';

export interface DebugHooks {
  fault(fault: EngineFault): Promise<void>;
  /** Per run, the history the charts draw: step and training loss of every point held. */
  history(): Record<string, { step: number; loss: number }[]>;
}

export function installDebugHooks(): void {
  const hooks: DebugHooks = {
    fault: (fault) => connection.client().fault(fault),
    history: () =>
      Object.fromEntries(
        Object.entries(training.store.getState().history).map(([runId, series]) => [
          runId,
          series.points().map((p) => ({ step: p.step, loss: p.value.trainLoss })),
        ]),
      ),
  };
  (window as unknown as { anisoscopeDebug: DebugHooks }).anisoscopeDebug = hooks;
}
