import { describe, expect, it } from 'vitest';
import { polylinePath } from './polyline';

const id = (v: number) => v;

describe('polylinePath', () => {
  it('draws every point that moves far enough, and always the last one', () => {
    expect(polylinePath([0, 0, 10, 0, 10.1, 0, 10.2, 0], id, id, 1)).toBe('M0,0L10,0L10.2,0');
  });

  it('breaks the line at non-finite points', () => {
    expect(polylinePath([0, 0, 5, 5, NaN, 1, 8, 8, 9, 9], id, id, 0)).toBe('M0,0L5,5M8,8L9,9');
  });

  it('is empty without points and a lone move for one point', () => {
    expect(polylinePath([], id, id)).toBe('');
    expect(polylinePath([3, 4], (x) => 2 * x, id)).toBe('M6,4');
  });
});
