// Finds out whether WebGL 2 runs on real hardware, without loading the tfjs WebGL backend: Chromium refuses
// a context with `failIfMajorPerformanceCaveat` when it would fall back to SwiftShader; other browsers may
// not, so the renderer's name is checked too.
import { isSoftwareRenderer } from './software-gpu';

export type WebGlProbe = { ok: true; software: boolean; renderer: string } | { ok: false; why: string };

export function probeWebGl(): WebGlProbe {
  if (typeof OffscreenCanvas === 'undefined') {
    return { ok: false, why: 'no OffscreenCanvas in this worker, so no WebGL here' };
  }
  const hardware = openContext(true);
  if (hardware) {
    const renderer = readRenderer(hardware);
    return { ok: true, software: isSoftwareRenderer(renderer), renderer };
  }
  const any = openContext(false);
  if (any) return { ok: true, software: true, renderer: readRenderer(any) };
  return { ok: false, why: 'WebGL 2 is unavailable (no context could be created)' };
}

function openContext(failIfMajorPerformanceCaveat: boolean): WebGL2RenderingContext | null {
  try {
    return new OffscreenCanvas(1, 1).getContext('webgl2', { failIfMajorPerformanceCaveat });
  } catch {
    return null;
  }
}

/** Reads the renderer string, then releases the context (browsers cap live contexts at ~16). */
function readRenderer(gl: WebGL2RenderingContext): string {
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return renderer;
}
