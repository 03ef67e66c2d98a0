import { describe, expect, it } from 'vitest';
import type { SelfCheckCase, SelfCheckReport } from '../optim/self-check-types';
import { summariseReport } from './verify-summary';

const ok: SelfCheckCase = {
  id: 'adam-official',
  maxParamAbsErr: 1e-7,
  maxAlrRelErr: 2e-6,
  passed: true,
  fused: true,
};
const bad: SelfCheckCase = {
  id: 'sadam-textbook',
  maxParamAbsErr: 0.5,
  maxAlrRelErr: Number.NaN,
  passed: false,
  fused: true,
};
const report = (cases: SelfCheckCase[], extra: Partial<SelfCheckReport> = {}): SelfCheckReport => ({
  backend: 'wasm',
  passed: cases.every((c) => c.passed),
  cases,
  tensorsLeaked: 0,
  fusedKernel: true,
  stepLeak: 0,
  ...extra,
});

describe('summariseReport', () => {
  it('says N/N when everything passed', () => {
    expect(summariseReport(report([ok, ok]), 'WASM')).toEqual({
      passed: true,
      headline: '2/2 checks passed on WASM',
      problems: [],
    });
  });
  it('names the failing case and its errors', () => {
    const s = summariseReport(report([ok, bad]), 'WebGPU');
    expect(s.passed).toBe(false);
    expect(s.headline).toBe('1/2 checks passed on WebGPU');
    expect(s.problems).toEqual(['sadam-textbook: max parameter error 5.00e-1, max A-LR relative error NaN']);
  });
  it('fails on leaked tensors and on an empty report', () => {
    expect(summariseReport(report([ok], { tensorsLeaked: 3 }), 'CPU').problems).toEqual([
      '3 tensor(s) leaked',
    ]);
    expect(summariseReport(report([]), 'CPU').passed).toBe(false);
  });
  it('trusts a report that says it failed', () => {
    expect(summariseReport(report([ok], { passed: false }), 'CPU').passed).toBe(false);
  });
});
