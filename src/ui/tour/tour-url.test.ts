import { describe, expect, it } from 'vitest';
import { clampStep, parseTourParams, withTourParams } from './tour-url';

describe('tour URL', () => {
  it('opens only on tour=1', () => {
    expect(parseTourParams('?tour=1&step=3', 8)).toEqual({ open: true, index: 2 });
    expect(parseTourParams('?tour=0&step=3', 8).open).toBe(false);
    expect(parseTourParams('', 8)).toEqual({ open: false, index: 0 });
    expect(parseTourParams('?backend=wasm&tour=1', 8)).toEqual({ open: true, index: 0 });
  });

  it('clamps bad steps into 1..N', () => {
    expect(clampStep(null, 8)).toBe(1);
    expect(clampStep('', 8)).toBe(1);
    expect(clampStep('abc', 8)).toBe(1);
    expect(clampStep('2.5', 8)).toBe(1);
    expect(clampStep('NaN', 8)).toBe(1);
    expect(clampStep('Infinity', 8)).toBe(1);
    expect(clampStep('0', 8)).toBe(1);
    expect(clampStep('-4', 8)).toBe(1);
    expect(clampStep('99', 8)).toBe(8);
    expect(clampStep('99999999999999999999999', 8)).toBe(8);
    expect(clampStep('8', 8)).toBe(8);
    expect(clampStep(' 5 ', 8)).toBe(5);
    expect(parseTourParams('?tour=1&step=42', 6).index).toBe(5);
    expect(parseTourParams('?tour=1&step=-1', 6).index).toBe(0);
  });

  it('writes the step and keeps other parameters', () => {
    const href = 'http://x.test/app/?backend=wasm&present=1#h';
    const on = new URL(withTourParams(href, 2));
    expect(on.searchParams.get('tour')).toBe('1');
    expect(on.searchParams.get('step')).toBe('3');
    expect(on.searchParams.get('backend')).toBe('wasm');
    expect(on.searchParams.get('present')).toBe('1');
    expect(on.hash).toBe('#h');
    expect(on.pathname).toBe('/app/');
    const off = new URL(withTourParams(on.toString(), null));
    expect(off.searchParams.has('tour')).toBe(false);
    expect(off.searchParams.has('step')).toBe(false);
    expect(off.searchParams.get('backend')).toBe('wasm');
  });
});
