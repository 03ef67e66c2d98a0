import { describe, expect, it } from 'vitest';
import { checkLayout, type LayerSlice, layoutFromShapes, layoutLength } from './field-layout';

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
