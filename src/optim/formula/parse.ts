// A hand-written recursive-descent parser for φ formulas (A-LR = 1/φ(z), z = √v):
//   formula    := expr (';' name '=' number)* [';']
//   expr       := term (('+' | '-') term)*
//   term       := unary (('*' | '/') unary)*
//   unary      := ('-' | '+') unary | power
//   power      := primary ['^' unary]            (right-associative: 2^3^2 = 2^9; -z^2 = -(z^2))
//   primary    := number | 'z' | name | fn '(' expr (',' expr)* ')' | '(' expr ')'
// Any name other than z and the functions is a parameter (default 1 unless set after ';').
// Length, depth, size and parameter-count limits keep a hostile formula cheap to refuse.
// No eval, no Function: the tree is walked by evaluate.ts (JS) and tf-evaluate.ts (tf ops).
// (Just over 300 lines: the tokenizer and the parser share one grammar and its limits.)

import { FormulaError, type FormulaProblem } from './messages';

export const FORMULA_LIMITS = { length: 300, depth: 24, nodes: 160, params: 8, name: 16 } as const;

export const FUNCTIONS = { exp: 1, log: 1, log1p: 1, sqrt: 1, abs: 1, min: 2, max: 2 } as const;
export type FunctionName = keyof typeof FUNCTIONS;
/** Own keys only: `constructor` or `__proto__` are parameter names, not functions. */
function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FUNCTIONS, name);
}

export type BinaryOp = '+' | '-' | '*' | '/' | '^';

/** A node of the tree; `at` is the 0-based position of the text it came from. */
export type FormulaNode =
  | { kind: 'num'; value: number; at: number }
  | { kind: 'z'; at: number }
  | { kind: 'param'; name: string; at: number }
  | { kind: 'neg'; arg: FormulaNode; at: number }
  | { kind: 'bin'; op: BinaryOp; left: FormulaNode; right: FormulaNode; at: number }
  | { kind: 'call'; fn: FunctionName; args: FormulaNode[]; at: number }
  /** log(1 + exp(x)) recognised by the parser: evaluated as max(x, 0) + log1p(exp(−|x|)), never overflowing. */
  | { kind: 'softplus'; arg: FormulaNode; at: number };

export interface ParsedFormula {
  /** The text as given. */
  source: string;
  /** The expression part (before the first ';'), trimmed. */
  expression: string;
  tree: FormulaNode;
  /** Every parameter the expression uses, in order of first use, with its value (set after ';', else 1). */
  params: { name: string; value: number }[];
}

type Token =
  | { type: 'num'; text: string; at: number }
  | { type: 'name'; text: string; at: number }
  | { type: 'op'; text: string; at: number }
  | { type: 'end'; text: ''; at: number };

const OPERATOR_ALIASES: Record<string, string> = { '−': '-', '×': '*', '÷': '/', '·': '*' };
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

function fail(problem: FormulaProblem): never {
  throw new FormulaError(problem);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = text.slice(i, i + 64);
    const num = NUMBER.exec(rest);
    if (num) {
      // A number glued to a letter (2b, 1e) is a typo, not an implicit product.
      const after = text[i + num[0].length];
      if (after !== undefined && /[A-Za-z_.]/.test(after)) {
        const bad = /^[A-Za-z0-9_.+-]*/.exec(text.slice(i, i + 32))?.[0] ?? num[0];
        fail({ code: 'badNumber', at: i, params: { found: bad } });
      }
      tokens.push({ type: 'num', text: num[0], at: i });
      i += num[0].length;
      continue;
    }
    const name = NAME.exec(text.slice(i, i + FORMULA_LIMITS.name + 2));
    if (name) {
      const full = /^[A-Za-z0-9_]*/.exec(text.slice(i))?.[0] ?? name[0];
      if (full.length > FORMULA_LIMITS.name)
        fail({
          code: 'nameTooLong',
          at: i,
          params: { name: `${full.slice(0, FORMULA_LIMITS.name)}…`, max: FORMULA_LIMITS.name },
        });
      tokens.push({ type: 'name', text: full, at: i });
      i += full.length;
      continue;
    }
    const op = OPERATOR_ALIASES[ch] ?? ch;
    if ('+-*/^(),;='.includes(op)) {
      tokens.push({ type: 'op', text: op, at: i });
      i++;
      continue;
    }
    fail({
      code: 'unexpectedChar',
      at: i,
      params: { found: String.fromCodePoint(text.codePointAt(i) ?? 0) },
    });
  }
  tokens.push({ type: 'end', text: '', at: text.length });
  return tokens;
}

