// Keyboard movement over a layer's cells: arrows move one cell, Shift+arrows one tile (tiled layers)
// or ten cells, skipping gaps; at an edge the cursor stays where it is.

import { type Arrangement, TILE_GAP } from './arrange';

export interface Cell {
  x: number;
  y: number;
}

export const ARROWS = {
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
} as const satisfies Record<string, Cell>;

/** The direction of an arrow key, or undefined for any other key. */
export function arrowOf(key: string): Cell | undefined {
  return (ARROWS as Record<string, Cell | undefined>)[key];
}

type Grid = Pick<Arrangement, 'width' | 'height' | 'indexAt' | 'tiles'>;

/** The first cell that holds a parameter, row by row; null for a layer without any. */
export function firstCell(a: Grid): Cell | null {
  for (let y = 0; y < a.height; y++)
    for (let x = 0; x < a.width; x++) if (a.indexAt(x, y) >= 0) return { x, y };
  return null;
}

/** The cell an arrow key (direction `d`, `big` with Shift) leads to from `from`. */
export function stepCell(a: Grid, from: Cell, d: Cell, big = false): Cell {
  const stride = big ? (a.tiles ? (d.x !== 0 ? a.tiles.tileCols : a.tiles.tileRows) + TILE_GAP : 10) : 1;
  let x = from.x + d.x * stride;
  let y = from.y + d.y * stride;
  if (big) {
    // A long jump stops at the edge rather than not moving at all.
    x = Math.min(a.width - 1, Math.max(0, x));
    y = Math.min(a.height - 1, Math.max(0, y));
  }
  while (x >= 0 && x < a.width && y >= 0 && y < a.height) {
    if (a.indexAt(x, y) >= 0) return { x, y };
    x += d.x;
    y += d.y;
  }
  return from;
}
