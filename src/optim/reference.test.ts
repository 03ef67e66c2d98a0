import { describe, expect, it } from 'vitest';
import { type GoldenFile, maxRelDiff, specOfGoldenCase } from './golden';
import goldenJson from './golden-public.fixture.json';
import { referenceTrajectory, rosenbrockGradient64, softplus64 } from './reference';
import { resolveSpec } from './spec';

const golden = goldenJson as unknown as GoldenFile;

describe('float64 reference vs golden trajectories', () => {
  for (const c of golden.cases) {
    it(`${c.id} matches every float64 array to 1e-9 relative`, () => {
      const problem = golden.problems[c.problem];
      if (!problem) throw new Error(`missing problem ${c.problem}`);
      const ref = referenceTrajectory(
        specOfGoldenCase(c),
        problem.x0,
        (_x, k) => problem.grads[k] ?? [],
        problem.steps,
      );
      for (let k = 0; k < problem.steps; k++) {
        for (const field of ['params', 'alr', 'eff_step', 'm', 'v'] as const) {
          const mine = field === 'eff_step' ? ref.effStep[k] : ref[field][k];
          const rel = maxRelDiff(mine ?? [], c.float64[field][k] ?? []);
          expect(rel, `${field} at step ${k + 1}`).toBeLessThan(1e-9);
        }
      }
    });
  }
});

describe('softplus64', () => {
  it('is log(1 + e^{βz})/β where that is finite, and z beyond overflow', () => {
    expect(softplus64(0, 50)).toBeCloseTo(Math.LN2 / 50, 15);
    expect(softplus64(0.01, 10)).toBeCloseTo(Math.log(1 + Math.exp(0.1)) / 10, 15);
    expect(softplus64(1e6, 100)).toBe(1e6);
  });
});

describe('reference bounds the paper relies on', () => {
  it("Adam's A-LR sits at 1/ε on a coordinate whose gradient is always 0; Sadam's at β/ln 2", () => {
    const zeroGrad = () => [0, 1];
    const adam = referenceTrajectory(resolveSpec({ name: 'adam', eps: 1e-8 }), [1, 1], zeroGrad, 5);
    const sadam = referenceTrajectory(resolveSpec({ name: 'sadam', softplusBeta: 50 }), [1, 1], zeroGrad, 5);
    expect(adam.alr[4]?.[0]).toBeCloseTo(1e8, 0);
    expect(sadam.alr[4]?.[0]).toBeCloseTo(50 / Math.LN2, 9);
  });

  it('SGD-momentum has A-LR 1 everywhere and moves by lr·buf', () => {
    const ref = referenceTrajectory(resolveSpec({ name: 'sgdm', lr: 0.1, beta1: 0.9 }), [0], () => [1], 2);
    expect(ref.alr[1]).toEqual([1]);
    // buf1 = 1, x1 = -0.1; buf2 = 0.9 + 1 = 1.9, x2 = -0.1 - 0.19.
    expect(ref.params[1]?.[0]).toBeCloseTo(-0.29, 12);
  });

  it('Rosenbrock gradient is exact', () => {
    const [gx1, gy1] = rosenbrockGradient64([1, 1]);
    expect(Math.abs(gx1) + Math.abs(gy1)).toBe(0);
    const [gx, gy] = rosenbrockGradient64([-1.5, 2]);
    expect(gx).toBeCloseTo(-2 * 2.5 - 400 * -1.5 * (2 - 2.25), 12);
    expect(gy).toBeCloseTo(200 * (2 - 2.25), 12);
  });
});
