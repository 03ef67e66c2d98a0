// The 2-D loss surfaces, defined once and without tfjs. Each formula is written against a tiny set of
// arithmetic operations, so the same text gives the engine's tf-op loss (autodiff, surfaces.ts) and
// the plain float64 value that the contour view, the task form and the tests read.

import type { SurfaceName } from './configs';

/** The operations a surface formula may use; `number` and tf.Tensor both implement them. */
export interface SurfaceOps<T> {
  add(a: T | number, b: T | number): T;
  sub(a: T | number, b: T | number): T;
  mul(a: T | number, b: T | number): T;
  square(a: T): T;
  exp(a: T): T;
}

export const NUMBER_OPS: SurfaceOps<number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  square: (a) => a * a,
  exp: (a) => Math.exp(a),
};

export interface SurfaceDefinition {
  /** Formula as a reader writes it (English; the UI names surfaces through its string tables). */
  title: string;
  start: [number, number];
  minimum: [number, number];
  /** [x0, x1, y0, y1] drawn by the contour view. */
  extent: [number, number, number, number];
  formula: <T>(o: SurfaceOps<T>, x: T, y: T) => T;
  /**
   * Stochastic surfaces: each step adds n·(x, y) to the loss, n drawn from N(0, diag(std²)) by the
   * batch stream (seeded), so the gradient gets zero-mean noise of that size and the mean surface is
   * `formula`.
   */
  noiseStd?: [number, number];
}

export const SURFACE_DEFINITIONS: Record<SurfaceName, SurfaceDefinition> = {
  rosenbrock: {
    title: 'Rosenbrock (1−x)² + 100(y−x²)²',
    start: [-1.5, 2],
    minimum: [1, 1],
    extent: [-2, 2, -1, 3],
    formula: (o, x, y) => o.add(o.square(o.sub(1, x)), o.mul(100, o.square(o.sub(y, o.square(x))))),
  },
  quadratic: {
    title: 'Ill-conditioned quadratic ½(x² + 100·y²)',
    start: [-1.8, 0.9],
    minimum: [0, 0],
    extent: [-2, 2, -1, 1],
    formula: (o, x, y) => o.mul(0.5, o.add(o.square(x), o.mul(100, o.square(y)))),
  },
  beale: {
    title: 'Beale',
    // From (−1, 1.5) both optimizers slide off along the flat valley towards x → −∞; from here they
    // reach the minimum.
    start: [-1, -1],
    minimum: [3, 0.5],
    extent: [-4.5, 4.5, -4.5, 4.5],
    formula: (o, x, y) => {
      const xy = o.mul(x, y);
      const t1 = o.square(o.add(o.sub(1.5, x), xy));
      const t2 = o.square(o.add(o.sub(2.25, x), o.mul(xy, y)));
      const t3 = o.square(o.add(o.sub(2.625, x), o.mul(o.mul(xy, y), y)));
      return o.add(o.add(t1, t2), t3);
    },
  },
  saddle: {
    title: 'Saddle x² − y² + y⁴/4',
    start: [1.5, 1e-3],
    minimum: [0, Math.SQRT2],
    extent: [-2, 2, -2, 2],
    formula: (o, x, y) => o.add(o.sub(o.square(x), o.square(y)), o.mul(0.25, o.square(o.square(y)))),
  },
  // A valley whose two coordinates' gradients differ by a factor of 1000.
  'two-scales': {
    title: 'Two gradient scales ½(x² + 0.001·y²)',
    start: [-1.5, 1.5],
    minimum: [0, 0],
    extent: [-2, 2, -2, 2],
    formula: (o, x, y) => o.mul(0.5, o.add(o.square(x), o.mul(1e-3, o.square(y)))),
  },
  // A wide, nearly flat plain around one Gaussian well: far out, every gradient is tiny.
  plateau: {
    title: 'Plateau 1 − exp(−((x−1)² + (y−0.5)²)/2)',
    start: [-2.5, -2],
    minimum: [1, 0.5],
    extent: [-3, 3, -2.5, 2.5],
    formula: (o, x, y) => o.sub(1, o.exp(o.mul(-0.5, o.add(o.square(o.sub(x, 1)), o.square(o.sub(y, 0.5)))))),
  },
  // A valley that is flat along y, with small zero-mean gradient noise along y only.
  'noisy-valley': {
    title: 'Noisy flat valley ½(x² + 0.0001·y²) + noise·y',
    start: [-1.5, 0],
    minimum: [0, 0],
    extent: [-2, 2, -1.5, 1.5],
    formula: (o, x, y) => o.mul(0.5, o.add(o.square(x), o.mul(1e-4, o.square(y)))),
    noiseStd: [0, 1e-3],
  },
};

/** The surface's (noise-free) value at (x, y) in float64. */
export function surfaceValue(name: SurfaceName, x: number, y: number): number {
  return SURFACE_DEFINITIONS[name].formula(NUMBER_OPS, x, y);
}

export function isSurfaceName(name: string): name is SurfaceName {
  return Object.hasOwn(SURFACE_DEFINITIONS, name);
}
