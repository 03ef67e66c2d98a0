// Why a φ formula was refused, as a typed code with parameters (the UI translates it by code; the
// headless runner and the URL notices use the English templates here). Plain TypeScript, no tfjs.

/** English templates; `{name}` placeholders are filled from the problem's fields. */
export const FORMULA_EN = {
  'formula.empty': 'the formula is empty',
  'formula.tooLong': 'the formula is {length} characters long; at most {max} are allowed',
  'formula.tooDeep': 'at column {column}: the formula nests deeper than {max} levels',
  'formula.tooBig': 'the formula has more than {max} parts (numbers, names, operators)',
  'formula.unexpectedChar': 'at column {column}: “{found}” is not allowed in a formula',
  'formula.unexpectedToken': 'at column {column}: expected {expected}, found “{found}”',
  'formula.unexpectedEnd': 'the formula ends too early: expected {expected}',
  'formula.unknownFunction':
    'at column {column}: unknown function “{name}” (allowed: exp, log, log1p, sqrt, min, max, abs)',
  'formula.arity': 'at column {column}: {name} takes {expected} argument(s), got {got}',
  'formula.badNumber': 'at column {column}: “{found}” is not a finite number',
  'formula.reservedName': 'at column {column}: “{name}” is a function or z and cannot be a parameter',
  'formula.duplicateParam': 'at column {column}: the parameter “{name}” is set twice',
  'formula.tooManyParams': 'the formula has more than {max} parameters',
  'formula.nameTooLong': 'at column {column}: the name “{name}” is longer than {max} characters',
  'formula.nonFinite':
    'at column {column} ({part}): the value is {value} at z = {z}; φ must be finite for every z ≥ 0',
  'formula.notPositive': 'φ({z}) = {value}: φ must be > 0 for every z ≥ 0 (the A-LR is 1/φ)',
  'formula.tooSmall': 'φ({z}) = {value} is so small that the A-LR 1/φ overflows float32',
  'formula.internal': 'the formula could not be read ({reason})',
} as const;

export type FormulaCode = keyof typeof FORMULA_EN extends `formula.${infer C}` ? C : never;

/** A refusal: its code, the 0-based character position when it has one, and the template's values. */
export interface FormulaProblem {
  code: FormulaCode;
  /** 0-based index into the formula text (shown as column at + 1). */
  at?: number;
  params: Record<string, string | number>;
}

export class FormulaError extends Error {
  override name = 'FormulaError';
  constructor(readonly problem: FormulaProblem) {
    super(describeFormulaProblem(problem));
  }
}

/** The template's placeholder values, the 1-based column included. */
export function problemVars(problem: FormulaProblem): Record<string, string | number> {
  return problem.at === undefined ? problem.params : { ...problem.params, column: problem.at + 1 };
}

/** The English message for a problem (headless runner, URL notices, errors). */
export function describeFormulaProblem(problem: FormulaProblem): string {
  const vars = problemVars(problem);
  return FORMULA_EN[`formula.${problem.code}`].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}
