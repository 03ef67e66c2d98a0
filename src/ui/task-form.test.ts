import { describe, expect, it } from 'vitest';
import { type Classify2dConfig, customClassify2d } from '../engine/tasks/configs';
import { resolveSpec } from '../optim/spec';
import { formatNumber, parseNumber } from './number-field';
import { specProblem } from './spec-editor';
import { checkBatchSize, defaultTask, describeTask, parseHidden, SURFACE_STARTS } from './task-form';

describe('typed values', () => {
  it('parses what people type and formats small and large numbers readably', () => {
    expect(parseNumber(' 1e-3 ')).toBe(0.001);
    expect(parseNumber('−0,5')).toBe(-0.5);
    expect(parseNumber('')).toBeNaN();
    expect(parseNumber('abc')).toBeNaN();
    expect(formatNumber(1e-8)).toBe('1e-8');
    expect(formatNumber(0.001)).toBe('0.001');
    expect(formatNumber(50)).toBe('50');
  });

  it('refuses bad hyperparameters with the optimizer library’s reason', () => {
    const sadam = resolveSpec({ name: 'sadam' });
    expect(specProblem(sadam, 'lr', 0.05)).toBeNull();
    expect(specProblem(sadam, 'beta1', 1)).toMatch(/beta1 must be a finite number in \[0, 1\)/);
    expect(specProblem(sadam, 'softplusBeta', 0)).toMatch(/softplusBeta/);
    expect(specProblem(sadam, 'lr', -1)).toMatch(/lr/);
  });
});

describe('task settings', () => {
  it('reads model sizes and batch sizes, refusing nonsense', () => {
    expect(parseHidden('128, 64')).toEqual([128, 64]);
    expect(parseHidden('16x16')).toEqual([16, 16]);
    expect(parseHidden('')).toMatch(/1 to 4/);
    expect(parseHidden('1,2,3,4,5')).toMatch(/1 to 4/);
    expect(parseHidden('0')).toMatch(/whole number/);
    expect(parseHidden('2.5')).toMatch(/whole number/);
    expect(checkBatchSize(32)).toBeNull();
    expect(checkBatchSize(0)).toMatch(/1 to 1024/);
  });

  it("knows each surface's start as the engine does", async () => {
    const { SURFACE_DEFINITIONS } = await import('../engine/tasks/surface-defs');
    expect(Object.keys(SURFACE_STARTS).sort()).toEqual(Object.keys(SURFACE_DEFINITIONS).sort());
    for (const [name, start] of Object.entries(SURFACE_STARTS)) {
      expect(start).toEqual(SURFACE_DEFINITIONS[name as keyof typeof SURFACE_DEFINITIONS].start);
    }
  });

  it('describes each default task', () => {
    expect(describeTask(defaultTask('mnist'))).toBe('MNIST · MLP 784-128-64-10');
    expect(describeTask(defaultTask('surface'))).toBe('rosenbrock surface');
    const points = { xy: [0, 0, 1, 1, 2, 2], labels: [0, 1, 0] };
    const custom = customClassify2d(points, {
      ...(defaultTask('classify2d') as Classify2dConfig),
      hidden: [8],
    });
    expect(describeTask(custom)).toBe('Custom points (3) · MLP 2-8');
    // The char-LM names its cell; a config without one (older links, exports) is the GRU.
    const charlm = defaultTask('charlm');
    if (charlm.kind !== 'charlm') throw new Error('not the char-LM');
    expect(describeTask(charlm)).toBe('Sonnets · GRU 64');
    expect(describeTask({ ...charlm, cell: 'lstm' })).toBe('Sonnets · LSTM 64');
    expect(describeTask({ ...charlm, cell: undefined })).toBe('Sonnets · GRU 64');
  });
});
