// The four 2-D loss surfaces in plain float64 for contour plots. A tfjs-free copy of the `f64`,
// `start`, `minimum` and `extent` fields of src/engine/tasks/surfaces.ts (which imports tfjs and so
// cannot be imported by the UI); surface-formulas.test.ts pins them to the known minima.

export interface SurfaceFormula {
  f: (x: number, y: number) => number;
  start: [number, number];
  minimum: [number, number];
  extent: [number, number, number, number];
}

export const SURFACE_FORMULAS: Record<string, SurfaceFormula> = {
  rosenbrock: {
    f: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    start: [-1.5, 2],
    minimum: [1, 1],
    extent: [-2, 2, -1, 3],
  },
  quadratic: {
    f: (x, y) => 0.5 * (x * x + 100 * y * y),
    start: [-1.8, 0.9],
    minimum: [0, 0],
    extent: [-2, 2, -1, 1],
  },
  beale: {
    f: (x, y) => (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y ** 3) ** 2,
    start: [-1, 1.5],
    minimum: [3, 0.5],
    extent: [-4.5, 4.5, -4.5, 4.5],
  },
  saddle: {
    f: (x, y) => x * x - y * y + y ** 4 / 4,
    start: [1.5, 1e-3],
    minimum: [0, Math.SQRT2],
    extent: [-2, 2, -2, 2],
  },
};
