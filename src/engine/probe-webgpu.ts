// Asks the browser for a WebGPU adapter ourselves (before loading the tfjs WebGPU backend) so that `auto`
// can refuse a software fallback adapter and the badge can name the adapter.
import type { AdapterSummary } from './protocol';
import { withTimeout } from './with-timeout';

/** `why`: navigator.gpu is missing (`noApi`), or requestAdapter() returned null (`noAdapter`; headless
 * Chromium needs --enable-unsafe-webgpu). */
export type WebGpuProbe = { ok: true; adapter: AdapterSummary } | { ok: false; why: 'noApi' | 'noAdapter' };

/** How long Auto waits for an adapter: the first screen waits on the chain. */
export const PROBE_TIMEOUT_MS = 5_000;

/** Rejects with a TimeoutError when no answer comes within `timeoutMs`. */
export async function probeWebGpu(timeoutMs = PROBE_TIMEOUT_MS): Promise<WebGpuProbe> {
  const gpu = (globalThis.navigator as Navigator | undefined)?.gpu;
  if (!gpu) return { ok: false, why: 'noApi' };
  // Same power preference as the tfjs backend's own request, so we describe the adapter it will get.
  const adapter = await withTimeout(
    gpu.requestAdapter({ powerPreference: 'high-performance' }),
    timeoutMs,
    'requestAdapter()',
  );
  if (!adapter) return { ok: false, why: 'noAdapter' };
  return { ok: true, adapter: summarise(adapter) };
}

function summarise(adapter: GPUAdapter): AdapterSummary {
  const info = adapter.info as GPUAdapterInfo | undefined;
  // `isFallbackAdapter` moved from GPUAdapter to GPUAdapterInfo (Chrome 127+); read both.
  const legacyFallback = (adapter as unknown as { isFallbackAdapter?: boolean }).isFallbackAdapter;
  return {
    vendor: info?.vendor ?? '',
    architecture: info?.architecture ?? '',
    description: info?.description ?? '',
    isFallbackAdapter: Boolean(info?.isFallbackAdapter ?? legacyFallback),
  };
}
