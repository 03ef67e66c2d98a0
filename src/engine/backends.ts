// The backend fallback chain WebGPU → WebGL → WASM → CPU. Each candidate is probed, loaded, set and made to
// compute one tiny op before it is accepted; every refusal is written down so the UI can say why.
import * as tf from '@tensorflow/tfjs-core';
import { backendOrder } from './chain-order';
import { errorMessage } from './error-message';
import { loadBackend } from './load-backend';
import { probeWebGl } from './probe-webgl';
import { probeWebGpu } from './probe-webgpu';
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
import { withTimeout } from './with-timeout';

// Generous: a first WebGPU shader compile on SwiftShader takes 1–4 s, and CI machines have 2 cores.
const START_TIMEOUT_MS: Record<BackendName, number> = {
  webgpu: 30_000,
  webgl: 20_000,
  wasm: 20_000,
  cpu: 10_000,
};

/** Why a candidate was not used: a sentence for the notes list and a clause for the badge's reason. */
type Refusal = { note: string; clause: string };
type Outcome = { ok: true; remark?: string; wasm?: WasmInfo } | ({ ok: false } & Refusal);

/**
 * Starts the first backend of the chain that works. `after` (a backend that just died, e.g. a lost GPU
 * device) skips the chain up to and including it and chooses among the rest as `auto` would.
 */
export async function initBackend(preference: BackendPreference, after?: BackendName): Promise<BackendReady> {
  const started = performance.now();
  const refusals: Refusal[] = [];
  const seen: { adapter?: AdapterSummary } = {};
  const order = after ? BACKEND_CHAIN.slice(BACKEND_CHAIN.indexOf(after) + 1) : backendOrder(preference);
  if (after)
    refusals.push({
      note: `${BACKEND_LABELS[after]} stopped working.`,
      clause: `${BACKEND_LABELS[after]} stopped working`,
    });
  for (const name of order) {
    const explicit = !after && name === preference;
    let outcome: Outcome;
    try {
      outcome = await tryBackend(name, explicit, seen);
    } catch (err) {
      outcome = { ok: false, ...failed(name, errorMessage(err)) };
    }
    if (outcome.ok) {
      return {
        backend: name,
        preference,
        reason: explain(name, preference, refusals, outcome.remark),
        ...(seen.adapter ? { adapter: seen.adapter } : {}),
        notes: refusals.map((r) => r.note),
        initMs: Math.round(performance.now() - started),
        ...(outcome.wasm ? { wasm: outcome.wasm } : {}),
      };
    }
    refusals.push(outcome);
  }
  throw new Error(`No tfjs backend could start. ${refusals.map((r) => r.note).join(' ')}`);
}

async function tryBackend(
  name: BackendName,
  explicit: boolean,
  seen: { adapter?: AdapterSummary },
): Promise<Outcome> {
  let remark: string | undefined;
  if (name === 'webgpu') {
    const probe = await probeWebGpu();
    if (!probe.ok)
      return { ok: false, note: `WebGPU unavailable: ${probe.why}.`, clause: 'WebGPU is unavailable' };
    seen.adapter = probe.adapter;
    if (isSoftwareAdapter(probe.adapter)) {
      const impl = softwareName(`${probe.adapter.architecture} ${probe.adapter.description}`);
      // `auto` wants speed: a software WebGPU is 20–60× slower than WASM here (docs/backends.md).
      if (!explicit) {
        return {
          ok: false,
          note: `WebGPU adapter is a software fallback (${impl}); WASM is faster here.`,
          clause: `the WebGPU adapter is a software fallback (${impl})`,
        };
      }
      remark = `it runs on ${impl}, a software fallback adapter: real, but slow`;
    }
  }
  if (name === 'webgl') {
    const probe = probeWebGl();
    if (!probe.ok)
      return { ok: false, note: `WebGL unavailable: ${probe.why}.`, clause: 'WebGL is unavailable' };
    if (probe.software) {
      const impl = softwareName(probe.renderer);
      if (!explicit) {
        return {
          ok: false,
          note: `WebGL renders in software (${impl}); WASM is faster here.`,
          clause: `WebGL renders in software (${impl})`,
        };
      }
      remark = `it renders in software here (${impl}): real, but slow`;
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
    return { ok: false, ...failed(name, errorMessage(err)) };
  }
  return { ok: true, ...(remark === undefined ? {} : { remark }), ...(wasm ? { wasm } : {}) };
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

function failed(name: BackendName, message: string): Refusal {
  const label = BACKEND_LABELS[name];
  return {
    note: `${label} failed to start: ${message.replace(/\.+$/, '')}.`,
    clause: `${label} failed to start`,
  };
}

function explain(
  chosen: BackendName,
  preference: BackendPreference,
  refusals: Refusal[],
  remark: string | undefined,
): string {
  const label = BACKEND_LABELS[chosen];
  const extra = remark ? ` — ${remark}` : '';
  if (preference === chosen && refusals.length === 0) return `${label} was requested${extra}.`;
  const because = refusals.map((r) => r.clause).join(' and ');
  if (preference === 'auto') {
    return refusals.length === 0
      ? `Auto: ${label} is the fastest backend available here${extra}.`
      : `Auto chose ${label} because ${because}${extra}.`;
  }
  return `${BACKEND_LABELS[preference]} was requested, but ${because}; ${label} is next in the chain${extra}.`;
}
