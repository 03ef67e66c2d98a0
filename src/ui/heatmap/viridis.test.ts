import { interpolateViridis, rgb } from 'd3';
import { describe, expect, it } from 'vitest';
import { viridisRgb } from './viridis';

describe('viridisRgb', () => {
  it("gives d3's viridis colour at each of the 256 steps, clamped at both ends", () => {
    for (let i = 0; i < 256; i++) {
      const c = rgb(interpolateViridis(i / 255));
      expect(viridisRgb(i), String(i)).toEqual([c.r, c.g, c.b]);
    }
    expect(viridisRgb(-3)).toEqual(viridisRgb(0));
    expect(viridisRgb(999)).toEqual(viridisRgb(255));
  });
});
