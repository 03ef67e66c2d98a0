// The WebGL programs' text, checked without a GPU (the arithmetic itself is checked on WebGL by the
// in-browser self-check, e2e/self-check.spec.ts): every number is a uniform, so no hyperparameter or
// step count reaches tfjs's shader cache key, and every uniform the GLSL uses is declared.
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules';
import { resolveSpec } from '../spec';
import { type FusedParams, fusedParams } from './params';
import {
  type FusedProgram,
  firstMomentProgram,
  runningMaxProgram,
  secondMomentProgram,
  stepProgram,
} from './webgl-programs';

const SHAPE = [784, 128];

function programsOf(p: FusedParams): FusedProgram[] {
  return [
    firstMomentProgram(SHAPE, p.weightDecay !== 0),
    secondMomentProgram(SHAPE, p.secondMode, p.weightDecay !== 0),
    ...(p.ams ? [runningMaxProgram(SHAPE)] : []),
    stepProgram(SHAPE, p.denominator, p.bounded),
  ];
}

const PARAM_NAMES = Object.keys(fusedParams(RULES.adam, resolveSpec({ name: 'adam' }), 1));

describe.each(
  (Object.keys(RULES) as (keyof typeof RULES)[]).filter((n) => RULES[n].denominator !== 'custom'),
)('WebGL fused programs for %s', (name) => {
  const rule = RULES[name];
  const a = fusedParams(rule, resolveSpec({ name, convention: 'textbook', weightDecay: 5e-4 }), 3);
  const b = fusedParams(
    rule,
    resolveSpec({
      name,
      lr: 0.5,
      beta1: 0.8,
      beta2: 0.95,
      eps: 1e-3,
      softplusBeta: 7,
      convention: 'textbook',
      weightDecay: 1e-2,
    }),
    90,
  );

  it('keeps every value out of the shader text (hyperparameter changes never compile a shader)', () => {
    const [pa, pb] = [programsOf(a), programsOf(b)];
    expect(pa.map((p) => p.userCode)).toEqual(pb.map((p) => p.userCode));
    expect(pa.map((p) => p.uniformValues(a))).not.toEqual(pb.map((p) => p.uniformValues(b)));
  });

  it('declares each FusedParams name its GLSL uses, with one value per uniform', () => {
    for (const program of programsOf(a)) {
      const declared = (program.customUniforms ?? []).map((u) => u.name);
      const used = PARAM_NAMES.filter((n) => new RegExp(`\\b${n}\\b`).test(program.userCode));
      expect(declared.sort()).toEqual(used.sort());
      expect(program.uniformValues(a).every((v) => v.length === 1 && Number.isFinite(v[0]))).toBe(true);
    }
  });
});

describe('WebGL moment programs without weight decay', () => {
  const sadam = fusedParams(RULES.sadam, resolveSpec({ name: 'sadam' }), 1);
  const decayed = fusedParams(RULES.sadam, resolveSpec({ name: 'sadam', weightDecay: 5e-4 }), 1);

  it('do not read x (one texture less each) and take no weight-decay uniform', () => {
    expect(sadam.weightDecay).toBe(0);
    for (const program of programsOf(sadam).slice(0, 2)) {
      expect(program.variableNames).not.toContain('X');
      expect(program.userCode).not.toMatch(/getXAtOutCoords|weightDecay/);
    }
  });

  it('fold coupled L2 in when it is set, reading x', () => {
    for (const program of programsOf(decayed).slice(0, 2)) {
      expect(program.variableNames).toContain('X');
      expect(program.userCode).toMatch(/weightDecay \* getXAtOutCoords\(\)/);
    }
  });
});
