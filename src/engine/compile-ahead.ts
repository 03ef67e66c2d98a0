// Auto's measurement on a GPU backend (issue #12): a first step compiles every shader of the step, and
// tfjs compiles synchronously when a program first runs — on SwiftShader 0.6–1.7 s of WebGL or WebGPU
// compiles during which the worker cannot notice that the measurement's time is up. tfjs's compile-only
// modes instead hand the compiles to the GPU process without waiting for them, so the wait can race a
// deadline:
//   WebGPU  WEBGPU_ENGINE_COMPILE_ONLY: pipelines are created asynchronously; the backend awaits them.
//   WebGL   ENGINE_COMPILE_ONLY: compiles and links are queued; a fence after them is polled (SwiftShader
//           has no KHR_parallel_shader_compile to poll each program), then links and uniform locations
//           are read, at once since the work is done.
// A compile-only step writes uninitialised buffers into its variables: the caller runs it on a session of
// its own and throws that away. Compiles that outlast the deadline finish in the background and are made
// ready then, so a later explicit choice of the backend finds them usable.
import * as tf from '@tensorflow/tfjs-core';

/** The parts of tfjs's WebGL and WebGPU backends used here (a type import would pull a backend in). */
interface CompilingBackend {
  gpgpu?: { gl?: WebGL2RenderingContext };
  checkCompileCompletionAsync?(): Promise<unknown>;
  getUniformLocations?(): void;
}

const POLL_MS = 5;

type Ahead = { flag: string; wait(deadline: number): Promise<boolean> };

function ahead(): Ahead | null {
  const name = tf.getBackend();
  const backend = tf.backend() as unknown as CompilingBackend;
  const check = backend.checkCompileCompletionAsync?.bind(backend);
  if (!check) return null;
  if (name === 'webgpu') {
    return {
      flag: 'WEBGPU_ENGINE_COMPILE_ONLY',
      wait: async (deadline) => {
        // On a late finish the backend itself swaps the pipelines in when they resolve.
        const done = check().then(
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
      },
    };
  }
  const gl = backend.gpgpu?.gl;
  const locations = backend.getUniformLocations?.bind(backend);
  if (name !== 'webgl' || !gl || typeof gl.fenceSync !== 'function' || !locations) return null;
  return {
    flag: 'ENGINE_COMPILE_ONLY',
    wait: async (deadline) => {
      const fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
      gl.flush();
      const ready = async () => {
        if (fence) gl.deleteSync(fence);
        await check();
        locations();
      };
      while (fence && gl.getSyncParameter(fence, gl.SYNC_STATUS) !== gl.SIGNALED) {
        if (performance.now() >= deadline) {
          void finishLater(gl, fence, ready);
          return false;
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      await ready();
      return true;
    },
  };
}

async function finishLater(gl: WebGL2RenderingContext, fence: WebGLSync, ready: () => Promise<void>) {
  while (gl.getSyncParameter(fence, gl.SYNC_STATUS) !== gl.SIGNALED) {
    await new Promise((resolve) => setTimeout(resolve, 4 * POLL_MS));
  }
  await ready().catch(() => undefined);
}

/** Whether the current backend can compile ahead (tfjs's WebGL 2 or WebGPU backend). */
export function canCompileAhead(): boolean {
  return ahead() !== null;
}

/**
 * Compiles the programs `step` runs without running them and waits, without blocking, until they are
 * ready, at most until `deadline`: true when they are. `step` must not need any value it computes
 * (nothing is computed) and must be thrown away afterwards.
 */
export async function compileAhead(step: () => void, deadline: number): Promise<boolean> {
  const how = ahead();
  if (!how) return false;
  const flags = tf.env();
  flags.set(how.flag, true);
  try {
    step();
  } finally {
    flags.set(how.flag, false);
  }
  performance.mark(`engine:auto-${tf.getBackend()}-compile-queued`);
  return how.wait(deadline);
}
