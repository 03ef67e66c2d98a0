import { describe, expect, it } from 'vitest';
import { BoundedSeries } from './downsample';

function steps<T>(s: BoundedSeries<T>): number[] {
  return s.points().map((p) => p.step);
}

describe('BoundedSeries', () => {
  it('keeps everything until full', () => {
    const s = new BoundedSeries<string>(4);
    s.push(0, 'a');
    s.push(10, 'b');
    s.push(20, 'c');
    expect(s.points()).toEqual([
      { step: 0, value: 'a' },
      { step: 10, value: 'b' },
      { step: 20, value: 'c' },
    ]);
    expect(s.stride).toBe(1);
  });

  it('stays bounded over 100k pushes, keeping the first and latest, steps increasing and evenly spaced', () => {
    const capacity = 64;
    const s = new BoundedSeries<number>(capacity);
    for (let i = 0; i < 100_000; i++) {
      s.push(i * 10, i);
      expect(s.length).toBeLessThanOrEqual(capacity);
    }
    const pts = s.points();
    expect(pts.length).toBe(s.length);
    expect(pts.length).toBeGreaterThan(capacity / 2);
    expect(pts[0]).toEqual({ step: 0, value: 0 });
    expect(pts.at(-1)).toEqual({ step: 999_990, value: 99_999 });
    expect(s.first).toEqual(pts[0]);
    expect(s.latest).toEqual(pts.at(-1));
    // Every kept point but the latest is a multiple of the stride, so the whole run is covered evenly.
    const gaps = pts.slice(1).map((p, i) => p.step - (pts[i] as { step: number }).step);
    expect(gaps.every((g) => g > 0)).toBe(true);
    expect(new Set(gaps.slice(0, -1))).toEqual(new Set([10 * s.stride]));
    expect(gaps.at(-1)).toBeLessThanOrEqual(10 * s.stride);
    expect(s.stride).toBe(2048);
    expect(s.pushes).toBe(100_000);
  });

  it('holds the bound after every push, for small capacities', () => {
    for (const capacity of [2, 3, 5, 8]) {
      const s = new BoundedSeries<null>(capacity);
      for (let i = 0; i < 5000; i++) {
        s.push(i, null);
        const st = steps(s);
        expect(st.length).toBeLessThanOrEqual(capacity);
        expect(st[0]).toBe(0);
        expect(st.at(-1)).toBe(i);
        for (let j = 1; j < st.length; j++) expect(st[j]).toBeGreaterThan(st[j - 1] as number);
      }
    }
  });

  it('visits the same points with forEach, indexed', () => {
    const s = new BoundedSeries<number>(5);
    for (let i = 0; i < 23; i++) s.push(i, i * i);
    const seen: [number, number, number][] = [];
    s.forEach((step, value, i) => {
      seen.push([step, value, i]);
    });
    expect(seen).toEqual(s.points().map((p, i) => [p.step, p.value, i]));
  });

  it('rejects a step that does not increase, and starts over after clear()', () => {
    const s = new BoundedSeries<number>(3);
    s.push(5, 1);
    expect(() => s.push(5, 2)).toThrow(RangeError);
    expect(() => s.push(4, 2)).toThrow(/does not follow step 5/);
    s.clear();
    expect(s.length).toBe(0);
    expect(s.first).toBeUndefined();
    expect(s.latest).toBeUndefined();
    s.push(0, 9);
    expect(s.points()).toEqual([{ step: 0, value: 9 }]);
  });

  it('needs room for the first and the latest point', () => {
    expect(() => new BoundedSeries(1)).toThrow(RangeError);
    expect(() => new BoundedSeries(2.5)).toThrow(RangeError);
  });
});
