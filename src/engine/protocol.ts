// Typed messages between the main thread and the engine worker. No tfjs here: the UI imports this file,
// and `ui` must never pull tfjs into the main bundle.
import type { SelfCheckReport } from '../optim/self-check-types';
import type { OptimizerSpecInput } from '../optim/spec';
import type { BackendName, BackendPreference } from './backend-names';
import type { ExperimentConfig, RunConfig } from './experiment';
import type { BackendReason, BackendRefusal, EngineMessage, LostGpu } from './messages';
import type { Seeds } from './random';
import type { Checkpoint } from './session/checkpoint-types';
import type { FieldKind, Snapshot } from './session/snapshot-types';
import type { TaskConfig } from './tasks/configs';
import type { TrainerStatus } from './trainer-status';

export {
  BACKEND_CHAIN,
  BACKEND_LABELS,
  BACKEND_PREFERENCES,
  type BackendName,
  type BackendPreference,
  isBackendPreference,
} from './backend-names';

/**
 * One backend's measurement. `measured`: `steps` timed steps at `stepsPerS`. `tooSlow`: its slice of the
 * budget ran out (starting it, or its first step with the shader compiles); `stepsPerS` is the rate it
 * reached when at least one step was timed. `failed`: it did not start (`reason` is tfjs's message).
 * `notStarted`: left alone on purpose (`why`): a software WebGPU's pipelines compile in the browser's GPU
 * process, which also draws every page, and go on compiling after the slice ends.
 */
export type BackendRate =
  | { backend: BackendName; software: boolean; status: 'measured'; stepsPerS: number; steps: number }
  | { backend: BackendName; software: boolean; status: 'tooSlow'; stepsPerS?: number }
  | { backend: BackendName; software: boolean; status: 'failed'; reason: string }
  | { backend: BackendName; software: boolean; status: 'notStarted'; why: 'softwareWebGpu' };

/** A data set the engine may fetch ahead of the `load` that needs it; `assetBase` as in `load`. */
export interface DataPrefetch {
  assetBase: string;
  dataset: 'mnist' | 'sonnets';
}

/** What the WebGPU adapter says about itself (GPUAdapterInfo, copied: it cannot cross postMessage). */
export interface AdapterSummary {
  vendor: string;
  architecture: string;
  description: string;
  isFallbackAdapter: boolean;
}

// Every request carries an id so that replies can be matched even when requests overlap.
export type EngineCommand =
  /** `knownRates`: Auto's earlier measurements in this browser, by task shape (auto-choice.ts). */
  | {
      id: number;
      type: 'init';
      preference: BackendPreference;
      knownRates?: Record<string, BackendRate[]>;
      /** The first scene's data set, fetched and decoded while the backend starts (firstStepMs). */
      prefetch?: DataPrefetch;
    }
  | { id: number; type: 'selfCheck' }
  /** Replaces the experiment; `assetBase` is the app's absolute base URL (data files live under it). */
  | { id: number; type: 'load'; experiment: ExperimentConfig; snapshotEvery: number; assetBase: string }
  | { id: number; type: 'play' }
  | { id: number; type: 'pause' }
  | { id: number; type: 'step'; count: number }
  /** Same initial weights and batches unless new seeds are given. */
  | { id: number; type: 'reset'; seeds?: Partial<Seeds> }
  | { id: number; type: 'setSpec'; runId: string; spec: Partial<OptimizerSpecInput> }
  | { id: number; type: 'addRun'; run: RunConfig }
  | { id: number; type: 'removeRun'; runId: string }
  /** Changing the task or model resets the runs (same specs). */
  | { id: number; type: 'setTask'; task: TaskConfig }
  /** Train every run on this many seeds (1–5, docs/seeds.md); restarts from step 0 with the same specs. */
  | { id: number; type: 'setSeedCount'; count: number }
  | { id: number; type: 'setSpeed'; stepsPerTick: number; snapshotEvery?: number }
  /** What the heatmaps draw: A-LR, effective step, √v or |m|. */
  | { id: number; type: 'setShownField'; field: FieldKind }
  /** Moves weights and optimizer state to another backend in the same worker. */
  | { id: number; type: 'migrate'; preference: BackendPreference }
  /** After a worker restart: the experiment rebuilt with the runs' state from the page's last checkpoint. */
  | {
      id: number;
      type: 'restore';
      experiment: ExperimentConfig;
      checkpoint: Checkpoint;
      snapshotEvery: number;
      assetBase: string;
    }
  /** Answered with `done` as soon as the worker's event loop is free: the page's sign of life. */
  | { id: number; type: 'ping' }
  /**
   * Snapshots' field buffers (transferred) that nothing on the page reads any more: later snapshots
   * reuse them (session/field-buffers.ts). Answered with `done`.
   */
  | { id: number; type: 'returnFields'; buffers: ArrayBuffer[] }
  /** Test hook (the page sends it only with `?debug=1`): makes one of the failures recovery handles. */
  | { id: number; type: 'debugFault'; fault: EngineFault };

