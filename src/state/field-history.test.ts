import { describe, expect, it } from 'vitest';
import {
  FIELD_HISTORY_BUDGET_BYTES,
  FieldHistory,
  fieldHistoryDepth,
  MAX_FIELD_FRAMES,
  MIN_FIELD_FRAMES,
} from './field-history';

describe('FieldHistory', () => {
  it('recovers each coordinate within 0.03 decades, NaN stays NaN', () => {
    const history = new FieldHistory(3);
    history.push(1, Float32Array.from([1e8, 72.13, Number.NaN]));
    history.push(2, Float32Array.from([1e-3, 0.5, 3]));
    const first = history.series(0);
    expect(Math.abs(Math.log10(first[0] as number) - 8)).toBeLessThan(0.03);
    expect(Math.abs(Math.log10(first[1] as number) + 3)).toBeLessThan(0.03);
    expect(Number.isNaN(history.series(2)[0])).toBe(true);
    expect(history.steps()).toEqual([1, 2]);
  });

  it('stays bounded, spans the whole run and always holds the latest field', () => {
    const history = new FieldHistory(2, 8);
    for (let step = 1; step <= 1000; step++) history.push(step, Float32Array.from([step, 1]));
    expect(history.length).toBeLessThanOrEqual(9);
    const steps = history.steps();
    expect(steps[0]).toBe(1);
    expect(steps[steps.length - 1]).toBe(1000);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(() => history.push(1001, new Float32Array(3))).toThrow(/holds 2/);
  });
});

describe('fieldHistoryDepth (the page heap stays bounded whatever the model size)', () => {
  it('keeps the full depth for usual models and fewer frames for big ones, within the budget', () => {
    expect(fieldHistoryDepth(109_386, 2)).toBe(MAX_FIELD_FRAMES);
    for (const [params, runs] of [
      [1_863_690, 2],
      [1_863_690, 4],
      [3_000_000, 1],
    ] as const) {
      const depth = fieldHistoryDepth(params, runs);
      expect(depth).toBeLessThan(MAX_FIELD_FRAMES);
      // Kept frames (+1: the latest between kept points) × one byte per parameter per run.
      expect((depth + 1) * params * runs).toBeLessThanOrEqual(FIELD_HISTORY_BUDGET_BYTES * 1.1);
    }
    expect(fieldHistoryDepth(50_000_000, 4)).toBe(MIN_FIELD_FRAMES);
  });

  it('a history made with a small depth never holds more than depth + 1 frames', () => {
    const depth = fieldHistoryDepth(3_000_000, 4);
    const history = new FieldHistory(8, depth);
    for (let step = 1; step <= 500; step++) history.push(step, new Float32Array(8).fill(step));
    expect(history.length).toBeLessThanOrEqual(depth + 1);
    expect(history.steps().at(-1)).toBe(500);
  });
});
