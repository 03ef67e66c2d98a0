import { describe, expect, it } from 'vitest';
import { arrange } from './arrange';
import { ARROWS, firstCell, stepCell } from './navigate';

const tiles = arrange(
  {
    name: 'dense1/kernel',
    shape: [784, 5],
    offset: 0,
    size: 784 * 5,
    display: { kind: 'tiles', tileRows: 28, tileCols: 28 },
  },
  { tilesPerRow: 3 },
);

describe('keyboard navigation', () => {
  it('starts at the first real cell and moves one cell per arrow', () => {
    expect(firstCell(tiles)).toEqual({ x: 0, y: 0 });
    expect(stepCell(tiles, { x: 0, y: 0 }, ARROWS.ArrowRight)).toEqual({ x: 1, y: 0 });
    expect(stepCell(tiles, { x: 0, y: 0 }, ARROWS.ArrowLeft)).toEqual({ x: 0, y: 0 }); // edge: stays
  });

  it('skips the gap between tiles, and missing tiles at the end of the grid', () => {
    expect(stepCell(tiles, { x: 27, y: 5 }, ARROWS.ArrowRight)).toEqual({ x: 29, y: 5 });
    expect(stepCell(tiles, { x: 29, y: 5 }, ARROWS.ArrowLeft)).toEqual({ x: 27, y: 5 });
    // Unit 5 does not exist (5 units, 3 per row): from unit 4's right edge there is nowhere to go.
    expect(stepCell(tiles, { x: 29 + 27, y: 29 }, ARROWS.ArrowRight)).toEqual({ x: 29 + 27, y: 29 });
  });

  it('jumps a whole tile with Shift, stopping at the edge', () => {
    expect(stepCell(tiles, { x: 3, y: 4 }, ARROWS.ArrowRight, true)).toEqual({ x: 32, y: 4 });
    expect(stepCell(tiles, { x: 3, y: 4 }, ARROWS.ArrowDown, true)).toEqual({ x: 3, y: 33 });
    const row = arrange({ name: 'b', shape: [12], offset: 0, size: 12 });
    expect(stepCell(row, { x: 5, y: 0 }, ARROWS.ArrowRight, true)).toEqual({ x: 11, y: 0 });
  });

  it('finds no cell in an empty layer', () => {
    expect(firstCell(arrange({ name: 'e', shape: [0], offset: 0, size: 0 }))).toBeNull();
  });
});
