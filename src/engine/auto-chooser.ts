// Auto's choice for the loaded scene (issue #12), on the worker's side: the rates of each backend for
// this task shape — measured once (measure-backends.ts), or known from earlier in the session or from
// the page's cache — and the experiment moved to the fastest (auto-choice.ts decides). The worker calls
// `choose()` after the step-0 snapshot, so the first screen never waits for it; an explicit backend
// command meanwhile wins (`explicitChoice()`).
import { type BackendRate, chooseFastest, taskShapeKey } from './auto-choice';
import { start } from './backends';
import type { AssetLoader } from './data/asset-loader';
import { messageOf } from './messages';
import type { BackendName, BackendPreference, BackendReady, EngineReply, WasmInfo } from './protocol';
import type { Trainer } from './trainer';

/** Backends Auto measures (CPU only stands in when nothing else starts: it is never the fastest). */
const MEASURED_BACKENDS: readonly BackendName[] = ['wasm', 'webgl', 'webgpu'];

/** What the chooser reads from and tells the worker. */
export interface AutoChooserHost {
  trainer(): Trainer | null;
  backend(): BackendName | null;
  preference(): BackendPreference;
  /** The last backend report sent to the page; the measurement amends it. */
  lastReady(): BackendReady | null;
  loader(): AssetLoader | null;
  /** The experiment now runs on `backend` (after a move). */
  moved(backend: BackendName): void;
  /** The report that goes to the page (kept as the new last report). */
  report(ready: BackendReady): void;
  reply(message: EngineReply): void;
}

export function createAutoChooser(host: AutoChooserHost) {
  const measuredRates = new Map<string, BackendRate[]>();
  let generation = 0;

  return {
    /** Rates measured in this browser before (the page's cache), by task shape. */
    remember(known: Record<string, BackendRate[]> | undefined): void {
      for (const [key, rates] of Object.entries(known ?? {})) measuredRates.set(key, rates);
    },

    /** An explicit backend command: a measurement under way then changes nothing. */
    explicitChoice(): void {
      generation += 1;
    },

    async choose(): Promise<void> {
      const running = host.trainer();
      const experiment = running?.experiment;
      const loader = host.loader();
      const from = host.backend();
      if (!running || !experiment || !from || !loader || host.preference() !== 'auto') return;
      const mine = ++generation;
      const key = taskShapeKey(experiment);
      let rates = measuredRates.get(key);
      let ms = 0;
      const cached = rates !== undefined;
      try {
        if (!rates) {
          host.reply({ id: null, type: 'backendMeasuring' });
          const { measureBackends } = await import('./measure-backends');
          // The training data download first, outside the measurement's time budget.
          await running.whenTrainable();
          // User-timing marks for the worker's timeline (bench/app-bench.mjs reads `engine:*` marks).
          performance.mark('engine:auto-measure-start');
          const measurement = await running.whileStopped(() =>
            measureBackends(experiment, loader, from, MEASURED_BACKENDS),
          );
          performance.mark('engine:auto-measure-end');
          rates = measurement.rates;
          ms = measurement.ms;
          measuredRates.set(key, rates);
        }
        const now = host.backend();
        if (mine !== generation || running !== host.trainer() || host.preference() !== 'auto' || !now) return;
        const chosen = chooseFastest(rates, now);
        let ready: BackendReady = {
          ...(host.lastReady() ?? { notes: [], initMs: 0 }),
          backend: chosen,
          preference: 'auto',
          reason: { kind: 'backendMeasured', backend: chosen },
          measured: { rates, ms, cached },
        };
        if (chosen !== now) {
          const startedAt = performance.now();
          let wasm: WasmInfo | undefined;
          await running.migrate(async () => {
            wasm = await start(chosen, true);
          });
          const { wasm: _previous, ...rest } = ready;
          ready = {
            ...rest,
            notes: [],
            initMs: Math.round(performance.now() - startedAt),
            ...(wasm ? { wasm } : {}),
          };
          host.moved(chosen);
        }
        host.report(ready);
        host.reply({ id: null, type: 'backendMeasured', shapeKey: key, ready });
      } catch (err) {
        host.reply({ id: null, type: 'error', message: { kind: 'measureFailed', cause: messageOf(err) } });
      }
    },
  };
}
