// tfjs-wasm's WebAssembly.Memory, for the hand-written kernels that import it and work in place on the
// backend's heap (the fused update here, MNIST's pixel kernel in src/engine/kernels/).

import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** The memory behind the heap views tfjs hands out, or null where it cannot be found. */
export function heapMemory(wasm: BackendWasm): WebAssembly.Memory | null {
  // Emscripten keeps the instance's exports (memory among them) on Module.asm: not in tfjs's types.
  const emscripten = wasm.wasm as unknown as { asm?: { memory?: unknown }; HEAPU8?: Uint8Array };
  const memory = emscripten.asm?.memory;
  // Also check that it is the memory behind the heap views (the threaded build's is shared: the kernels'
  // unshared import then refuses it when they are instantiated).
  return memory instanceof WebAssembly.Memory && memory.buffer === emscripten.HEAPU8?.buffer ? memory : null;
}
