// Auto's measurement on WebGPU (issue #12): a first step compiles every pipeline of the step, and tfjs
// creates them synchronously when a program first runs — on SwiftShader ~0.9 s under load during which
// the worker cannot notice that the measurement's time is up. In tfjs's compile-only mode
// (WEBGPU_ENGINE_COMPILE_ONLY) the pipelines are created asynchronously instead, and the wait for them
// can race a deadline. A compile-only step writes unfilled buffers into its variables: the caller runs it
// on a session of its own and throws that away. Pipelines that outlast the deadline finish in the
// background, where the backend swaps them into its cache, so a later explicit choice finds them.
// WebGL has a compile-only mode too, but on SwiftShader it does not help: issuing the step blocked the
// worker 1.7–1.9 s under load even compile-only (the data's upload to textures), and the first real
// step after it 2.9 s more (the pipelines are built at the first draw).
import * as tf from '@tensorflow/tfjs-core';

/** The part of tfjs's WebGPU backend used here (a type import would pull the backend in). */
interface CompilingBackend {
  checkCompileCompletionAsync?(): Promise<unknown>;
}

const COMPILE_ONLY_FLAG = 'WEBGPU_ENGINE_COMPILE_ONLY';

function compilingBackend(): Required<CompilingBackend> | null {
  if (tf.getBackend() !== 'webgpu') return null;
  const backend = tf.backend() as unknown as CompilingBackend;
  return typeof backend.checkCompileCompletionAsync === 'function'
    ? (backend as Required<CompilingBackend>)
    : null;
}

/** Whether the current backend can compile ahead (tfjs's WebGPU backend). */
export function canCompileAhead(): boolean {
  return compilingBackend() !== null;
}

/**
 * Compiles the programs `step` runs without running them and waits, without blocking, until they are
 * ready, at most until `deadline`: true when they are. `step` must not need any value it computes
 * (nothing is computed) and must be thrown away afterwards.
 */
export async function compileAhead(step: () => void, deadline: number): Promise<boolean> {
  const backend = compilingBackend();
  if (!backend) return false;
  const flags = tf.env();
  let failure: { error: unknown } | undefined;
  flags.set(COMPILE_ONLY_FLAG, true);
  try {
    step();
  } catch (error) {
    failure = { error };
  } finally {
    flags.set(COMPILE_ONLY_FLAG, false);
  }
  if (failure) {
    // Pipelines queued before the failure are still promises in the backend's cache, which a real run
    // refuses: let them resolve (within the deadline) before the caller steps for real.
    await ready(backend, deadline);
    throw failure.error;
  }
  performance.mark('engine:auto-webgpu-compile-queued');
  return ready(backend, deadline);
}

/** The backend's queued pipelines, awaited until `deadline`: true when they all resolved. */
async function ready(backend: Required<CompilingBackend>, deadline: number): Promise<boolean> {
  const done = backend.checkCompileCompletionAsync().then(
    () => true,
    () => false,
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, deadline - performance.now()));
  });
  try {
    return await Promise.race([done, late]);
  } finally {
    clearTimeout(timer);
  }
}
