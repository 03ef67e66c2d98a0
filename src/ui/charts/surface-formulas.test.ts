// The contour view's formulas are the one surface definition's (no copy left to drift): same list,
// same numbers, and each minimum is a minimum of the drawn surface.
import { describe, expect, it } from 'vitest';
import { SURFACES } from '../../engine/tasks/configs';
import { SURFACE_DEFINITIONS, surfaceValue } from '../../engine/tasks/surface-defs';
import { SURFACE_FORMULAS } from './surface-formulas';

describe('surface formulas', () => {
  it('covers every surface the URL and the form accept, with the definition numbers', () => {
    expect(Object.keys(SURFACE_FORMULAS).sort()).toEqual([...SURFACES].sort());
    for (const name of SURFACES) {
      const copy = SURFACE_FORMULAS[name];
      const def = SURFACE_DEFINITIONS[name];
      expect(copy?.extent).toEqual(def.extent);
      expect(copy?.minimum).toEqual(def.minimum);
      expect(copy?.start).toEqual(def.start);
      expect(copy?.f(1.3, -0.7)).toBe(surfaceValue(name, 1.3, -0.7));
    }
  });

  it('knows the classic values', () => {
    expect(SURFACE_FORMULAS.rosenbrock?.f(1, 1)).toBe(0);
    expect(SURFACE_FORMULAS.rosenbrock?.f(0, 0)).toBe(1);
    expect(SURFACE_FORMULAS.beale?.f(3, 0.5)).toBe(0);
    expect(SURFACE_FORMULAS.saddle?.f(0, Math.SQRT2)).toBeCloseTo(-1, 12);
    expect(SURFACE_FORMULAS['two-scales']?.f(2, 10)).toBeCloseTo(0.5 * (4 + 0.1), 12);
    expect(SURFACE_FORMULAS.plateau?.f(1, 0.5)).toBe(0);
    expect(SURFACE_FORMULAS.plateau?.f(100, 100)).toBe(1);
  });

  it('has its minimum where it says, and its start inside its extent', () => {
    for (const [name, s] of Object.entries(SURFACE_FORMULAS)) {
      const [mx, my] = s.minimum;
      const fm = s.f(mx, my);
      for (const [dx, dy] of [
        [1e-3, 0],
        [-1e-3, 0],
        [0, 1e-3],
        [0, -1e-3],
      ] as const) {
        expect(s.f(mx + dx, my + dy), name).toBeGreaterThan(fm);
      }
      const [x0, x1, y0, y1] = s.extent;
      for (const [px, py] of [s.start, s.minimum]) {
        expect(px, name).toBeGreaterThanOrEqual(x0);
        expect(px, name).toBeLessThanOrEqual(x1);
        expect(py, name).toBeGreaterThanOrEqual(y0);
        expect(py, name).toBeLessThanOrEqual(y1);
      }
    }
  });
});
