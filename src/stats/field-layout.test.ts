import { describe, expect, it } from 'vitest';
import {
  checkLayout,
  fieldAndLayerPercentiles,
  type LayerSlice,
  layerView,
  layoutFromShapes,
  layoutLength,
  perLayerPercentiles,
  perLayerStats,
} from './field-layout';
import { emptyPercentiles, percentiles } from './percentiles';
import { mulberry32 } from './random';

// The MNIST MLP 784-128-64-10 as the engine lays it out.
const MLP = layoutFromShapes([
  { name: 'dense_1/kernel', shape: [784, 128] },
  { name: 'dense_1/bias', shape: [128] },
  { name: 'dense_2/kernel', shape: [128, 64] },
  { name: 'dense_2/bias', shape: [64] },
  { name: 'dense_3/kernel', shape: [64, 10] },
  { name: 'dense_3/bias', shape: [10] },
]);

const slice = (
  name: string,
  shape: number[],
  offset: number,
  size = shape.reduce((a, b) => a * b, 1),
): LayerSlice => ({
  name,
  shape,
  offset,
  size,
});

describe('layoutFromShapes', () => {
  it('lays variables end to end', () => {
    expect(MLP.map((s) => [s.offset, s.size])).toEqual([
      [0, 100_352],
      [100_352, 128],
      [100_480, 8192],
      [108_672, 64],
      [108_736, 640],
      [109_376, 10],
    ]);
    expect(layoutLength(MLP)).toBe(109_386);
    expect(() => checkLayout(MLP, 109_386)).not.toThrow();
  });

  it('treats [] as a scalar', () => {
    expect(layoutFromShapes([{ name: 's', shape: [] }])).toEqual([slice('s', [], 0, 1)]);
  });
});

describe('checkLayout', () => {
  it('accepts any listing order and empty layers', () => {
    expect(() => checkLayout([slice('b', [2], 3), slice('a', [3], 0), slice('e', [0], 5)], 5)).not.toThrow();
    expect(() => checkLayout([], 0)).not.toThrow();
  });

  const bad: [string, LayerSlice[], number, RegExp][] = [
    ['overlap', [slice('a', [3], 0), slice('b', [3], 2)], 5, /"b" at 2 overlaps "a", which ends at 3/],
    ['gap between layers', [slice('a', [3], 0), slice('b', [2], 4)], 6, /gap \[3, 4\) before layer "b"/],
    ['gap at the start', [slice('a', [3], 1)], 4, /gap \[0, 1\) before layer "a"/],
    ['gap at the end', [slice('a', [3], 0)], 5, /gap \[3, 5\) after the last layer/],
    [
      'past the end',
      [slice('a', [3], 0), slice('b', [3], 3)],
      5,
      /"b": \[3, 6\) runs past the field's end 5/,
    ],
    [
      'shape and size disagree',
      [slice('a', [2, 3], 0, 5)],
      5,
      /"a": shape \[2,3\] holds 6 values, size says 5/,
    ],
    ['bad dimension', [slice('a', [2, 1.5], 0, 3)], 3, /"a": shape \[2,1.5\] has a non-integer/],
    ['negative offset', [slice('a', [3], -1)], 2, /"a": offset -1/],
    ['fractional size', [{ name: 'a', shape: [], offset: 0, size: 0.5 }], 1, /"a": size 0.5/],
    ['duplicate name', [slice('a', [1], 0), slice('a', [1], 1)], 2, /"a" appears twice/],
    ['empty name', [slice('', [1], 0)], 1, /empty name/],
    ['bad field length', [], -1, /field length -1/],
    ['nothing for a non-empty field', [], 3, /gap \[0, 3\)/],
  ];
  for (const [label, layout, length, message] of bad) {
    it(`throws on ${label}`, () => {
      expect(() => checkLayout(layout, length)).toThrow(message);
    });
  }
});

