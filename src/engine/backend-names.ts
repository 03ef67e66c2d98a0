// The tfjs backends by name, as the page and the worker both know them. No tfjs (the page imports it);
// apart from protocol.ts so that the typed messages can name backends without importing the protocol.

/** The tfjs backends we ship, in the order `auto` tries them (fastest first on real hardware). */
export const BACKEND_CHAIN = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_CHAIN)[number];
export type BackendPreference = 'auto' | BackendName;
export const BACKEND_PREFERENCES: readonly BackendPreference[] = ['auto', ...BACKEND_CHAIN];

export const BACKEND_LABELS: Record<BackendPreference, string> = {
  auto: 'Auto',
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};

export function isBackendPreference(value: unknown): value is BackendPreference {
  return typeof value === 'string' && (BACKEND_PREFERENCES as readonly string[]).includes(value);
}
