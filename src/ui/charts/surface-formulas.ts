// The 2-D loss surfaces in plain float64 for contour plots: a view of the one tfjs-free definition
// (src/engine/tasks/surface-defs.ts) that the engine's tf-op loss also evaluates.

import type { SurfaceName } from '../../engine/tasks/configs';
import { SURFACE_DEFINITIONS, surfaceValue } from '../../engine/tasks/surface-defs';

export interface SurfaceFormula {
  f: (x: number, y: number) => number;
  start: [number, number];
  minimum: [number, number];
  extent: [number, number, number, number];
}

export const SURFACE_FORMULAS: Record<string, SurfaceFormula> = Object.fromEntries(
  Object.entries(SURFACE_DEFINITIONS).map(([name, def]) => [
    name,
    {
      f: (x: number, y: number) => surfaceValue(name as SurfaceName, x, y),
      start: def.start,
      minimum: def.minimum,
      extent: def.extent,
    },
  ]),
);
