import { describe, expect, it } from 'vitest';
import { logHistogram } from '../stats/histogram';
import { awaitsFirstStep, staleEvaluation } from './run-status';

const run = (alr: number[], divergedAt: number | null = null) => {
  const field = Float32Array.from(alr);
  return { alr: field, divergedAt, histogram: logHistogram(field) };
};

describe('run status', () => {
  it('tells a run before its first step from a broken one', () => {
    expect(awaitsFirstStep(run([NaN, NaN, NaN]))).toBe(true);
    expect(awaitsFirstStep(run([NaN, 1e8, 72]))).toBe(false);
    expect(awaitsFirstStep(run([NaN, NaN], 12))).toBe(false); // diverged: NaN is a failure here
    expect(awaitsFirstStep(run([]))).toBe(false);
  });

  it('names the step of an evaluation only when it is not the current one', () => {
    expect(staleEvaluation({ step: 160, evaluatedAt: 0 })).toBe(0);
    expect(staleEvaluation({ step: 160, evaluatedAt: 160 })).toBeNull();
    expect(staleEvaluation({ step: 160 })).toBeNull();
  });
});
