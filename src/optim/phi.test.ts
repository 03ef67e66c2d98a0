import { describe, expect, it } from 'vitest';
import { invertPhi, isNonDecreasing, phiFunction } from './phi';
import { createReferenceState, referenceStep } from './reference';
import type { OptimizerSpecInput } from './spec';
import { OPTIMIZER_NAMES, resolveSpec } from './spec';
import { otherRulesGrid } from './testing/grid';

const GRADS = [
  [0.3, -1e-4, 0, 2.5],
  [-0.2, 3e-4, 0, 1.5],
  [0.1, -2e-4, 0, -4],
  [0.05, 1e-4, 0, 0.5],
];

describe('φ of every rule', () => {
  // 1/φ(z) at the root the denominator reads must be the A-LR the float64 reference computes.
  const specs = [
    ...OPTIMIZER_NAMES.map((name) => resolveSpec({ name })),
    ...otherRulesGrid(),
    ...(['adam', 'amsgrad', 'sadam', 'samsgrad'] as const).map((name) =>
      resolveSpec({ name, convention: 'textbook', softplusBeta: 7 } as OptimizerSpecInput),
    ),
  ];
  it.each(specs.map((s) => [`${s.name} ${s.convention} ${s.name === 'custom' ? s.phi : ''}`, s]))(
    '%s: 1/φ(z) is the reference A-LR at every step',
    (_label, spec) => {
      const state = createReferenceState(4);
      let x: Float64Array = new Float64Array([1, -1, 0.5, 2]);
      for (let k = 0; k < GRADS.length; k++) {
        const out = referenceStep(spec, state, x, new Float64Array(GRADS[k] as number[]));
        x = out.x;
        const t = state.t;
        const ams = ['amsgrad', 'samsgrad', 'padam', 'amsbound'].includes(spec.name);
        const textbook =
          spec.convention === 'textbook' && !['sgdm', 'adagrad', 'rmsprop'].includes(spec.name);
        const phi = phiFunction(spec, t);
        if (!phi) throw new Error('no φ');
        for (let i = 0; i < 4; i++) {
          const vv = ams ? (state.vmax[i] as number) : (state.v[i] as number);
          const z = Math.sqrt(textbook ? vv / (1 - spec.beta2 ** t) : vv);
          expect(1 / phi(z)).toBeCloseTo(
            out.alr[i] as number,
            12 - Math.ceil(Math.log10(Math.max(1, out.alr[i] as number))),
          );
        }
      }
    },
  );

  it('inverts a non-decreasing φ, with 0 where φ(0) already reaches the target', () => {
    const adam = phiFunction(resolveSpec({ name: 'adam' }), 1);
    const sadam = phiFunction(resolveSpec({ name: 'sadam' }), 1);
    if (!adam || !sadam) throw new Error('no φ');
    for (const z of [1e-9, 1e-6, 0.01, 3]) {
      expect(invertPhi(adam, adam(z)) / z).toBeCloseTo(1, 6);
      // Near z = 0 softplus is flat (φ'(0) = 1/2): z is recoverable only where φ still moves.
      if (z >= 0.01) expect(invertPhi(sadam, sadam(z)) / z).toBeCloseTo(1, 6);
    }
    expect(invertPhi(adam, 1e-8)).toBe(0);
    expect(invertPhi(adam, 1e-9)).toBe(0);
    expect(isNonDecreasing(adam, [0, 1e-8, 1, 10])).toBe(true);
    const bump = phiFunction(resolveSpec({ name: 'custom', phi: '1 + abs(z - 1)' }), 1);
    if (!bump) throw new Error('no φ');
    expect(isNonDecreasing(bump, [0, 0.5, 1, 2])).toBe(false);
  });
});
