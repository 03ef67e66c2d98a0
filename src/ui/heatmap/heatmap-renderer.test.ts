import { describe, expect, it } from 'vitest';
import type { LayerSlice } from '../../engine/session/snapshot-types';
import { COLOURS, PALETTE } from './color-table';
import { type HeatmapCanvas, HeatmapRenderer, type PixelContext, usableDomain } from './heatmap-renderer';
import { planLayers } from './painter';

/** A canvas that records what it was given (the renderer needs no DOM). */
class FakeCanvas implements HeatmapCanvas {
  width = 300;
  height = 150;
  puts: Uint32Array[] = [];
  private readonly context: PixelContext = {
    createImageData: ((w: number, h: number) =>
      ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }) as ImageData) as never,
    putImageData: ((image: ImageData) => {
      this.puts.push(new Uint32Array(image.data.slice().buffer));
    }) as never,
  };
  getContext(): PixelContext {
    return this.context;
  }
}

const LAYOUT: LayerSlice[] = [
  { name: 'w', shape: [4, 3], offset: 0, size: 12 },
  { name: 'b', shape: [3], offset: 12, size: 3 },
];

function field(value: number): Float32Array {
  return new Float32Array(15).fill(value);
}

function setUp() {
  const domains: (readonly [number, number])[] = [];
  const renderer = new HeatmapRenderer<FakeCanvas>((d) => domains.push(d));
  const canvases = { w: new FakeCanvas(), b: new FakeCanvas() };
  const plans = planLayers(LAYOUT, 200, 0, 1, false);
  renderer.attach('w', canvases.w);
  renderer.attach('b', canvases.b);
  renderer.resize(plans);
  return { renderer, canvases, plans, domains };
}

describe('HeatmapRenderer', () => {
  it('sizes each canvas to its plan and paints the field through the colour table', () => {
    const { renderer, canvases, plans } = setUp();
    const w = plans.find((p) => p.slice.name === 'w');
    expect(canvases.w.width).toBe(w?.fit.imageWidth);
    expect(canvases.w.height).toBe(w?.fit.imageHeight);
    const values = field(1e8);
    expect(
      renderer.update({
        run: { step: 7, shown: { kind: 'adaptiveRate', values } },
        domain: [-2, 8],
        aggregate: 'max',
      }),
    ).toBe(true);
    expect(canvases.w.puts).toHaveLength(1);
    expect(canvases.w.puts[0]?.[0]).toBe(PALETTE[COLOURS - 1]); // 10⁸ is the top of [10⁻², 10⁸]
    expect(renderer.drawn?.step).toBe(7);
    expect(renderer.domain).toEqual([-2, 8]);
  });

  it('repaints only when the field, the domain, the aggregate or the plans changed', () => {
    const { renderer, canvases, plans } = setUp();
    const run = { step: 1, shown: { kind: 'adaptiveRate' as const, values: field(10) } };
    renderer.update({ run, domain: [0, 2], aggregate: 'max' });
    // The same data again (another run's snapshot, a history change, a language change): nothing to do.
    expect(renderer.update({ run, domain: [0, 2], aggregate: 'max' })).toBe(false);
    expect(renderer.update({ run: { ...run, step: 2 }, domain: [0, 2], aggregate: 'max' })).toBe(false);
    expect(canvases.w.puts).toHaveLength(1);
    expect(renderer.update({ run, domain: [0, 3], aggregate: 'max' })).toBe(true);
    expect(renderer.update({ run, domain: [0, 3], aggregate: 'mean' })).toBe(true);
    const next = { step: 3, shown: { kind: 'adaptiveRate' as const, values: field(20) } };
    expect(renderer.update({ run: next, domain: [0, 3], aggregate: 'mean' })).toBe(true);
    renderer.resize(plans); // the same plans: still clean
    expect(renderer.update({ run: next, domain: [0, 3], aggregate: 'mean' })).toBe(false);
    renderer.resize(planLayers(LAYOUT, 120, 0, 2, false));
    expect(renderer.update({ run: next, domain: [0, 3], aggregate: 'mean' })).toBe(true);
    renderer.attach('b', new FakeCanvas()); // a new canvas starts blank
    expect(renderer.update({ run: next, domain: [0, 3], aggregate: 'mean' })).toBe(true);
    expect(canvases.w.puts).toHaveLength(6);
  });

  it("fits 'own' domains to the field and reports each new domain once", () => {
    const { renderer, domains } = setUp();
    const values = field(100);
    values[0] = 0.5;
    renderer.update({
      run: { step: 1, shown: { kind: 'adaptiveRate', values } },
      domain: 'own',
      aggregate: 'max',
    });
    expect(renderer.domain).toEqual([-1, 2]);
    renderer.update({
      run: { step: 2, shown: { kind: 'adaptiveRate', values: values.slice() } },
      domain: 'own',
      aggregate: 'max',
    });
    renderer.update({
      run: { step: 2, shown: { kind: 'adaptiveRate', values } },
      domain: [-1, 2],
      aggregate: 'max',
    });
    expect(domains).toEqual([[-1, 2]]);
  });

  it('skips a layer the field does not reach yet, and draws nothing before plans or data', () => {
    const renderer = new HeatmapRenderer<FakeCanvas>();
    const canvas = new FakeCanvas();
    renderer.attach('w', canvas);
    const run = { step: 1, shown: { kind: 'adaptiveRate' as const, values: new Float32Array(5) } };
    expect(renderer.update({ run, domain: [0, 1], aggregate: 'max' })).toBe(false); // no plans yet
    renderer.resize(planLayers(LAYOUT, 200, 0, 1, false));
    expect(renderer.update({ run: null, domain: [0, 1], aggregate: 'max' })).toBe(false);
    expect(renderer.update({ run, domain: [0, 1], aggregate: 'max' })).toBe(true); // a stale layout
    expect(canvas.puts).toHaveLength(0);
  });

  it('draws nothing once disposed, until it is given canvases and plans again (a remount)', () => {
    const { renderer, canvases, plans } = setUp();
    renderer.dispose();
    const run = { step: 1, shown: { kind: 'adaptiveRate' as const, values: field(1) } };
    expect(renderer.update({ run, domain: [0, 1], aggregate: 'max' })).toBe(false);
    expect(canvases.w.puts).toHaveLength(0);
    expect(renderer.canvas('w')).toBeUndefined();
    renderer.attach('w', canvases.w);
    renderer.resize(plans);
    expect(renderer.update({ run, domain: [0, 1], aggregate: 'max' })).toBe(true);
    expect(canvases.w.puts).toHaveLength(1);
  });

  it('widens a domain the colour table cannot take', () => {
    expect(usableDomain([2, 2])).toEqual([2, 2.1]);
    expect(usableDomain([Number.NaN, 3])).toEqual([0, 1]);
    expect(usableDomain([-2, 8])).toEqual([-2, 8]);
  });
});
