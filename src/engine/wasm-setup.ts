// Points the tfjs WASM backend at binaries that Vite bundles (`?url` gives their hashed asset URLs), and
// keeps it single-threaded. Imported lazily, so the binaries are only fetched when WASM is chosen.

import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import * as tf from '@tensorflow/tfjs-core';

export function configureWasm(): void {
  // Under cross-origin isolation tfjs picks the threaded build, which hung inside the Vite bundle (DESIGN §4).
  // With threads off the threaded binary is never fetched, but setWasmPaths insists on a path for each file.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setWasmPaths({
    'tfjs-backend-wasm.wasm': plainWasm,
    'tfjs-backend-wasm-simd.wasm': simdWasm,
    'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdWasm,
  });
}
