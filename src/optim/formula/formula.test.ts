import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type GoldenFile, maxAbsDiff, maxRelDiff, specOfGoldenCase } from '../golden';
import goldenJson from '../golden-public.fixture.json';
import { softplus64 } from '../reference';
import { resolveSpec } from '../spec';
import { NODE_BACKENDS, useBackend } from '../testing/node-backends';
import { runTrajectory } from '../trajectory';
import { CHECK_Z, checkFormula, compileFormula, evaluatePhi, FLOAT32 } from './evaluate';
import { describeFormulaProblem } from './messages';
import { parseFormula, withParams } from './parse';
import { phiTensor } from './tf-evaluate';

const golden = goldenJson as unknown as GoldenFile;

function refusal(text: string) {
  const result = checkFormula(text);
  if (result.ok) throw new Error(`expected ${text} to be refused`);
  return result.problem;
}

describe('parsing', () => {
  it('follows the usual precedence: ^ binds tighter than unary minus, and is right-associative', () => {
    const at = (text: string, z = 2) => evaluatePhi(parseFormula(text), z);
    expect(at('1 + 2 * 3')).toBe(7);
    expect(at('(1 + 2) * 3')).toBe(9);
    expect(at('2^3^2')).toBe(512);
    expect(at('-z^2')).toBe(-4);
    expect(at('2^-1')).toBe(0.5);
    expect(at('8 / 4 / 2')).toBe(1);
    expect(at('10 - 4 - 3')).toBe(3);
    expect(at('z × 3 ÷ 2 − 1')).toBe(2);
    expect(at('max(z, 5) + min(z, 5) + abs(-3) + sqrt(16)')).toBe(14);
    expect(at('log(exp(z)) + log1p(0)')).toBeCloseTo(2, 15);
  });

  it('reads parameters with their values after “;”, defaulting to 1, in order of first use', () => {
    const p = parseFormula('a*z + b + a; b = 2.5; a = -3e-1');
    expect(p.params).toEqual([
      { name: 'a', value: -0.3 },
      { name: 'b', value: 2.5 },
    ]);
    expect(evaluatePhi(p, 2)).toBeCloseTo(-0.3 * 2 + 2.5 - 0.3, 15);
    expect(parseFormula('log(1+exp(b*z))/b').params).toEqual([{ name: 'b', value: 1 }]);
  });

  it('writes slider values back as text that parses to the same tree', () => {
    const p = parseFormula('log(1 + exp(b*z))/b; b = 50');
    const text = withParams(p, { b: 7 });
    expect(text).toBe('log(1 + exp(b*z))/b; b = 7');
    expect(parseFormula(text).params).toEqual([{ name: 'b', value: 7 }]);
  });

  it('says where and why a formula does not parse', () => {
    expect(refusal('z + * 2')).toMatchObject({ code: 'unexpectedToken', at: 4 });
    expect(refusal('(z + 1')).toMatchObject({ code: 'unexpectedEnd' });
    expect(refusal('foo(z)')).toMatchObject({ code: 'unknownFunction', at: 0, params: { name: 'foo' } });
    expect(refusal('max(z)')).toMatchObject({ code: 'arity', params: { expected: 2, got: 1 } });
    expect(refusal('z $ 2')).toMatchObject({ code: 'unexpectedChar', at: 2, params: { found: '$' } });
    expect(refusal('2b*z')).toMatchObject({ code: 'badNumber', at: 0 });
    expect(refusal('1e999 + z')).toMatchObject({ code: 'badNumber', at: 0 });
    expect(refusal('z; z = 2')).toMatchObject({ code: 'reservedName', at: 3 });
    expect(refusal('b*z; b = 2; b = 3')).toMatchObject({ code: 'duplicateParam', at: 12 });
    expect(refusal('   ')).toMatchObject({ code: 'empty' });
    expect(describeFormulaProblem(refusal('z + * 2'))).toBe(
      'at column 5: expected a number, z, a name or “(”, found “*”',
    );
  });
});

