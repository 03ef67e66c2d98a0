// Keeps the UI's tfjs-free copy of the surfaces equal to the engine's (this test may import the engine
// module; the UI code may not).
import { describe, expect, it } from 'vitest';
import { SURFACE_DEFS } from '../../engine/tasks/surfaces';
import { SURFACE_FORMULAS } from './surface-formulas';

describe('surface formulas', () => {
  it('covers the same surfaces as the engine, with the same numbers', () => {
    expect(Object.keys(SURFACE_FORMULAS).sort()).toEqual(Object.keys(SURFACE_DEFS).sort());
    for (const [name, def] of Object.entries(SURFACE_DEFS)) {
      const copy = SURFACE_FORMULAS[name];
      expect(copy, name).toBeDefined();
      if (!copy) continue;
      expect(copy.extent).toEqual(def.extent);
      expect(copy.minimum).toEqual(def.minimum);
      expect(copy.start).toEqual(def.start);
      for (const [x, y] of [
        [0, 0],
        [-1.5, 2],
        [1.3, -0.7],
        [3, 0.5],
        [-4, 4],
      ] as const) {
        expect(copy.f(x, y), `${name}(${x}, ${y})`).toBe(def.f64(x, y));
      }
    }
  });

  it('has its minimum where it says', () => {
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
    }
  });
});
