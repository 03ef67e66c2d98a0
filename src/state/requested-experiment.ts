// The experiment as the user asked for it: the one the engine has taken, with every edit still in flight
// (sent and not yet answered, or waiting behind one of its kind) applied on top in the order it was
// asked. The training store's `experiment` is this, so the address bar, share links, the drawer and the
// budget checks all read every edit the moment it is made, not one engine round trip later. An edit the
// engine refuses drops out (the controller shows the engine's reason) and the edits after it are applied
// again on what the engine has. No tfjs here.

import type { ExperimentConfig } from '../engine/experiment';
import type { EngineMessage } from '../engine/messages';

export type ExperimentChange = (experiment: ExperimentConfig) => ExperimentConfig;

/** One edit in flight: settle it once the engine answered (taken or refused). */
export interface PendingEdit {
  settle(taken: boolean): void;
}

/** One edit as a function of the experiment before it (null: none loaded yet). */
type Step = (experiment: ExperimentConfig | null) => ExperimentConfig | null;

/**
 * `publish` receives the requested experiment whenever it changes; `notice` is set (null: none) only when
 * the engine has just taken an edit, and is that edit's note for the user (undefined: keep what is shown).
 */
export function createRequestedExperiment(
  publish: (experiment: ExperimentConfig, notice?: EngineMessage | null) => void,
) {
  /** What the engine has taken (null until a first experiment is loaded). */
  let taken: ExperimentConfig | null = null;
  const pending: { step: Step }[] = [];
  const requested = (): ExperimentConfig | null => pending.reduce((e, p) => p.step(e), taken);
  const show = (notice?: EngineMessage | null) => {
    const experiment = requested();
    if (experiment) publish(experiment, notice);
  };
  const ask = (step: Step, notice: EngineMessage | null): PendingEdit => {
    const entry = { step };
    pending.push(entry);
    show();
    return {
      settle(ok: boolean) {
        const at = pending.indexOf(entry);
        if (at < 0) return;
        pending.splice(at, 1);
        if (ok) taken = entry.step(taken);
        show(ok ? notice : undefined);
      },
    };
  };

  return {
    requested,
    /** What the engine runs: a restarted worker gets this, not edits the old one never answered. */
    taken: (): ExperimentConfig | null => taken,
    /**
     * Asks for `change` of the experiment (shown at once; nothing happens before one is loaded); `notice`
     * is shown once the engine took it.
     */
    edit: (change: ExperimentChange, notice: EngineMessage | null = null): PendingEdit =>
      ask((e) => e && change(e), notice),
    /**
     * Asks for a whole new experiment (a scene). Edits asked before it still settle, but what they
     * change is replaced; refused, the experiment before it (with those edits) is requested again.
     */
    replace: (experiment: ExperimentConfig): PendingEdit => ask(() => experiment, null),
    /**
     * A change the page owns alone (a run's label): nothing to send, so it holds for the experiment the
     * engine has and for every edit in flight (applied after each, so a run still being added gets it).
     */
    local(change: ExperimentChange): void {
      if (taken) taken = change(taken);
      for (const p of pending) {
        const before = p.step;
        p.step = (e) => {
          const next = before(e);
          return next && change(next);
        };
      }
      show();
    },
  };
}

export type RequestedExperiment = ReturnType<typeof createRequestedExperiment>;