describe('the check on z ≥ 0', () => {
  it('accepts the issue’s examples', () => {
    for (const text of ['log(1+exp(b*z))/b', 'max(z, 1e-2)', '(z+1e-8)^0.25', 'z + eps; eps = 1e-8', '1'])
      expect(checkFormula(text).ok, text).toBe(true);
  });

  it('refuses a φ that reaches 0 or below, naming the z', () => {
    expect(refusal('z')).toMatchObject({ code: 'notPositive', params: { z: '0', value: '0' } });
    expect(refusal('1 - z')).toMatchObject({ code: 'notPositive', params: { z: '1.00' } });
  });

  it('refuses a φ that is not finite, pointing at the operation that broke', () => {
    const logOfZero = refusal('1 + log(z)');
    expect(logOfZero).toMatchObject({ code: 'nonFinite', at: 4, params: { part: 'log(…)', z: '0' } });
    expect(refusal('1 + 1/z')).toMatchObject({ code: 'nonFinite', at: 5, params: { part: '“/”' } });
    // Overflows float32 at z = 1000 (e^1000) though float64 would also say Infinity.
    expect(refusal('exp(z)')).toMatchObject({ code: 'nonFinite', at: 0, params: { part: 'exp(…)' } });
    // Fine in float64 (e^100), Infinity in float32: the worker computes in float32.
    expect(refusal('exp(z/10)')).toMatchObject({ code: 'nonFinite', at: 0 });
    expect(refusal('(z - 1)^0.5 + 1')).toMatchObject({ code: 'nonFinite', params: { part: '“^”' } });
  });

  it('refuses a φ so small that 1/φ overflows float32', () => {
    // 1e-300 is fine in float64 but 0 in float32, where the worker computes: φ(0) = 0.
    expect(refusal('1e-300 + z')).toMatchObject({ code: 'notPositive', params: { z: '0' } });
    expect(refusal('1e-39 + z*0')).toMatchObject({ code: 'tooSmall' });
  });

  it('accepts an intermediate overflow the result does not see', () => {
    expect(checkFormula('min(exp(b*z), 10); b = 100').ok).toBe(true);
  });

  it('evaluates log(1 + exp(x)) stably for any x (softplus rewrite)', () => {
    const p = compileFormula('log(1 + exp(b*z))/b; b = 50');
    for (const z of CHECK_Z) expect(evaluatePhi(p, z)).toBeCloseTo(softplus64(z, 50), 14);
    expect(evaluatePhi(compileFormula('log1p(exp(b*z))/b; b = 1e6'), 1e3)).toBeCloseTo(1e3, 9);
    expect(evaluatePhi(compileFormula('log(exp(b*z) + 1)/b; b = 1e6'), 1e3)).toBeCloseTo(1e3, 9);
    expect(evaluatePhi(p, 1e3, FLOAT32)).toBe(Math.fround(1e3));
  });
});

describe.each(NODE_BACKENDS)('tf evaluation on %s', (backend) => {
  beforeAll(() => useBackend(backend));

  it('matches the float64 evaluation to float32 precision, and leaks nothing', async () => {
    const z = [0, 1e-12, 1e-8, 1e-4, 0.01, 0.5, 1, 7, 1e3];
    for (const text of [
      'log(1 + exp(b*z))/b; b = 50',
      'max(z, 1e-2)',
      '(z+1e-8)^0.25',
      '-(-z) + 1e-8',
      'sqrt(z^2 + c^2) * abs(-2) / 2; c = 1e-3',
      'min(z, 3) + log1p(z) + exp(-z)',
      '2',
    ]) {
      const parsed = compileFormula(text);
      const before = tf.memory().numTensors;
      const out = tf.tidy(() => phiTensor(parsed, tf.tensor1d(z)));
      const values = await out.data();
      out.dispose();
      expect(tf.memory().numTensors, text).toBe(before);
      const expected = z.map((zi) => evaluatePhi(parsed, zi));
      expect(maxRelDiff(values, expected), text).toBeLessThan(2e-6);
    }
  });
});

describe.each(NODE_BACKENDS)(
  'preset formulas reproduce the built-in rules on %s (golden cases)',
  (backend) => {
    beforeAll(() => useBackend(backend));

    // The custom rule keeps Adam's moments without a running max: the AMS cases are the built-ins' own.
    for (const c of golden.cases.filter(
      (g) => !g.amsgrad && (g.optimizer === 'adam' || g.optimizer === 'sadam'),
    )) {
      it(`${c.id} as a custom φ`, async () => {
        const builtIn = specOfGoldenCase(c);
        const phi =
          builtIn.name === 'sadam'
            ? `log(1 + exp(b*z))/b; b = ${builtIn.softplusBeta}`
            : `z + eps; eps = ${builtIn.eps}`;
        const problem = golden.problems[c.problem];
        if (!problem) throw new Error(`missing problem ${c.problem}`);
        const custom = resolveSpec({ ...builtIn, name: 'custom', phi });
        const before = tf.memory().numTensors;
        const fixed = { kind: 'fixed' as const, x0: problem.x0, grads: problem.grads };
        const mine = await runTrajectory(custom, fixed, problem.steps);
        expect(tf.memory().numTensors).toBe(before);
        for (let k = 0; k < problem.steps; k++) {
          expect(
            maxAbsDiff(mine.params[k] ?? [], c.float32.params[k] ?? []),
            `params step ${k + 1}`,
          ).toBeLessThan(1e-5);
          expect(maxRelDiff(mine.alr[k] ?? [], c.float32.alr[k] ?? []), `A-LR step ${k + 1}`).toBeLessThan(
            1e-5,
          );
        }
      });
    }
  },
);
