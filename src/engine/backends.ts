// The backend fallback chain WebGPU → WebGL → WASM → CPU. Each candidate is probed, loaded, set and made to
// compute one tiny op before it is accepted; every refusal is written down so the UI can say why.
import * as tf from '@tensorflow/tfjs-core';
import { backendOrder } from './chain-order';
import { errorMessage } from './error-message';
import { loadBackend } from './load-backend';
import { type BackendReason, type BackendRefusal, MessageError, type SoftwareGpu } from './messages';
import { probeWebGl } from './probe-webgl';
import { PROBE_TIMEOUT_MS, probeWebGpu, type WebGpuProbe } from './probe-webgpu';
import {
  type AdapterSummary,
  BACKEND_CHAIN,
  BACKEND_LABELS,
  type BackendName,
  type BackendPreference,
  type BackendReady,
  type WasmInfo,
} from './protocol';
import { sanityCheck } from './sanity';
import { isSoftwareAdapter, softwareName } from './software-gpu';
import { TimeoutError, withTimeout } from './with-timeout';

// Generous: a first WebGPU shader compile on SwiftShader takes 1–4 s, and CI machines have 2 cores.
const START_TIMEOUT_MS: Record<BackendName, number> = {
  webgpu: 30_000,
  webgl: 20_000,
  wasm: 20_000,
  cpu: 10_000,
};

/** Why a candidate was not used (typed: the UI words it as a line of the notes and a clause of the reason). */
type Outcome = { ok: true; slow?: SoftwareGpu; wasm?: WasmInfo } | { ok: false; refusal: BackendRefusal };

/**
 * Starts the first backend of the chain that works. `after` (a backend that just died, e.g. a lost GPU
 * device) skips the chain up to and including it and chooses among the rest as `auto` would.
 */
export async function initBackend(preference: BackendPreference, after?: BackendName): Promise<BackendReady> {
  const started = performance.now();
  const refusals: BackendRefusal[] = [];
  const seen: { adapter?: AdapterSummary } = {};
  const order = after ? BACKEND_CHAIN.slice(BACKEND_CHAIN.indexOf(after) + 1) : backendOrder(preference);
  if (after) refusals.push({ kind: 'backendStopped', backend: after });
  for (const name of order) {
    const explicit = !after && name === preference;
    let outcome: Outcome;
    try {
      outcome = await tryBackend(name, explicit, seen);
    } catch (err) {
      outcome = { ok: false, refusal: failed(name, err) };
    }
    if (outcome.ok) {
      return {
        backend: name,
        preference,
        reason: explain(name, preference, refusals, outcome.slow),
        ...(seen.adapter ? { adapter: seen.adapter } : {}),
        notes: refusals,
        initMs: Math.round(performance.now() - started),
        ...(outcome.wasm ? { wasm: outcome.wasm } : {}),
      };
    }
    refusals.push(outcome.refusal);
  }
  throw new MessageError({ kind: 'noBackend', because: refusals });
}

async function tryBackend(
  name: BackendName,
  explicit: boolean,
  seen: { adapter?: AdapterSummary },
): Promise<Outcome> {
  let slow: SoftwareGpu | undefined;
  if (name === 'webgpu') {
    // Auto asks briefly; a WebGPU asked for by name may take its whole start's time (a loaded machine's
    // GPU process answered requestAdapter() after more than 5 s).
    const probeMs = explicit ? START_TIMEOUT_MS.webgpu : PROBE_TIMEOUT_MS;
    let probe: WebGpuProbe;
    try {
      probe = await probeWebGpu(probeMs);
    } catch (err) {
      if (!(err instanceof TimeoutError)) throw err;
      return { ok: false, refusal: { kind: 'backendTimedOut', backend: name, seconds: probeMs / 1000 } };
    }
    if (!probe.ok) return { ok: false, refusal: { kind: 'webGpuUnavailable', why: probe.why } };
    seen.adapter = probe.adapter;
    if (isSoftwareAdapter(probe.adapter)) {
      slow = {
        backend: name,
        impl: softwareName(`${probe.adapter.architecture} ${probe.adapter.description}`),
      };
      // `auto` wants speed: a software WebGPU is 20–60× slower than WASM here (docs/backends.md).
      if (!explicit) return { ok: false, refusal: { kind: 'softwareGpu', ...slow } };
    }
  }
  if (name === 'webgl') {
    const probe = probeWebGl();
    if (!probe.ok) return { ok: false, refusal: { kind: 'webGlUnavailable', why: probe.why } };
    if (probe.software) {
      slow = { backend: name, impl: softwareName(probe.renderer) };
      if (!explicit) return { ok: false, refusal: { kind: 'softwareGpu', ...slow } };
    }
  }
  let wasm: WasmInfo | undefined;
  try {
    wasm = await withTimeout(
      start(name, explicit),
      START_TIMEOUT_MS[name],
      `starting ${BACKEND_LABELS[name]}`,
    );
  } catch (err) {
    discard(name);
    if (err instanceof TimeoutError)
      return {
        ok: false,
        refusal: { kind: 'backendTimedOut', backend: name, seconds: START_TIMEOUT_MS[name] / 1000 },
      };
    return { ok: false, refusal: failed(name, err) };
  }
  return { ok: true, ...(slow ? { slow } : {}), ...(wasm ? { wasm } : {}) };
}

