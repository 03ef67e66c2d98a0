// A read-only probe for tools outside the app (`npm run soak`, the heap e2e test): they evaluate
// `self.anisoscopeStats()` in the worker through the DevTools protocol. Kept off the message protocol on
// purpose: it adds no command the page could send, and nothing in the app depends on it.
import * as tf from '@tensorflow/tfjs-core';
import { convInputGradWasmActive } from './kernels/conv2d-backprop-input-wasm';
import { plainMatMulWasmActive } from './kernels/matmul-transposed-wasm';
import { maxPoolGradWasmActive } from './kernels/maxpool-grad-wasm';
import { recurrentKernelsAvailable } from './kernels/recurrent-kernels';
import { fieldBuffers } from './session/field-buffers';

export interface EngineStats {
  backend: string;
  numTensors: number;
  numBytes: number;
  /** WebGL / WebGPU only: bytes held on the GPU (`tf.memory().numBytesInGPU`). */
  numBytesInGPU?: number;
  /** The engine's own kernels the backend runs now (kernels/): fused GRU / LSTM sequences, plain matMul. */
  kernels: string[];
  /** Snapshot field arrays reused after the page handed them back, and made new (session/field-buffers.ts). */
  fieldBuffers: { reused: number; made: number; free: number };
}

export function engineStats(): EngineStats {
  const memory = tf.memory() as tf.MemoryInfo & { numBytesInGPU?: number };
  return {
    backend: tf.getBackend() ?? 'none',
    numTensors: memory.numTensors,
    numBytes: memory.numBytes,
    kernels: [
      ...(['gru', 'lstm'] as const).filter(recurrentKernelsAvailable).map((cell) => `${cell}-sequence`),
      ...(tf.getBackend() === 'wasm' && plainMatMulWasmActive() ? ['plain-matmul'] : []),
      ...(tf.getBackend() === 'wasm' && convInputGradWasmActive() ? ['conv-input-grad'] : []),
      ...(tf.getBackend() === 'wasm' && maxPoolGradWasmActive() ? ['maxpool-grad'] : []),
    ],
    fieldBuffers: fieldBuffers.counts(),
    ...(memory.numBytesInGPU !== undefined ? { numBytesInGPU: memory.numBytesInGPU } : {}),
  };
}

/** Installs `anisoscopeStats()` on the worker's global scope. */
export function exposeEngineStats(scope: object): void {
  Object.defineProperty(scope, 'anisoscopeStats', { value: engineStats, configurable: true });
}
