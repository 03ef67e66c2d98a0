// Hostile φ formulas: random token soup, huge, deeply nested and non-finite ones. Every one must come
// back as a verdict (a usable formula or a refusal with a code and a message), never a crash or a hang;
// every accepted one must really be finite and > 0 on the check points in float32.

import { describe, expect, it } from 'vitest';
import { createRandom } from '../../engine/random';
import { CHECK_Z, checkFormula, evaluatePhi, FLOAT32 } from './evaluate';
import { describeFormulaProblem, FORMULA_EN } from './messages';
import { FORMULA_LIMITS } from './parse';

const PIECES = [
  'z',
  'b',
  'eps',
  '1',
  '0',
  '2.5',
  '1e-8',
  '1e308',
  '1e999',
  '.5',
  '1.',
  'e',
  '-',
  '+',
  '*',
  '/',
  '^',
  '(',
  ')',
  ',',
  ';',
  '=',
  'exp(',
  'log(',
  'log1p(',
  'sqrt(',
  'min(',
  'max(',
  'abs(',
  'foo(',
  ' ',
  '−',
  '×',
  '÷',
  '$',
  '\u0000',
  '😀',
  'constructor',
  '__proto__',
  'NaN',
  'Infinity',
  'z;b=50',
  '; b = -3',
];

function verdict(text: string) {
  const result = checkFormula(text);
  if (result.ok) {
    for (const z of CHECK_Z) {
      const phi = evaluatePhi(result.formula, z, FLOAT32);
      expect(Number.isFinite(phi) && phi > 0, `${JSON.stringify(text)} at z=${z}`).toBe(true);
    }
  } else {
    expect(Object.keys(FORMULA_EN)).toContain(`formula.${result.problem.code}`);
    const message = describeFormulaProblem(result.problem);
    expect(message).not.toMatch(/\{\w+\}/); // every placeholder filled
    if (result.problem.at !== undefined) {
      expect(result.problem.at).toBeGreaterThanOrEqual(0);
      expect(result.problem.at).toBeLessThanOrEqual(text.length);
    }
  }
  return result.ok;
}

describe('φ formula fuzz', () => {
  it('gives 3000 random token strings a verdict each, with no crash', () => {
    const random = createRandom(15);
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const n = 1 + Math.floor(random() * 14);
      let text = '';
      for (let k = 0; k < n; k++) text += PIECES[Math.floor(random() * PIECES.length)];
      if (verdict(text)) accepted++;
    }
    // Some random strings are usable formulas (e.g. "1", "2.5+z"): the suite exercises both branches.
    expect(accepted).toBeGreaterThan(10);
    expect(accepted).toBeLessThan(3000);
  });

  it('refuses huge and deeply nested formulas quickly, with the limit in the message', () => {
    const cases: [string, string][] = [
      [`${'z+'.repeat(5000)}1`, 'tooLong'],
      [`${'('.repeat(100)}z+1${')'.repeat(100)}`, 'tooDeep'],
      [`${'-'.repeat(60)}1`, 'tooDeep'],
      [`${'exp('.repeat(40)}z${')'.repeat(40)}`, 'tooDeep'],
      [`${'2^'.repeat(40)}1`, 'tooDeep'],
      [Array.from({ length: 100 }, () => 'z').join('+'), 'tooBig'],
      [Array.from({ length: 9 }, (_, i) => `p${i}`).join('+'), 'tooManyParams'],
      [`${'b'.repeat(FORMULA_LIMITS.name + 1)} + z`, 'nameTooLong'],
    ];
    for (const [text, code] of cases) {
      const started = performance.now();
      const result = checkFormula(text);
      expect(performance.now() - started, text.slice(0, 20)).toBeLessThan(500);
      expect(result.ok ? 'accepted' : result.problem.code, text.slice(0, 20)).toBe(code);
      verdict(text);
    }
  });

  it('refuses non-finite and non-positive φ wherever they break', () => {
    for (const text of [
      'exp(exp(z))',
      'z^-1',
      '1/(z-1)',
      'log(z - 1)',
      'sqrt(-1 - z)',
      '0*z',
      '-1',
      '1 - exp(z)',
      '1e38*1e38 + z',
      'max(z, 0)',
      'sin(z)',
      'b; b = 0',
    ])
      expect(verdict(text), text).toBe(false);
  });

  it('never reads a prototype key as a function or a parameter value', () => {
    expect(checkFormula('constructor(z)')).toMatchObject({ ok: false, problem: { code: 'unknownFunction' } });
    expect(checkFormula('constructor + z').ok).toBe(true);
    const proto = checkFormula('__proto__ + z');
    expect(proto.ok).toBe(true); // just a parameter named __proto__, value 1
    if (proto.ok) expect(evaluatePhi(proto.formula, 0)).toBe(1);
  });
});
