// What the engine and the state layer tell the user, as typed codes with parameters: which backend runs
// and why, what was skipped, notices after a change or a recovery, and failures. They cross the worker
// boundary as plain data; the UI renders each code through its string tables (ui/i18n/message-text.ts),
// so no English is ever parsed back. Text the code does not own (tfjs's own errors, a GPU's reason) is
// carried verbatim as `detail`. No tfjs here: the page imports it.
import type { BackendName, BackendPreference } from './backend-names';
import { errorMessage } from './error-message';
import type { OverBudget } from './model-size';

/** A GPU backend that can turn out to be a software rasterizer. */
export type GpuBackend = 'webgpu' | 'webgl';

/**
 * A software GPU: `impl` names it ('SwiftShader', 'Mesa llvmpipe', 'Microsoft WARP'), null when the
 * driver only says that no hardware GPU is behind it.
 */
export interface SoftwareGpu {
  backend: GpuBackend;
  impl: string | null;
}

/** Why a backend of the chain was passed over: one line in the panel's list, one clause in the reason. */
export type BackendRefusal =
  /** It ran, then died (a lost device); the chain goes on after it. */
  | { kind: 'backendStopped'; backend: BackendName }
  /** `noApi`: navigator.gpu is missing; `noAdapter`: requestAdapter() gave nothing. */
  | { kind: 'webGpuUnavailable'; why: 'noApi' | 'noAdapter' }
  /** `noOffscreenCanvas`: no canvas in the worker; `noContext`: no WebGL 2 context could be made. */
  | { kind: 'webGlUnavailable'; why: 'noOffscreenCanvas' | 'noContext' }
  /** Auto passes over a software GPU: WASM is faster. */
  | ({ kind: 'softwareGpu' } & SoftwareGpu)
  | { kind: 'backendTimedOut'; backend: BackendName; seconds: number }
  /** It failed to start; `detail` is the error as tfjs or the browser worded it. */
  | { kind: 'backendFailed'; backend: BackendName; detail: string };

/** Why the backend that runs was chosen; `slow`: an explicitly chosen GPU that runs in software. */
export type BackendReason =
  | { kind: 'backendRequested'; backend: BackendName; slow?: SoftwareGpu }
  | { kind: 'backendAutoFastest'; backend: BackendName; slow?: SoftwareGpu }
  | { kind: 'backendAutoChose'; backend: BackendName; because: BackendRefusal[]; slow?: SoftwareGpu }
  | {
      kind: 'backendFellBack';
      from: BackendPreference;
      to: BackendName;
      because: BackendRefusal[];
      slow?: SoftwareGpu;
    }
  /** Auto timed the loaded scene on each backend and this one was the fastest. */
  | { kind: 'backendMeasured'; backend: BackendName };

/** How a GPU backend died under training; `reason` / `detail` are the browser's own words, if any. */
export type LostGpu =
  | { kind: 'webGpuDeviceLost'; reason: string; detail: string }
  | { kind: 'webGlContextLost' };

/** Why the engine worker is gone (client.ts notices it). */
export type EngineStop =
  | { kind: 'workerCrashed'; detail: string }
  | { kind: 'workerSilent'; seconds: number }
  | { kind: 'engineStopped' };

/** Everything else the engine and the state layer say: notices and failures. */
export type EngineMessage =
  | BackendRefusal
  | BackendReason
  | LostGpu
  | EngineStop
  // After a change the user made (state/training-controller.ts).
  | { kind: 'newSeeds' }
  | { kind: 'taskChanged' }
  | { kind: 'newStart'; x: string; y: string }
  // Recovery (state/engine-recovery.ts, the worker's device-loss path).
  | { kind: 'engineRestarting'; stop: EngineStop }
  | { kind: 'engineRestarted'; stop: EngineStop; step: number }
  | { kind: 'engineGaveUp'; stop: EngineStop; times: number }
  | { kind: 'engineNotRestarted'; stop: EngineStop }
  | { kind: 'restoreFailed'; cause: EngineMessage }
  | { kind: 'backendMoving'; lost: LostGpu; step: number }
  | { kind: 'backendMoved'; lost: LostGpu; backend: BackendName; step: number }
  | { kind: 'gpuLostIdle'; lost: LostGpu }
  | { kind: 'moveFailed'; lost: LostGpu; cause: EngineMessage }
  // Failures.
  | { kind: 'noBackend'; because: BackendRefusal[] }
  | { kind: 'trainingStopped'; cause: EngineMessage }
  | { kind: 'measureFailed'; cause: EngineMessage }
  | { kind: 'messageUnreadable' }
  | { kind: 'overBudget'; over: OverBudget }
  | { kind: 'customPoints'; problem: CustomPointsProblem }
  /** Text the code does not own (tfjs, the browser, an internal check), shown verbatim after a lead. */
  | { kind: 'engineError'; detail: string };

export type EngineMessageKind = EngineMessage['kind'];

/** What is wrong with a set of custom 2-D points (engine/tasks/custom-points.ts). */
export type CustomPointsProblem =
  | { code: 'missing' }
  | { code: 'lengths'; coordinates: number; labels: number }
  | { code: 'tooFew'; points: number; min: number }
  | { code: 'tooMany'; points: number; max: number }
  | { code: 'notFinite'; coordinate: number; point: number }
  | { code: 'badLabel'; point: number; max: number }
  | { code: 'oneClass'; min: number }
  | { code: 'overflow'; axis: 'x' | 'y'; min: number; max: number }
  | { code: 'collapse'; axis: 'x' | 'y'; min: number; max: number };

/** An Error that carries a typed message across `await`s and the worker boundary. */
export class MessageError extends Error {
  override name = 'MessageError';
  /** `logText`: the Error's own text, for logs and the headless runner (else the code and its parameters). */
  constructor(
    readonly payload: EngineMessage,
    logText?: string,
  ) {
    super(
      logText ??
        (payload.kind === 'engineError' ? payload.detail : `${payload.kind} ${JSON.stringify(payload)}`),
    );
  }
}

/** The typed message for anything caught: a MessageError's own, else the raw text as `engineError`. */
export function messageOf(err: unknown): EngineMessage {
  return err instanceof MessageError ? err.payload : { kind: 'engineError', detail: errorMessage(err) };
}
