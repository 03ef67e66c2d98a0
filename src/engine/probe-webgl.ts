// Finds out whether WebGL 2 runs on real hardware, without loading the tfjs WebGL backend: Chromium refuses
// a context with `failIfMajorPerformanceCaveat` when it would fall back to SwiftShader; other browsers may
// not, so the renderer's name is checked too.
import { isSoftwareRenderer } from './software-gpu';

/** `why`: no OffscreenCanvas in this worker (`noOffscreenCanvas`), or no WebGL 2 context (`noContext`). */
export type WebGlProbe =
  | { ok: true; software: boolean; renderer: string }
  | { ok: false; why: 'noOffscreenCanvas' | 'noContext' };

export function probeWebGl(): WebGlProbe {
  if (typeof OffscreenCanvas === 'undefined') return { ok: false, why: 'noOffscreenCanvas' };
  const hardware = openContext(true);
  if (hardware) {
    const renderer = readRenderer(hardware);
    return { ok: true, software: isSoftwareRenderer(renderer), renderer };
  }
  const any = openContext(false);
  if (any) return { ok: true, software: true, renderer: readRenderer(any) };
  return { ok: false, why: 'noContext' };
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