/**
 * Loads and sets one backend and proves it computes; for WASM, says which build runs. `stillWanted`
 * (Auto's measurement, which may give up on a slow start and call `abandonStart`) is asked before every
 * step that touches the engine, so a start given up on never makes its backend current later on.
 */
export async function start(
  name: BackendName,
  explicit: boolean,
  stillWanted: () => boolean = () => true,
): Promise<WasmInfo | undefined> {
  const givenUp = () => new Error(`starting ${BACKEND_LABELS[name]} was given up`);
  await loadBackend(name, { allowSoftwareWebGl: explicit });
  performance.mark(`engine:${name}-loaded`);
  if (!stillWanted()) throw givenUp();
  let wasm: WasmInfo | undefined;
  if (name === 'wasm') {
    const { setWasmBackend } = await import('./wasm-setup');
    wasm = await setWasmBackend(stillWanted);
  } else if (!(await tf.setBackend(name))) {
    throw new Error(`tf.setBackend('${name}') refused (the worker console has tfjs's reason)`);
  }
  // Given up while it initialised: whatever is current now is someone else's; no op runs on it from here.
  if (!stillWanted()) throw givenUp();
  performance.mark(`engine:${name}-set`);
  await sanityCheck();
  performance.mark(`engine:${name}-checked`);
  return wasm;
}

/**
 * Gives up on a `start(name)` whose backend is still initialising (its `stillWanted` must now say no).
 * Bumping tfjs's init id alone is not enough: tfjs 4.22 clears `pendingBackendInit` only for the latest
 * init, so an outdated one left it set for good and every later op threw "Backend '…' has not yet been
 * initialized" — even after `setBackend` of an already started backend, which skips the init. tfjs's own
 * `removeBackend` does the same three things for a pending init; here the factory stays registered.
 */
export function abandonStart(name: BackendName): void {
  const engine = tf.engine() as unknown as {
    pendingBackendInit: Promise<boolean> | null;
    pendingBackendInitId: number;
    backendName: string | null;
    backendInstance: unknown;
  };
  if (engine.pendingBackendInit == null) return;
  engine.pendingBackendInitId += 1; // the init, when it ends, is outdated: it registers nothing
  engine.pendingBackendInit = null;
  if (engine.backendName === name) {
    engine.backendName = null;
    engine.backendInstance = null;
  }
}

/** Frees a backend that started but failed (e.g. a lost GPU device) so it holds no memory. */
function discard(name: BackendName): void {
  try {
    if (tf.findBackendFactory(name)) tf.removeBackend(name);
  } catch {
    // Already gone or never registered: nothing to free.
  }
}

function failed(name: BackendName, err: unknown): BackendRefusal {
  return { kind: 'backendFailed', backend: name, detail: errorMessage(err).replace(/\.+$/, '') };
}

function explain(
  chosen: BackendName,
  preference: BackendPreference,
  refusals: BackendRefusal[],
  slow: SoftwareGpu | undefined,
): BackendReason {
  const extra = slow ? { slow } : {};
  if (preference === chosen && refusals.length === 0)
    return { kind: 'backendRequested', backend: chosen, ...extra };
  if (preference === 'auto') {
    return refusals.length === 0
      ? { kind: 'backendAutoFastest', backend: chosen, ...extra }
      : { kind: 'backendAutoChose', backend: chosen, because: refusals, ...extra };
  }
  return { kind: 'backendFellBack', from: preference, to: chosen, because: refusals, ...extra };
}
