import { describe, expect, it } from 'vitest';
import { sceneById } from '../engine/scenes';
import { DEFAULT_PHI } from '../optim/spec';
import { parseArgs } from './args';
import { experimentWithRuns } from './scene-runs';

const fig1 = sceneById('fig1-mnist');
if (!fig1) throw new Error('scene');

describe('headless runs from --run and --phi', () => {
  it('reads --run (repeatable) and --phi as given', () => {
    const args = parseArgs([
      '--scene',
      'fig1-mnist',
      '--run',
      'a:adam',
      '--run',
      'c:custom,lr=0.02',
      '--phi',
      'max(z, 1e-2)',
    ]);
    expect(args).toMatchObject({ runs: ['a:adam', 'c:custom,lr=0.02'], phi: 'max(z, 1e-2)' });
    const e = experimentWithRuns(fig1.experiment, args.runs, args.phi);
    expect(e.runs.map((r) => [r.id, r.spec.name, r.spec.lr, r.spec.phi])).toEqual([
      ['a', 'adam', 1e-3, DEFAULT_PHI],
      ['c', 'custom', 0.02, 'max(z, 1e-2)'],
    ]);
    expect(e.task).toEqual(fig1.experiment.task);
  });

  it('adds a custom run to the scene’s when --phi comes alone, leaving the scene untouched', () => {
    const e = experimentWithRuns(fig1.experiment, undefined, 'log(1+exp(b*z))/b; b = 20');
    expect(e.runs.map((r) => r.spec.name)).toEqual([
      ...fig1.experiment.runs.map((r) => r.spec.name),
      'custom',
    ]);
    expect(e.runs.at(-1)).toMatchObject({
      label: 'φ = log(1+exp(b*z))/b',
      spec: { phi: 'log(1+exp(b*z))/b; b = 20' },
    });
    expect(fig1.experiment.runs.some((r) => r.spec.name === 'custom')).toBe(false);
  });

  it('refuses a bad formula or run spec with a message that says where and why', () => {
    expect(() => experimentWithRuns(fig1.experiment, undefined, 'log(z)')).toThrow(
      '--phi is refused: at column 1 (log(…)): the value is -Infinity at z = 0',
    );
    expect(() => experimentWithRuns(fig1.experiment, ['x:adamz'], undefined)).toThrow(/unknown optimizer/);
    expect(() => experimentWithRuns(fig1.experiment, ['x:custom,phi=z'], undefined)).toThrow(
      /the φ formula of run x is refused: φ\(0\) = 0/,
    );
    expect(() =>
      experimentWithRuns(fig1.experiment, ['a:adam', 'b:sadam', 'c:sgdm', 'd:yogi'], 'z+1'),
    ).toThrow(/already has 4 runs/);
  });
});