class Parser {
  private pos = 0;
  private depth = 0;
  private nodes = 0;
  readonly used: { name: string; at: number }[] = [];

  constructor(private readonly tokens: Token[]) {}

  peek(): Token {
    return this.tokens[this.pos] as Token;
  }

  next(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.pos++;
    return token;
  }

  expect(text: string, expected: string): Token {
    const token = this.peek();
    if (token.type === 'end') fail({ code: 'unexpectedEnd', params: { expected } });
    if (token.text !== text)
      fail({ code: 'unexpectedToken', at: token.at, params: { expected, found: token.text } });
    return this.next();
  }

  node<T extends FormulaNode>(n: T): T {
    if (++this.nodes > FORMULA_LIMITS.nodes) fail({ code: 'tooBig', params: { max: FORMULA_LIMITS.nodes } });
    return n;
  }

  expr(): FormulaNode {
    let left = this.term();
    for (let t = this.peek(); t.text === '+' || t.text === '-'; t = this.peek()) {
      this.next();
      left = this.node({ kind: 'bin', op: t.text, left, right: this.term(), at: t.at });
    }
    return left;
  }

  term(): FormulaNode {
    let left = this.unary();
    for (let t = this.peek(); t.text === '*' || t.text === '/'; t = this.peek()) {
      this.next();
      left = this.node({ kind: 'bin', op: t.text, left, right: this.unary(), at: t.at });
    }
    return left;
  }

  unary(): FormulaNode {
    const t = this.peek();
    if (++this.depth > FORMULA_LIMITS.depth)
      fail({ code: 'tooDeep', at: t.at, params: { max: FORMULA_LIMITS.depth } });
    let out: FormulaNode;
    if (t.text === '-') {
      this.next();
      out = this.node({ kind: 'neg', arg: this.unary(), at: t.at });
    } else if (t.text === '+') {
      this.next();
      out = this.unary();
    } else {
      const base = this.primary();
      const caret = this.peek();
      if (caret.text === '^') {
        this.next();
        out = this.node({ kind: 'bin', op: '^', left: base, right: this.unary(), at: caret.at });
      } else out = base;
    }
    this.depth--;
    return out;
  }

  primary(): FormulaNode {
    const t = this.next();
    if (t.type === 'end') fail({ code: 'unexpectedEnd', params: { expected: 'a number, z, a name or “(”' } });
    if (t.type === 'num') {
      const value = Number(t.text);
      if (!Number.isFinite(value)) fail({ code: 'badNumber', at: t.at, params: { found: t.text } });
      return this.node({ kind: 'num', value, at: t.at });
    }
    if (t.type === 'name') {
      if (this.peek().text === '(') return this.call(t);
      if (t.text === 'z') return this.node({ kind: 'z', at: t.at });
      if (isFunctionName(t.text))
        fail({
          code: 'unexpectedToken',
          at: this.peek().at,
          params: { expected: '“(”', found: this.peek().text },
        });
      this.used.push({ name: t.text, at: t.at });
      return this.node({ kind: 'param', name: t.text, at: t.at });
    }
    if (t.text === '(') {
      const inner = this.expr();
      this.expect(')', '“)”');
      return inner;
    }
    return fail({
      code: 'unexpectedToken',
      at: t.at,
      params: { expected: 'a number, z, a name or “(”', found: t.text },
    });
  }