describe('perLayerPercentiles', () => {
  const rand = mulberry32(3);
  const field = Float32Array.from({ length: layoutLength(MLP) }, () => 10 ** (rand() * 12 - 4));

  it('matches percentiles of each layer copied out, and leaves the field untouched', () => {
    const before = Float32Array.from(field);
    const byLayer = perLayerPercentiles(field, MLP);
    expect(Object.keys(byLayer)).toEqual(MLP.map((s) => s.name));
    for (const s of MLP) {
      const copy = Float32Array.from(field.slice(s.offset, s.offset + s.size));
      expect(byLayer[s.name]).toEqual(percentiles(copy));
    }
    expect(field).toEqual(before);
  });

  it('reuses a scratch buffer and allocates when it is too short', () => {
    expect(perLayerPercentiles(field, MLP, new Float32Array(100_352))).toEqual(
      perLayerPercentiles(field, MLP),
    );
    expect(perLayerPercentiles(field, MLP, new Float32Array(10))).toEqual(perLayerPercentiles(field, MLP));
  });

  it('counts non-finite values per layer and reports an empty layer as NaN', () => {
    const f = new Float32Array([1, NaN, 3, Infinity, 5]);
    const layout = [slice('x', [3], 0), slice('empty', [0], 3), slice('y', [2], 3)];
    const stats = perLayerStats(f, layout);
    expect(stats.x).toMatchObject({ finite: 2, nonFinite: 1 });
    expect(stats.x?.percentiles.p50).toBe(2);
    expect(stats.empty?.percentiles.p50).toBeNaN();
    expect(stats.y).toMatchObject({ finite: 1, nonFinite: 1 });
  });

  it('keys a layer named __proto__ like any other', () => {
    const byLayer = perLayerPercentiles(new Float32Array([2]), [slice('__proto__', [1], 0)]);
    expect(Object.keys(byLayer)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(byLayer, '__proto__')?.value.min).toBe(2);
  });

  it('checks the layout first', () => {
    expect(() => perLayerPercentiles(new Float32Array(4), [slice('a', [3], 0)])).toThrow(/gap \[3, 4\)/);
  });

  it('gives views, not copies', () => {
    const view = layerView(field, MLP[1] as LayerSlice);
    expect(view.buffer).toBe(field.buffer);
    expect(view.length).toBe(128);
  });
});

describe('fieldAndLayerPercentiles', () => {
  const r = mulberry32(23);
  const draw = (n: number) =>
    Float32Array.from({ length: n }, (_, i) =>
      i % 13 === 0
        ? NaN
        : i % 17 === 0
          ? -0
          : i % 19 === 0
            ? Infinity
            : i % 3
              ? 72.13 - r() * 0.5
              : 10 ** (r() * 12 - 4),
    );
  const layouts: [string, { name: string; shape: number[] }[]][] = [
    [
      'fig1-mnist (one large layer first)',
      [
        { name: 'w1', shape: [784, 128] },
        { name: 'b1', shape: [128] },
        { name: 'w2', shape: [128, 64] },
        { name: 'b2', shape: [64] },
        { name: 'w3', shape: [64, 10] },
        { name: 'b3', shape: [10] },
      ],
    ],
    [
      'two large layers, the larger last',
      [
        { name: 'a', shape: [25_000] },
        { name: 'b', shape: [7] },
        { name: 'c', shape: [30_000] },
      ],
    ],
    [
      'no large layer',
      [
        { name: 'a', shape: [5_000] },
        { name: 'b', shape: [19_999] },
      ],
    ],
    ['one layer', [{ name: 'only', shape: [40_000] }]],
    [
      'an empty layer',
      [
        { name: 'e', shape: [0] },
        { name: 'w', shape: [21_000] },
      ],
    ],
  ];
  for (const [label, shapes] of layouts) {
    it(`gives percentiles() and perLayerPercentiles' numbers: ${label}`, () => {
      const layout = layoutFromShapes(shapes);
      const field = draw(layoutLength(layout));
      const both = fieldAndLayerPercentiles(field, layout, new Float32Array(field.length));
      expect(both.field).toEqual(percentiles(field));
      expect(both.layers).toEqual(perLayerPercentiles(field, layout));
      expect(Object.keys(both.layers)).toEqual(layout.map((s) => s.name));
    });
  }

  it('gives the field of nothing finite all NaN', () => {
    const layout = layoutFromShapes([
      { name: 'w', shape: [30_000] },
      { name: 'b', shape: [3] },
    ]);
    const both = fieldAndLayerPercentiles(new Float32Array(30_003).fill(NaN), layout);
    expect(both.field).toEqual(emptyPercentiles());
    expect(both.layers.w).toEqual(emptyPercentiles());
  });
});
