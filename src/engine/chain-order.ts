// Which backends to try, in which order. Pure, so the rule is unit-tested without a browser.
import { BACKEND_CHAIN, type BackendName, type BackendPreference } from './protocol';

/**
 * `auto` walks the whole chain. An explicit choice is tried first and, only if it fails, falls through to
 * the backends after it in the chain (a failed WebGPU still gets WebGL, WASM, CPU; a failed CPU gets none).
 */
export function backendOrder(preference: BackendPreference): BackendName[] {
  if (preference === 'auto') return [...BACKEND_CHAIN];
  return BACKEND_CHAIN.slice(BACKEND_CHAIN.indexOf(preference));
}
