// Starts the tfjs WASM backend: the threaded SIMD build wherever the page is cross-origin isolated
// (SharedArrayBuffer available), else the single-threaded SIMD build. Imported lazily, so the binaries are
// only fetched when WASM is chosen; `?url` gives Vite's hashed asset URLs for each of them.
//
// The threaded build's pthread workers run a Blob made from the glue's source; the bundle keeps that
// source self-contained (src/build/wasm-threads-plugin.ts explains why it once hung). A thread pool
// that still does not come up in WASM_THREADS_TIMEOUT_MS is abandoned for the single-threaded build, with a
// notice for the backend panel.

import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import * as tf from '@tensorflow/tfjs-core';
import { errorMessage } from './error-message';
import { WASM_THREADS_TIMEOUT_MS, type WasmInfo } from './protocol';
import { withTimeout } from './with-timeout';

/**
 * The switch for the threaded build. On: threads wherever the page is isolated. Issue #12's bench
 * (`browser.wasmThreadSpeedup`, threaded ÷ single-threaded steps/s) is what decides it; a machine whose
 * cores are all busy elsewhere can make the thread pool slower than one thread (docs/threads.md).
 */
export const WASM_THREADS_ENABLED = true;

/**
 * The fewest logical cores on which the threaded build runs. tfjs sizes its pool as half the cores, so
 * below 4 it computes on one thread anyway, while the threaded build still starts a fixed pool of 8
 * pthread workers that each load the module: ~0.2 s more before the first step on 2 cores (issue #12's
 * start-up timeline), and 8 idle workers. There the single-threaded SIMD build runs instead.
 */
export const MIN_CORES_FOR_THREADS = 4;

/** Whether this context may share memory with workers (the condition for threads). */
export function threadsPossible(): boolean {
  return (
    WASM_THREADS_ENABLED &&
    typeof SharedArrayBuffer !== 'undefined' &&
    (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true
  );
}

/** Whether threads would compute in parallel here (tfjs's pool would have 2 or more threads). */
export function enoughCores(cores = globalThis.navigator?.hardwareConcurrency ?? 1): boolean {
  return cores >= MIN_CORES_FOR_THREADS;
}

export function configureWasm(): void {
  // Outside cross-origin isolation tfjs would pick the single-threaded build anyway; saying so keeps it
  // from probing for threads at all. On few cores the single-threaded build is the faster start.
  if (!threadsPossible() || !enoughCores()) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setWasmPaths({
    'tfjs-backend-wasm.wasm': plainWasm,
    'tfjs-backend-wasm-simd.wasm': simdWasm,
    'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdWasm,
  });
}

/**
 * `tf.setBackend('wasm')`, threaded when possible; a threaded start that fails or hangs is retried
 * single-threaded. Returns which build runs, with how many threads, and why threads are off.
 * `stillWanted` (Auto's measurement gives up on slow starts) is asked before the retry: a start given up
 * on must not re-register and set WASM seconds later, under whatever backend is current by then.
 */
export async function setWasmBackend(stillWanted: () => boolean = () => true): Promise<WasmInfo> {
  const wantThreads =
    threadsPossible() && enoughCores() && (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) === true;
  if (!wantThreads) {
    await setOrThrow();
    const why = !WASM_THREADS_ENABLED
      ? 'off'
      : !threadsPossible()
        ? 'notIsolated'
        : !enoughCores()
          ? 'fewCores'
          : 'unsupported';
    return { threads: 1, fallback: why };
  }
  const factory = tf.findBackendFactory('wasm');
  try {
    await withTimeout(setOrThrow(), WASM_THREADS_TIMEOUT_MS, 'starting the threaded WASM build');
    return { threads: getThreadsCount() };
  } catch (err) {
    if (!factory || !stillWanted()) throw err;
    // The hung or failed start is left behind; the same factory starts the single-threaded build.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    if (tf.findBackendFactory('wasm')) tf.removeBackend('wasm');
    tf.registerBackend('wasm', factory, 2);
    await setOrThrow();
    return {
      threads: 1,
      fallback: /timed out/.test(errorMessage(err)) ? 'timeout' : 'failed',
      ...(/timed out/.test(errorMessage(err)) ? {} : { error: errorMessage(err) }),
    };
  }
}

async function setOrThrow(): Promise<void> {
  if (!(await tf.setBackend('wasm'))) {
    throw new Error("tf.setBackend('wasm') refused (the worker console has tfjs's reason)");
  }
}
