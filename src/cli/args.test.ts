import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

describe('experiment arguments', () => {
  it('parses every flag', () => {
    expect(
      parseArgs([
        '--scene',
        'fig1-mnist',
        '--steps',
        '50',
        '--seed',
        '3',
        '--out',
        'x.json',
        '--backend',
        'wasm',
        '--every',
        '5',
      ]),
    ).toEqual({
      scene: 'fig1-mnist',
      steps: 50,
      seed: 3,
      out: 'x.json',
      backend: 'wasm',
      every: 5,
    });
    expect(parseArgs(['--scene', 'rosenbrock'])).toEqual({ scene: 'rosenbrock', backend: 'wasm' });
  });

  it('refuses what it cannot use, saying why', () => {
    expect(() => parseArgs([])).toThrow(/--scene is required/);
    expect(() => parseArgs(['--scene', 'a', '--steps', '-3'])).toThrow(
      /--steps needs a non-negative integer; got -3/,
    );
    expect(() => parseArgs(['--scene', 'a', '--backend', 'webgpu'])).toThrow(/cpu or wasm/);
    expect(() => parseArgs(['--scene', 'a', '--frobnicate'])).toThrow(/unknown argument --frobnicate/);
  });

  it('parses --check with a scene selection', () => {
    expect(parseArgs(['--check'])).toEqual({ scene: '', check: true, backend: 'wasm' });
    expect(parseArgs(['--check', '--fast'])).toEqual({ scene: '', check: true, fast: true, backend: 'wasm' });
    expect(parseArgs(['--check', '--scenes', 'plateau,fig1-mnist', '--backend', 'cpu'])).toEqual({
      scene: '',
      check: true,
      scenes: ['plateau', 'fig1-mnist'],
      backend: 'cpu',
    });
    expect(() => parseArgs(['--check', '--steps', '10'])).toThrow(/own defaults/);
    expect(() => parseArgs(['--check', '--fast', '--scenes', 'a'])).toThrow(/give one/);
    expect(() => parseArgs(['--scene', 'a', '--fast'])).toThrow(/go with --check/);
  });
});

describe('--seeds', () => {
  it('takes a seed count from 1 to the headless limit', () => {
    expect(parseArgs(['--scene', 'race-moons', '--seeds', '5'])).toEqual({
      scene: 'race-moons',
      seeds: 5,
      backend: 'wasm',
    });
    expect(() => parseArgs(['--scene', 'race-moons', '--seeds', '0'])).toThrow(/--seeds needs 1–20/);
    expect(() => parseArgs(['--scene', 'race-moons', '--seeds', '21'])).toThrow(/--seeds needs 1–20/);
    expect(() => parseArgs(['--scene', 'race-moons', '--seeds', 'many'])).toThrow(/non-negative integer/);
  });

  it('is refused with --check, which runs each scene at its own seeds', () => {
    expect(() => parseArgs(['--check', '--seeds', '3'])).toThrow(/--seeds/);
  });
});
