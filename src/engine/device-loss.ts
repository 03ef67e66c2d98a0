// Watching the GPU. WebGPU: a driver reset, a GPU removed or put to sleep, or (in tests) device.destroy()
// makes every later op fail silently; the device's `lost` promise is the only reliable signal. WebGL: the
// browser takes the context away for the same reasons (or when too many contexts are open, or in tests
// through WEBGL_lose_context); its canvas then fires `webglcontextlost`, and both are handled alike.
import * as tf from '@tensorflow/tfjs-core';
import type { LostGpu } from './messages';

interface HasDevice {
  device?: GPUDevice;
}

/** The WebGPU backend's device while that backend runs; null on every other backend. */
export function currentGpuDevice(): GPUDevice | null {
  if (tf.getBackend() !== 'webgpu') return null;
  return (tf.backend() as unknown as HasDevice).device ?? null;
}

interface HasGl {
  gpgpu?: { gl?: WebGLRenderingContext | WebGL2RenderingContext };
}

/** The WebGL backend's context while that backend runs; null on every other backend. */
export function currentWebglContext(): WebGLRenderingContext | WebGL2RenderingContext | null {
  if (tf.getBackend() !== 'webgl') return null;
  return (tf.backend() as unknown as HasGl).gpgpu?.gl ?? null;
}

/**
 * Calls `onLost` once when the GPU that runs now is lost: the WebGPU device, or the WebGL context (no-op
 * on the CPU backends). A loss after the backend was switched away is ignored: nothing runs there any more.
 */
export function watchDeviceLoss(onLost: (loss: LostGpu) => void): void {
  watchWebglContext(onLost);
  const device = currentGpuDevice();
  if (!device) return;
  void device.lost.then((info) => {
    if (currentGpuDevice() !== device) return;
    onLost({ kind: 'webGpuDeviceLost', reason: info.reason ?? '', detail: info.message ?? '' });
  });
}

function watchWebglContext(onLost: (loss: LostGpu) => void): void {
  const gl = currentWebglContext();
  const canvas = gl?.canvas as (HTMLCanvasElement | OffscreenCanvas) | undefined;
  if (!gl || !canvas || typeof canvas.addEventListener !== 'function') return;
  const lost = () => {
    if (currentWebglContext() !== gl) return;
    onLost({ kind: 'webGlContextLost' });
  };
  canvas.addEventListener('webglcontextlost', lost, { once: true });
}

/** Whether the GPU backend that runs now has lost its device or context (within `ms` for WebGPU). */
export async function gpuLostWithin(ms: number): Promise<boolean> {
  const gl = currentWebglContext();
  if (gl) return gl.isContextLost();
  const device = currentGpuDevice();
  return device ? lostWithin(device, ms) : false;
}

/** Test hook: takes the WebGL context away, as the browser does on a GPU reset. */
export function loseWebglContext(): void {
  const gl = currentWebglContext();
  if (!gl) throw new Error('there is no WebGL context to lose: the backend is not WebGL');
  const extension = gl.getExtension('WEBGL_lose_context');
  if (!extension)
    throw new Error('this browser cannot lose a WebGL context on demand (no WEBGL_lose_context)');
  extension.loseContext();
}

/** Whether `device` is lost within `ms` (a failed readback may reach us before `device.lost` settles). */
export function lostWithin(device: GPUDevice, ms: number): Promise<boolean> {
  return Promise.race([
    device.lost.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
  ]);
}

/**
 * Drops the tfjs backend instance bound to the dead device but keeps its factory registered, so that
 * choosing the backend again later asks the browser for a new device.
 */
export function forgetBackendInstance(name: string): void {
  const factory = tf.findBackendFactory(name);
  try {
    tf.removeBackend(name);
  } catch {
    // Disposing a backend on a dead device may throw; it is gone either way.
  }
  if (factory) tf.registerBackend(name, factory);
}
