import { describe, expect, it } from 'vitest';
import { defaultSpec } from '../../optim/spec';
import { alrBound } from './bound';

describe('alrBound', () => {
  it('is 1/ε for Adam and AMSGrad', () => {
    expect(alrBound({ ...defaultSpec('adam'), eps: 1e-8 })).toEqual({ value: 1e8, label: '1/ε = 10⁸' });
    expect(alrBound({ ...defaultSpec('amsgrad'), eps: 1e-3 }).value).toBe(1000);
  });

  it('is β/ln 2 for Sadam and SAMSGrad (72.13 at β = 50)', () => {
    const b = alrBound({ ...defaultSpec('sadam'), softplusBeta: 50 });
    expect(b.value).toBeCloseTo(72.1348, 4);
    expect(b.label).toBe('β/ln 2 = 72.1');
    expect(alrBound({ ...defaultSpec('samsgrad'), softplusBeta: 10 }).value).toBeCloseTo(10 / Math.LN2, 12);
  });

  it('is 1 for SGD-momentum', () => {
    expect(alrBound(defaultSpec('sgdm'))).toEqual({ value: 1, label: 'A-LR ≡ 1' });
  });

  it('is the largest 1/φ for a custom formula (1/φ(0) for a non-decreasing φ)', () => {
    expect(alrBound({ ...defaultSpec('custom'), phi: 'max(z, 1e-2)' })).toEqual({
      value: 100,
      label: 'max 1/φ = 100',
    });
    expect(alrBound(defaultSpec('custom')).value).toBeCloseTo(50 / Math.LN2, 9);
  });
});
