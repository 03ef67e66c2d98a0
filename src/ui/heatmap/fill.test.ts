// A heatmap that fills a box (the slide layout): the largest cells that fit, never past the box.
import { describe, expect, it } from 'vitest';
import type { LayerSlice } from '../../engine/session/snapshot-types';
import { chooseTilesToFill } from './fit';
import { mainLayer, planLayer } from './painter';

const TILED: LayerSlice = {
  name: 'dense1/kernel',
  shape: [784, 128],
  offset: 0,
  size: 784 * 128,
  display: { kind: 'tiles', tileRows: 28, tileCols: 28 },
};
const MATRIX: LayerSlice = { name: 'dense2/kernel', shape: [128, 64], offset: 100352, size: 8192 };
const BIAS: LayerSlice = { name: 'dense2/bias', shape: [64], offset: 108544, size: 64 };

describe('chooseTilesToFill', () => {
  it('picks the grid with the largest cells, then the fewest empty slots', () => {
    // 16 × 8 tiles (463 × 232 px) and 20 × 7 both fit at one pixel per cell; 16 leaves no slot empty.
    expect(chooseTilesToFill(128, 28, 28, 600, 300, 1)).toBe(16);
    // Twice as wide and tall: two device pixels per cell.
    expect(chooseTilesToFill(128, 28, 28, 1000, 500, 1)).toBe(16);
    // A wide, short box: more tiles per row, fewer rows.
    const perRow = chooseTilesToFill(128, 28, 28, 1200, 150, 1);
    const rows = Math.ceil(128 / perRow);
    expect(rows * 29 - 1).toBeLessThanOrEqual(150);
    expect(perRow * 29 - 1).toBeLessThanOrEqual(1200);
  });
});

describe('planLayer filling a box', () => {
  it('never draws past the box, aggregating when one pixel per cell does not fit', () => {
    for (const [w, h, dpr] of [
      [445, 199, 1],
      [600, 300, 1],
      [445, 199, 2],
      [300, 120, 1],
      [200, 400, 1.5],
    ] as const) {
      for (const slice of [TILED, MATRIX, BIAS]) {
        const plan = planLayer(slice, w, dpr, h);
        expect(plan.fit.cssWidth, `${slice.name} in ${w}×${h}@${dpr}`).toBeLessThanOrEqual(w);
        expect(plan.fit.cssHeight, `${slice.name} in ${w}×${h}@${dpr}`).toBeLessThanOrEqual(h);
      }
    }
    // 960×540 slide, one column: the 128 tiles do not fit at one pixel per cell: 2×2 cells per pixel.
    const small = planLayer(TILED, 445, 1, 199);
    expect(small.fit.factor).toBe(2);
    // The same box on a 2× screen: every cell its own device pixel.
    const retina = planLayer(TILED, 445, 2, 199);
    expect(retina.fit.factor).toBe(1);
    // 1280×720: 16 × 8 tiles at one pixel per cell.
    const large = planLayer(TILED, 590, 1, 300);
    expect(large.fit.factor).toBe(1);
    expect(large.arrangement.tiles?.perRow).toBe(16);
  });

  it('lets small layers grow to fill the box, and leaves the flowing layout as it was', () => {
    expect(planLayer(MATRIX, 445, 1, 199).fit.cssHeight).toBeGreaterThan(140); // the flowing cap
    expect(planLayer(BIAS, 445, 1, 199).fit.pixel).toBeGreaterThan(8);
    expect(planLayer(TILED, 396, 1).arrangement.tiles?.perRow).toBe(13); // unchanged without a box
  });
});

describe('mainLayer', () => {
  it('is the tiled layer if there is one, else the largest', () => {
    expect(mainLayer([BIAS, MATRIX, TILED])?.name).toBe('dense1/kernel');
    expect(mainLayer([BIAS, MATRIX])?.name).toBe('dense2/kernel');
    expect(mainLayer([])).toBeUndefined();
  });
});
