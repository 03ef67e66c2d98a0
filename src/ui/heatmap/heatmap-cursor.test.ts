import { describe, expect, it } from 'vitest';
import { type Cursor, cellSummary, cursorOutline, nextCursor } from './heatmap-cursor';
import { planLayer } from './painter';

const at = (layer: string, x: number, source: Cursor['source']): Cursor => ({
  layer,
  x,
  y: 0,
  flat: x,
  source,
});

describe('nextCursor', () => {
  it('moves to the new cell, and keeps the same object for the same cell (no re-render)', () => {
    const first = at('w', 1, 'pointer');
    expect(nextCursor(null, 'w', first, 'pointer')).toBe(first);
    expect(nextCursor(first, 'w', at('w', 1, 'pointer'), 'pointer')).toBe(first);
    expect(nextCursor(first, 'w', at('w', 2, 'pointer'), 'pointer')).toEqual(at('w', 2, 'pointer'));
  });

  it('lets an input take away only its own cursor on its own layer', () => {
    const keyboard = at('w', 3, 'keyboard');
    expect(nextCursor(keyboard, 'w', null, 'pointer')).toBe(keyboard); // a mouse leaving keeps it
    expect(nextCursor(keyboard, 'b', null, 'keyboard')).toBe(keyboard); // another layer's blur
    expect(nextCursor(keyboard, 'w', null, 'keyboard')).toBeNull();
  });
});

describe('cursorOutline', () => {
  it('outlines one cell, at least 5 CSS px wide on an aggregated image', () => {
    const fit = { factor: 1, imageWidth: 10, imageHeight: 4, pixel: 2, cssWidth: 80, cssHeight: 32 };
    expect(cursorOutline({ x: 2, y: 1 }, fit)).toEqual({ left: 16, top: 8, width: 8, height: 8 });
    const small = { ...fit, factor: 4, cssWidth: 40, cssHeight: 16 }; // 1 CSS px per cell
    expect(cursorOutline({ x: 0, y: 0 }, small)).toEqual({ left: -2, top: -2, width: 5, height: 5 });
  });
});

describe('cellSummary', () => {
  it('says the layer, the tensor index and the value', () => {
    const plan = planLayer({ name: 'dense3/kernel', shape: [4, 3], offset: 0, size: 12 }, 200, 1);
    expect(cellSummary(plan, 5, 'A-LR', 1e8)).toBe('dense3/kernel [1, 2]: A-LR 1.00×10⁸');
  });
});
