// The backend panel's list of Auto's rates: fastest first, then those without a rate (not started on
// purpose before failed), each through its own string.
import { describe, expect, it } from 'vitest';
import type { BackendRate } from '../engine/auto-choice';
import { rateText, sortedRates } from './backend-rates';

const rates: BackendRate[] = [
  { backend: 'webgpu', software: true, status: 'notStarted', why: 'softwareWebGpu' },
  { backend: 'cpu', software: false, status: 'failed', reason: 'no' },
  { backend: 'webgl', software: true, status: 'tooSlow' },
  { backend: 'wasm', software: false, status: 'measured', stepsPerS: 52.4, steps: 16 },
  { backend: 'webgl', software: false, status: 'tooSlow', stepsPerS: 3.42 },
];

const t = ((key: string, params?: Record<string, string>) =>
  `${key}(${Object.values(params ?? {}).join(', ')})`) as Parameters<typeof rateText>[1];

describe('the measured rates in the backend panel', () => {
  it('lists the fastest first and the ones without a rate last', () => {
    expect(sortedRates(rates).map((r) => `${r.backend}:${r.status}`)).toEqual([
      'wasm:measured',
      'webgl:tooSlow',
      'webgl:tooSlow',
      'webgpu:notStarted',
      'cpu:failed',
    ]);
  });

  it('says why a backend has no rate', () => {
    expect(rates.map((r) => rateText(r, t))).toEqual([
      'backend.rateNotStarted(backend.softwareName(WebGPU))',
      'backend.rateFailed(CPU)',
      'backend.rateTooSlow(backend.softwareName(WebGL))',
      'backend.rate(WASM, 52)',
      'backend.rateReached(WebGL, 3.4)',
    ]);
  });
});