  call(t: Token): FormulaNode {
    if (!isFunctionName(t.text)) fail({ code: 'unknownFunction', at: t.at, params: { name: t.text } });
    const fn = t.text as FunctionName;
    this.expect('(', '“(”');
    const args = [this.expr()];
    while (this.peek().text === ',') {
      this.next();
      args.push(this.expr());
    }
    this.expect(')', '“,” or “)”');
    if (args.length !== FUNCTIONS[fn])
      fail({ code: 'arity', at: t.at, params: { name: fn, expected: FUNCTIONS[fn], got: args.length } });
    const arg = args[0] as FormulaNode;
    // log(1 + exp(x)), log(exp(x) + 1), log1p(exp(x)): the stable softplus, so that large x does not overflow.
    const onePlusExp =
      fn === 'log' && arg.kind === 'bin' && arg.op === '+'
        ? isOne(arg.left) && isExp(arg.right)
          ? arg.right
          : isOne(arg.right) && isExp(arg.left)
            ? arg.left
            : null
        : fn === 'log1p' && isExp(arg)
          ? arg
          : null;
    if (onePlusExp?.kind === 'call')
      return this.node({ kind: 'softplus', arg: onePlusExp.args[0] as FormulaNode, at: t.at });
    return this.node({ kind: 'call', fn, args, at: t.at });
  }
}

function isOne(n: FormulaNode): boolean {
  return n.kind === 'num' && n.value === 1;
}

function isExp(n: FormulaNode): boolean {
  return n.kind === 'call' && n.fn === 'exp';
}

/** Parses `text`; throws FormulaError (code, position) when it is not a formula. */
export function parseFormula(text: string): ParsedFormula {
  if (typeof text !== 'string' || text.trim() === '') fail({ code: 'empty', params: {} });
  if (text.length > FORMULA_LIMITS.length)
    fail({ code: 'tooLong', params: { length: text.length, max: FORMULA_LIMITS.length } });
  const parser = new Parser(tokenize(text));
  const tree = parser.expr();
  const values = new Map<string, number>();
  while (parser.peek().text === ';') {
    parser.next();
    if (parser.peek().type === 'end') break;
    const name = parser.next();
    if (name.type !== 'name')
      fail({
        code: 'unexpectedToken',
        at: name.at,
        params: { expected: 'a parameter name', found: name.text },
      });
    if (name.text === 'z' || isFunctionName(name.text))
      fail({ code: 'reservedName', at: name.at, params: { name: name.text } });
    if (values.has(name.text)) fail({ code: 'duplicateParam', at: name.at, params: { name: name.text } });
    parser.expect('=', '“=”');
    const negative = parser.peek().text === '-';
    if (negative) parser.next();
    const sign = negative ? -1 : 1;
    const num = parser.next();
    if (num.type !== 'num')
      fail(
        num.type === 'end'
          ? { code: 'unexpectedEnd', params: { expected: 'a number' } }
          : { code: 'unexpectedToken', at: num.at, params: { expected: 'a number', found: num.text } },
      );
    const value = sign * Number(num.text);
    if (!Number.isFinite(value)) fail({ code: 'badNumber', at: num.at, params: { found: num.text } });
    values.set(name.text, value);
  }
  const end = parser.peek();
  if (end.type !== 'end')
    fail({
      code: 'unexpectedToken',
      at: end.at,
      params: { expected: 'an operator or the end', found: end.text },
    });
  const params: ParsedFormula['params'] = [];
  for (const { name } of parser.used) {
    if (params.some((p) => p.name === name)) continue;
    params.push({ name, value: values.get(name) ?? 1 });
  }
  if (params.length > FORMULA_LIMITS.params)
    fail({ code: 'tooManyParams', params: { max: FORMULA_LIMITS.params } });
  const cut = text.indexOf(';');
  return { source: text, expression: (cut < 0 ? text : text.slice(0, cut)).trim(), tree, params };
}

/** The formula text with its parameters set to `values` (the sliders' write-back): `expr; b = 50`. */
export function withParams(parsed: ParsedFormula, values: Record<string, number>): string {
  const assigned = parsed.params.map((p) => `${p.name} = ${values[p.name] ?? p.value}`);
  return assigned.length ? `${parsed.expression}; ${assigned.join('; ')}` : parsed.expression;
}
