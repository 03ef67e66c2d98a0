import { describe, expect, it } from 'vitest';
import type { LayerSlice } from '../../engine/session/snapshot-types';
import { COLOURS, colourTableFor, PALETTE } from './color-table';
import { formatValue, pow10Label } from './labels';
import { paintLayer, planLayer } from './painter';

const TILES = { kind: 'tiles', tileRows: 28, tileCols: 28 } as const;

/** The MNIST MLP's first layer with Adam's picture: border pixels at 1/ε, the rest around 10². */
function mnistField(): { slice: LayerSlice; field: Float32Array } {
  const slice: LayerSlice = {
    name: 'dense1/kernel',
    shape: [784, 128],
    offset: 0,
    size: 784 * 128,
    display: TILES,
  };
  const field = new Float32Array(slice.size);
  for (let p = 0; p < 784; p++) {
    const r = Math.floor(p / 28);
    const c = p % 28;
    const border = r < 2 || r > 25 || c < 2 || c > 25;
    for (let j = 0; j < 128; j++) field[p * 128 + j] = border ? 1e8 : 100;
  }
  return { slice, field };
}

describe('painter', () => {
  it('paints MNIST tiles crisply: bright frames at 1/ε, transparent gaps, no aggregation when it fits', () => {
    const { slice, field } = mnistField();
    const plan = planLayer(slice, 396, 1);
    expect(plan.fit.factor).toBe(1);
    expect(plan.arrangement.tiles?.perRow).toBe(13);
    const pixels = new Int32Array(plan.fit.imageWidth * plan.fit.imageHeight);
    paintLayer(plan, new Uint32Array(field.buffer), colourTableFor(-2, 8), 'max', pixels);
    const at = (x: number, y: number) => (pixels[y * plan.fit.imageWidth + x] as number) >>> 0;
    expect(at(0, 0)).toBe(PALETTE[COLOURS - 1]); // border pixel of unit 0: the top colour
    expect(at(14, 14)).toBe(PALETTE[102]); // centre: 10² is 4/10 up [10⁻², 10⁸]: ⌊0.4 · 256⌋
    expect(at(28, 0) >>> 24).toBe(0); // the gap is transparent
  });

  it('aggregates a layer too wide for the panel with the chosen op', () => {
    const { slice, field } = mnistField();
    const plan = planLayer({ ...slice, display: undefined }, 300, 1); // 784 inputs as columns
    expect(plan.fit.factor).toBe(3);
    expect(plan.fit.imageWidth).toBe(Math.ceil(784 / 3));
    const pixels = new Int32Array(plan.fit.imageWidth * plan.fit.imageHeight);
    paintLayer(plan, new Uint32Array(field.buffer), colourTableFor(-2, 8), 'max', pixels);
    expect((pixels[(30 / 3) | 0] as number) >>> 0).toBe(PALETTE[COLOURS - 1]); // column block 10 holds pixel 30 (row 1)
    paintLayer(plan, new Uint32Array(field.buffer), colourTableFor(-2, 8), 'min', pixels);
    expect((pixels[(30 / 3) | 0] as number) >>> 0).toBe(PALETTE[COLOURS - 1]); // pixels 30 … 32 all border
    expect((pixels[(60 / 3) | 0] as number) >>> 0).toBe(PALETTE[102]); // pixels 60 … 62 all inside
  });

  it('formats numbers and powers of ten for people', () => {
    expect(pow10Label(-2)).toBe('10⁻²');
    expect(pow10Label(8)).toBe('10⁸');
    expect(formatValue(1e8)).toBe('1.00×10⁸');
    expect(formatValue(72.13)).toBe('72.1');
    expect(formatValue(3.2e-5)).toBe('3.20×10⁻⁵');
    expect(formatValue(1.04e8, 2)).toBe('1.0×10⁸');
    expect(formatValue(1190)).toBe('1190');
    expect(formatValue(3612, 2)).toBe('3600');
    expect(formatValue(Number.NaN)).toBe('no data');
    expect(formatValue(Number.POSITIVE_INFINITY)).toBe('∞');
  });
});
