import { describe, expect, it } from 'vitest';
import { addedRunSuffix, defaultLabel, followLabel, isDerivedLabel, labelNumber } from './run-label';

const sadam = { name: 'sadam', lr: 1e-2, softplusBeta: 50 } as const;
const adam = { name: 'adam', lr: 1e-3, eps: 1e-8 } as const;

describe('labelNumber', () => {
  it('writes numbers the way the scenes do', () => {
    expect([50, 52.5, 0.02, 1e-8, 1e-3, 2.5e-4, 72.13475, 1e6].map(labelNumber)).toEqual([
      '50',
      '52.5',
      '0.02',
      '1e-8',
      '1e-3',
      '2.5e-4',
      '72.1',
      '1e6',
    ]);
  });
});

describe('followLabel', () => {
  it('re-renders the settings a derived label names', () => {
    expect(followLabel('Sadam β=50', sadam, { ...sadam, softplusBeta: 52.5 })).toBe('Sadam β=52.5');
    expect(followLabel('Adam ε=1e-8', adam, { ...adam, eps: 1e-3 })).toBe('Adam ε=1e-3');
    expect(
      followLabel(
        'SAMSGrad β=50 (#3)',
        { ...sadam, name: 'samsgrad' },
        { ...sadam, name: 'samsgrad', softplusBeta: 7 },
      ),
    ).toBe('SAMSGrad β=7 (#3)');
  });

  it('leaves a label that names nothing that changed as it is', () => {
    expect(followLabel('Adam', adam, { ...adam, eps: 1e-3 })).toBe('Adam');
    expect(followLabel('Sadam β=50', sadam, { ...sadam, lr: 0.5 })).toBe('Sadam β=50');
  });

  it('follows a change of optimizer: the new rule’s name, its β for a softplus rule', () => {
    expect(followLabel('Adam', adam, { ...adam, name: 'sadam' })).toBe('Sadam β=50');
    expect(followLabel('Sadam β=50', sadam, { ...sadam, name: 'adam' })).toBe('Adam');
    expect(followLabel('Sadam β=50', sadam, { ...sadam, name: 'samsgrad' })).toBe('SAMSGrad β=50');
  });

  it('keeps free text, and a label whose numbers do not match its spec, as they are', () => {
    expect(followLabel('Adam → Sadam', adam, { ...adam, name: 'sadam' })).toBe('Adam → Sadam');
    expect(followLabel('my run', sadam, { ...sadam, softplusBeta: 9 })).toBe('my run');
    expect(followLabel('Sadam β=7', sadam, { ...sadam, softplusBeta: 9 })).toBe('Sadam β=7');
    expect(followLabel('Sadam β=50 fast', sadam, { ...sadam, softplusBeta: 9 })).toBe('Sadam β=50 fast');
  });

  it('is path-independent for changes of the named settings', () => {
    const a = followLabel('Sadam β=50', sadam, { ...sadam, softplusBeta: 10 });
    const b = followLabel(a, { ...sadam, softplusBeta: 10 }, { ...sadam, softplusBeta: 52.5 });
    expect(b).toBe(followLabel('Sadam β=50', sadam, { ...sadam, softplusBeta: 52.5 }));
  });
});

describe('isDerivedLabel / defaultLabel', () => {
  it('tells derived labels from free text', () => {
    expect(isDerivedLabel('Sadam β=50', sadam)).toBe(true);
    expect(isDerivedLabel('Sadam', sadam)).toBe(true);
    expect(isDerivedLabel('Sadam β=49', sadam)).toBe(false);
    expect(isDerivedLabel('Adam → Sadam', adam)).toBe(false);
    expect(isDerivedLabel('Adam', { name: 'adam', lr: -1 })).toBe(true); // an invalid spec: the rule's name
  });

  it('names β for softplus rules and ε when it is not the default', () => {
    expect(defaultLabel(sadam)).toBe('Sadam β=50');
    expect(defaultLabel(adam)).toBe('Adam');
    expect(defaultLabel({ ...adam, eps: 1e-3 })).toBe('Adam ε=1e-3');
    expect(defaultLabel({ name: 'sgdm', lr: 0.1 })).toBe('S-Momentum');
    expect(defaultLabel({ name: 'samsgrad', lr: 1e-2, softplusBeta: 50 }, addedRunSuffix('run3'))).toBe(
      'SAMSGrad β=50 (#3)',
    );
    expect(addedRunSuffix('adam')).toBe('');
  });
});
