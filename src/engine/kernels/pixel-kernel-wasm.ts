// MNIST's pixel bytes made floats inside tfjs-wasm's heap by a small WebAssembly SIMD kernel
// (pixel-kernel-wat.ts), instead of by a JS loop whose floats are then copied into the heap. At
// start-up the worker's JS loop over the test set's 784,000 bytes ran unoptimised (64 ms in a trace)
// and the copy cost as much again, both on the way to the first snapshot (issue #12, firstStepMs). Now
// only the bytes are copied in (a quarter of the floats' size), as int32 words, and the kernel writes
// the floats where the tensor lies. Not on the threaded build, whose memory is shared (the module imports
// an unshared one), nor without WebAssembly SIMD: there mnist-pixels.ts decodes in JS, as before.

import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { heapMemory } from '../../optim/fused/heap-memory';
import { MNIST_PIXELS } from '../data/mnist-format';
import { PIXEL_KERNEL_BASE64 } from './pixel-kernel.bytes';

/** The kernel's name in tfjs's registry (WASM only). */
export const MNIST_PIXELS_KERNEL = 'AnisoscopeMnistPixels';

interface PixelKernelExports {
  bytesToUnit(src: number, dst: number, n: number): void;
}

/** The module's bytes (pixelKernelWat() assembled by wabt at build time). */
export function pixelKernelBytes(): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(PIXEL_KERNEL_BASE64.replace(/\s/g, '')), (c) => c.charCodeAt(0));
}

let compiled: WebAssembly.Module | null | undefined;
/** The module, compiled on first use (a few hundred bytes: synchronously); null without SIMD. */
function pixelModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    const bytes = pixelKernelBytes();
    compiled =
      typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  }
  return compiled;
}

const instances = new WeakMap<WebAssembly.Memory, PixelKernelExports | null>();

/** The kernel bound to this backend's heap, or null where it cannot run there. */
function kernelFor(wasm: BackendWasm): PixelKernelExports | null {
  const module = pixelModule();
  const memory = heapMemory(wasm);
  if (!module || !memory) return null;
  let kernel = instances.get(memory);
  if (kernel === undefined) {
    try {
      kernel = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as PixelKernelExports;
    } catch {
      kernel = null; // a shared memory (the threaded build) does not match the unshared import
    }
    instances.set(memory, kernel);
  }
  return kernel;
}

/** Inputs: `packed`, the bytes as int32 words [n / 4]; attrs: `count` images. Output: [count, MNIST_PIXELS] floats. */
const mnistPixelsWasm: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const packed = inputs.packed as tf.TensorInfo;
  const count = (attrs as { count: number }).count;
  const n = (packed.shape[0] as number) * 4;
  if (n !== count * MNIST_PIXELS)
    throw new Error(`${MNIST_PIXELS_KERNEL}: ${n} bytes are not ${count} images`);
  const kernel = kernelFor(wasm);
  if (!kernel) throw new Error(`${MNIST_PIXELS_KERNEL}: the kernel cannot run on this WASM build`);
  // Allocate before taking views: an allocation may grow the heap and detach earlier views.
  const out = wasm.makeOutput([count, MNIST_PIXELS], 'float32');
  const at = (t: tf.TensorInfo) => wasm.typedArrayFromHeap(t).byteOffset;
  kernel.bytesToUnit(at(packed), at(out), n);
  return out;
};

let registered = false;

/** Registers the kernel once, after the WASM backend's package has loaded (as the other WASM kernels). */
export function registerPixelKernelWasm(): void {
  if (registered || !tf.getKernel(tf.BatchMatMul, 'wasm')) return;
  registered = true;
  tf.registerKernel({ kernelName: MNIST_PIXELS_KERNEL, backendName: 'wasm', kernelFunc: mnistPixelsWasm });
}

/** Whether the current backend makes MNIST's pixels floats with this kernel. */
export function pixelKernelActive(): boolean {
  if (tf.getBackend() !== 'wasm' || !tf.getKernel(MNIST_PIXELS_KERNEL, 'wasm')) return false;
  return kernelFor(tf.backend() as BackendWasm) !== null;
}
