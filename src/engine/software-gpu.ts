// Pure rules for "is this GPU a software rasteriser?", kept apart from the probes so they are unit-testable.
import type { AdapterSummary } from './protocol';

// SwiftShader (Chromium's CPU fallback), Mesa's llvmpipe / lavapipe and Microsoft WARP all run shaders on
// the CPU; on a 2-core machine they are 5–60× slower than the WASM backend for our small nets.
const SOFTWARE_NAMES = /swiftshader|llvmpipe|lavapipe|softpipe|microsoft basic render|\bwarp\b/i;

export function isSoftwareAdapter(adapter: AdapterSummary): boolean {
  return (
    adapter.isFallbackAdapter ||
    SOFTWARE_NAMES.test(adapter.architecture) ||
    SOFTWARE_NAMES.test(adapter.description)
  );
}

export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_NAMES.test(renderer);
}

/** The software implementation's name, e.g. "SwiftShader"; null when the text names none we know. */
export function softwareName(text: string): string | null {
  const hit = SOFTWARE_NAMES.exec(text)?.[0]?.toLowerCase();
  if (hit === 'swiftshader') return 'SwiftShader';
  if (hit === 'llvmpipe' || hit === 'lavapipe' || hit === 'softpipe') return `Mesa ${hit}`;
  if (hit) return 'Microsoft WARP';
  return null;
}
