import { describe, expect, it } from 'vitest';
import { type BackendRate, chooseFastest, nextSlice, taskShapeKey } from './auto-choice';
import type { ExperimentConfig } from './experiment';

const measured = (backend: BackendRate['backend'], stepsPerS: number, software = false): BackendRate => ({
  backend,
  software,
  status: 'measured',
  stepsPerS,
  steps: 5,
});

describe('chooseFastest', () => {
  it('keeps the highest measured rate, whatever the chain order says', () => {
    const rates = [measured('webgpu', 9, true), measured('webgl', 31), measured('wasm', 52)];
    expect(chooseFastest(rates, 'webgpu')).toBe('wasm');
    expect(chooseFastest([measured('wasm', 40), measured('webgl', 41)], 'wasm')).toBe('webgl');
  });

  it('ignores failed backends and counts the rate a too-slow one reached', () => {
    const rates: BackendRate[] = [
      { backend: 'webgpu', software: true, status: 'failed', reason: 'no adapter' },
      { backend: 'webgl', software: true, status: 'tooSlow', stepsPerS: 3 },
      { backend: 'wasm', software: false, status: 'tooSlow' },
    ];
    expect(chooseFastest(rates, 'wasm')).toBe('webgl');
  });

  it('keeps the current backend when nothing was measured', () => {
    expect(chooseFastest([], 'cpu')).toBe('cpu');
    expect(chooseFastest([{ backend: 'webgpu', software: false, status: 'tooSlow' }], 'wasm')).toBe('wasm');
  });

  it('breaks a tie by the chain order and rejects non-finite or zero rates', () => {
    expect(chooseFastest([measured('wasm', 20), measured('webgl', 20)], 'wasm')).toBe('webgl');
    expect(
      chooseFastest([measured('webgl', Number.NaN), measured('wasm', 0), measured('cpu', 2)], 'wasm'),
    ).toBe('cpu');
  });
});

describe('nextSlice', () => {
  it('shares what is left evenly among the backends still to measure', () => {
    expect(nextSlice(1500, 3)).toBe(500);
    expect(nextSlice(1200, 2)).toBe(600); // the first backend finished early
    expect(nextSlice(-20, 1)).toBe(0);
    expect(nextSlice(800, 0)).toBe(0);
  });
});

describe('taskShapeKey', () => {
  const base: ExperimentConfig = {
    task: { kind: 'mnist', model: 'mlp', hidden: [128, 64], activation: 'relu', batchSize: 64 } as never,
    runs: [
      { id: 'adam', label: 'Adam', spec: { name: 'adam', lr: 1e-3 } as never },
      { id: 'sadam', label: 'Sadam', spec: { name: 'sadam', lr: 1e-2 } as never },
    ],
    seeds: { data: 1, init: 2, batches: 3 } as never,
  };

  it('depends on the task and the number of runs, not on hyperparameters, seeds or key order', () => {
    const key = taskShapeKey(base);
    const sameShape = {
      ...base,
      task: { batchSize: 64, activation: 'relu', hidden: [128, 64], model: 'mlp', kind: 'mnist' } as never,
      runs: base.runs.map((r) => ({ ...r, spec: { ...r.spec, lr: 0.5 } })),
    };
    expect(taskShapeKey(sameShape)).toBe(key);
    expect(taskShapeKey({ ...base, runs: base.runs.slice(0, 1) })).not.toBe(key);
    expect(taskShapeKey({ ...base, task: { ...base.task, batchSize: 32 } as never })).not.toBe(key);
  });
});
