// Watching the WebGPU device. A driver reset, a GPU removed or put to sleep, or (in tests) device.destroy()
// makes every later op fail silently; the device's `lost` promise is the only reliable signal.
import * as tf from '@tensorflow/tfjs-core';

interface HasDevice {
  device?: GPUDevice;
}

/** The WebGPU backend's device while that backend runs; null on every other backend. */
export function currentGpuDevice(): GPUDevice | null {
  if (tf.getBackend() !== 'webgpu') return null;
  return (tf.backend() as unknown as HasDevice).device ?? null;
}

/**
 * Calls `onLost` once when the device that runs now is lost (no-op on other backends). A loss after the
 * backend was switched away is ignored: nothing runs on that device any more.
 */
export function watchDeviceLoss(onLost: (message: string) => void): void {
  const device = currentGpuDevice();
  if (!device) return;
  void device.lost.then((info) => {
    if (currentGpuDevice() !== device) return;
    const detail = info.message ? `: ${info.message}` : '';
    onLost(`The WebGPU device was lost (${info.reason || 'unknown reason'})${detail}`);
  });
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