/**
 * Failures the recovery paths handle, on demand for tests: `loseDevice` destroys the WebGPU device (as a
 * driver reset would), `loseContext` loses the WebGL context (WEBGL_lose_context), `crash` throws an
 * uncaught error out of the worker, `close` ends the worker silently.
 */
export type EngineFault = 'loseDevice' | 'loseContext' | 'crash' | 'close';

export type { TrainerStatus };

/**
 * How the WASM backend runs: its thread count, and why it is single-threaded when it is. `notIsolated`:
 * the page is not cross-origin isolated (no COOP/COEP headers), `unsupported`: the browser has no WASM
 * threads, `timeout` / `failed`: the threaded build did not start and the single-threaded one took over,
 * `off`: this build has threads switched off (WASM_THREADS_ENABLED), `fewCores`: under 4 logical cores,
 * where tfjs's pool would be one thread, the lighter single-threaded build runs (wasm-setup.ts).
 */
/** How long the threaded WASM build may take to start before the single-threaded one takes over. */
export const WASM_THREADS_TIMEOUT_MS = 8_000;

export interface WasmInfo {
  threads: number;
  fallback?: 'notIsolated' | 'unsupported' | 'timeout' | 'failed' | 'off' | 'fewCores';
  /** The threaded build's error, for `failed`. */
  error?: string;
}

export interface BackendReady {
  backend: BackendName;
  preference: BackendPreference;
  /** Why this backend runs (worded by the UI next to the badge). */
  reason: BackendReason;
  /** The WebGPU adapter, whenever one was queried (also when it was not chosen). */
  adapter?: AdapterSummary;
  /** One per backend tried or skipped before the chosen one: why it was not used. */
  notes: BackendRefusal[];
  /** Wall time of the whole fallback chain, for the curious and for the e2e log. */
  initMs: number;
  /** Set when the WASM backend runs. */
  wasm?: WasmInfo;
  /** Auto's measurement of the loaded scene on each backend (issue #12); `cached`: from an earlier one. */
  measured?: { rates: BackendRate[]; ms: number; cached: boolean };
}

export type EngineReply =
  | ({ id: number; type: 'backendReady' } & BackendReady)
  | { id: number; type: 'selfCheckResult'; report: SelfCheckReport }
  /** The command was carried out. */
  | { id: number; type: 'done' }
  /** Unsolicited, at display cadence; its typed arrays are transferred. */
  | { id: null; type: 'snapshot'; snapshot: Snapshot }
  | { id: null; type: 'status'; status: TrainerStatus }
  /** Every few seconds while training: what the page keeps to restore the runs into a restarted worker. */
  | { id: null; type: 'checkpoint'; checkpoint: Checkpoint; experiment: ExperimentConfig }
  /** The backend died under training (a lost GPU device); the runs go back to the checkpoint of `step`. */
  | { id: null; type: 'recovering'; loss: LostGpu; lost: BackendName; step: number }
  /** …and carry on from there on `ready.backend`. */
  | ({ id: null; type: 'recovered'; step: number } & { ready: BackendReady })
  /** Auto is timing a few steps of the loaded scene on each backend (training waits, ≤ 1.5 s). */
  | { id: null; type: 'backendMeasuring' }
  /** …and runs on the fastest: `ready.measured` has the rates, cached by the page under `shapeKey`. */
  | { id: null; type: 'backendMeasured'; shapeKey: string; ready: BackendReady }
  /** `id` is null for failures no request caused (e.g. an unhandled rejection inside the worker). */
  | { id: number | null; type: 'error'; message: EngineMessage };
