// φ formulas evaluated in plain JS (float64, or float32 emulated with Math.fround after every
// operation), and the check that refuses a φ that is not finite and > 0 where z = √v lives.
// Plain TypeScript: the UI's φ view and the URL codec use it; the worker uses tf-evaluate.ts.

import { FormulaError, type FormulaProblem } from './messages';
import { type FormulaNode, type ParsedFormula, parseFormula } from './parse';

export type Rounding = (x: number) => number;
const FLOAT64: Rounding = (x) => x;
export const FLOAT32: Rounding = Math.fround;

/** max(x, 0) + log1p(e^{−|x|}) = log(1 + e^x) without overflow. */
export function stableSoftplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

function apply(node: FormulaNode, values: number[], round: Rounding): number {
  const [a = Number.NaN, b = Number.NaN] = values;
  switch (node.kind) {
    case 'neg':
      return -a;
    case 'softplus':
      return round(Math.max(a, 0) + round(Math.log1p(round(Math.exp(-Math.abs(a))))));
    case 'bin':
      switch (node.op) {
        case '+':
          return round(a + b);
        case '-':
          return round(a - b);
        case '*':
          return round(a * b);
        case '/':
          return round(a / b);
        default:
          return round(a ** b);
      }
    case 'call':
      switch (node.fn) {
        case 'exp':
          return round(Math.exp(a));
        case 'log':
          return round(Math.log(a));
        case 'log1p':
          return round(Math.log1p(a));
        case 'sqrt':
          return round(Math.sqrt(a));
        case 'abs':
          return Math.abs(a);
        // NaN-propagating like tf.minimum / tf.maximum.
        case 'min':
          return Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : Math.min(a, b);
        default:
          return Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : Math.max(a, b);
      }
    default:
      return Number.NaN;
  }
}

function children(node: FormulaNode): FormulaNode[] {
  switch (node.kind) {
    case 'neg':
    case 'softplus':
      return [node.arg];
    case 'bin':
      return [node.left, node.right];
    case 'call':
      return node.args;
    default:
      return [];
  }
}

interface Trace {
  value: number;
  /** The first node (innermost) whose value became non-finite while its inputs were finite. */
  culprit: FormulaNode | null;
}

function walk(node: FormulaNode, z: number, params: Map<string, number>, round: Rounding): Trace {
  if (node.kind === 'num') return { value: round(node.value), culprit: null };
  if (node.kind === 'z') return { value: round(z), culprit: null };
  if (node.kind === 'param') return { value: round(params.get(node.name) ?? 1), culprit: null };
  const traces = children(node).map((c) => walk(c, z, params, round));
  const value = apply(
    node,
    traces.map((t) => t.value),
    round,
  );
  const inner = traces.find((t) => t.culprit)?.culprit ?? null;
  const culprit = inner ?? (Number.isFinite(value) ? null : node);
  return { value, culprit };
}

function paramMap(parsed: ParsedFormula): Map<string, number> {
  return new Map(parsed.params.map((p) => [p.name, p.value]));
}

/** φ(z) in float64 (or float32 with `FLOAT32`). */
export function evaluatePhi(parsed: ParsedFormula, z: number, round: Rounding = FLOAT64): number {
  return walk(parsed.tree, z, paramMap(parsed), round).value;
}

/** The z values a φ is checked at: 0, then 1e-12 … 1e3 log-spaced (4 per decade). */
export const CHECK_Z: readonly number[] = [0, ...Array.from({ length: 61 }, (_, i) => 10 ** (-12 + i / 4))];

const PART: Record<string, string> = { neg: 'unary minus', softplus: 'log(1 + exp(…))', num: 'number' };

function partName(node: FormulaNode): string {
  if (node.kind === 'bin') return `“${node.op}”`;
  if (node.kind === 'call') return `${node.fn}(…)`;
  return PART[node.kind] ?? node.kind;
}

const showZ = (z: number) => (z === 0 ? '0' : z.toPrecision(3));

/** Why φ is unusable at the check points (float64 and float32 both), or null when it is fine. */
export function phiProblem(parsed: ParsedFormula): FormulaProblem | null {
  const params = paramMap(parsed);
  for (const round of [FLOAT64, FLOAT32]) {
    for (const z of CHECK_Z) {
      const { value, culprit } = walk(parsed.tree, z, params, round);
      // An intermediate overflow that the result does not see (min(exp(…), 10)) is fine.
      if (!Number.isFinite(value)) {
        const node = culprit ?? parsed.tree;
        return {
          code: 'nonFinite',
          at: node.at,
          params: { part: partName(node), value: String(value), z: showZ(z) },
        };
      }
      if (!(value > 0)) return { code: 'notPositive', params: { z: showZ(z), value: String(value) } };
      if (!Number.isFinite(round(1 / value)))
        return { code: 'tooSmall', params: { z: showZ(z), value: value.toPrecision(3) } };
    }
  }
  return null;
}

/** Parses and checks a φ formula: a usable φ, or the problem (never throws). */
export function checkFormula(
  text: string,
): { ok: true; formula: ParsedFormula } | { ok: false; problem: FormulaProblem } {
  try {
    const formula = parseFormula(text);
    const problem = phiProblem(formula);
    return problem ? { ok: false, problem } : { ok: true, formula };
  } catch (err) {
    if (err instanceof FormulaError) return { ok: false, problem: err.problem };
    // A parser bug must still not crash the caller: report it as a refusal.
    return { ok: false, problem: { code: 'internal', params: { reason: String(err).slice(0, 120) } } };
  }
}

/** Parses and checks, throwing FormulaError with the problem. */
export function compileFormula(text: string): ParsedFormula {
  const result = checkFormula(text);
  if (!result.ok) throw new FormulaError(result.problem);
  return result.formula;
}
