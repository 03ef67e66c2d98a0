// A run's label either names its optimizer and some of its settings ("Sadam β=50", "Adam ε=1e-3",
// "SAMSGrad β=50 (#3)") — a derived label, which follows live changes of the settings it names — or is
// free text (typed by the user, or a scene's own wording such as "Adam → Sadam"), which is kept as it is.
// No tfjs: the store, the controller and the URL codec share these rules.

import type { RunConfig } from '../engine/experiment';
import { RULES } from '../optim/rules';
import {
  defaultSpec,
  isOptimizerName,
  type OptimizerSpec,
  type OptimizerSpecInput,
  resolveSpec,
} from '../optim/spec';

/** The settings a derived label may name, with the symbol it writes. Longest symbols first (parsing). */
const NAMED = [
  { field: 'beta1', symbol: 'β1' },
  { field: 'beta2', symbol: 'β2' },
  { field: 'softplusBeta', symbol: 'β' },
  { field: 'eps', symbol: 'ε' },
  { field: 'lr', symbol: 'lr' },
  { field: 'weightDecay', symbol: 'wd' },
] as const;

export type NamedField = (typeof NAMED)[number]['field'];

interface DerivedForm {
  named: NamedField[];
  /** What follows the settings, e.g. " (#3)" for an added run. */
  suffix: string;
}

/** A number as labels write it: 50, 52.5, 0.02, 1e-8, 2.5e-4 (at most 3 significant digits). */
export function labelNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  if (abs !== 0 && (abs < 1e-2 || abs >= 1e5)) {
    const [mantissa = '', exponent = ''] = v.toExponential(2).split('e');
    return `${mantissa.replace(/\.?0+$/, '')}e${exponent.replace(/^\+/, '')}`;
  }
  return String(Number(v.toPrecision(3)));
}

/** Whether a rule uses a setting (β only with a softplus, ε only with an ε denominator, …). */
function applies(spec: OptimizerSpec, field: NamedField): boolean {
  const rule = RULES[spec.name];
  if (field === 'softplusBeta') return rule.denominator === 'softplus';
  if (field === 'eps') return rule.denominator === 'sqrt-eps' || rule.denominator === 'padam';
  if (field === 'beta2') return rule.secondMoment !== 'none';
  return true;
}

function render(spec: OptimizerSpec, form: DerivedForm): string {
  // Settings in the order the label named them; those the rule does not use are left out.
  const settings = form.named
    .filter((field) => applies(spec, field))
    .map((field) => ` ${NAMED.find((n) => n.field === field)?.symbol}=${labelNumber(spec[field])}`);
  return `${RULES[spec.name].label}${settings.join('')}${form.suffix}`;
}

/** Reads `label` as "<rule label>( <symbol>=<number>)*( (#n))?" for `spec`'s rule; null if it is not. */
function parse(label: string, spec: OptimizerSpec): DerivedForm | null {
  const head = RULES[spec.name].label;
  if (!label.startsWith(head)) return null;
  let rest = label.slice(head.length);
  const named: NamedField[] = [];
  for (;;) {
    const match = /^ (β1|β2|β|ε|lr|wd)=([-+0-9.e]+)/.exec(rest);
    if (!match) break;
    const entry = NAMED.find((n) => n.symbol === match[1]);
    if (!entry || named.includes(entry.field) || !Number.isFinite(Number(match[2]))) return null;
    named.push(entry.field);
    rest = rest.slice(match[0].length);
  }
  if (rest !== '' && !/^ \(#\d+\)$/.test(rest)) return null;
  return { named, suffix: rest };
}

function resolved(spec: OptimizerSpecInput | OptimizerSpec): OptimizerSpec | null {
  try {
    return resolveSpec(spec as OptimizerSpecInput);
  } catch {
    return isOptimizerName(spec.name) ? defaultSpec(spec.name) : null;
  }
}

/** The form of `label` when it is exactly what its named settings of `spec` give; else null (free text). */
function derivedForm(label: string, spec: OptimizerSpecInput | OptimizerSpec): DerivedForm | null {
  const s = resolved(spec);
  if (!s) return null;
  const form = parse(label, s);
  return form && render(s, form) === label ? form : null;
}

/** Whether `label` is a derived label of `spec` (it names the rule and settings with their values). */
export function isDerivedLabel(label: string, spec: OptimizerSpecInput | OptimizerSpec): boolean {
  return derivedForm(label, spec) !== null;
}

/** The settings a rule's default label names: β for a softplus, ε when it is not the rule's default. */
function defaultNamed(spec: OptimizerSpec): NamedField[] {
  if (RULES[spec.name].denominator === 'softplus') return ['softplusBeta'];
  if (applies(spec, 'eps') && spec.eps !== defaultSpec(spec.name).eps) return ['eps'];
  return [];
}

/** The label a run gets when nobody chose one: "Adam", "Sadam β=50", "Adam ε=1e-3". */
export function defaultLabel(spec: OptimizerSpecInput | OptimizerSpec, suffix = ''): string {
  const s = resolved(spec);
  if (!s) return String(spec.name);
  return render(s, { named: defaultNamed(s), suffix });
}

/**
 * The label after `before` became `after`: a derived label re-renders the settings it names with their new
 * values (and the new rule's name; a softplus rule names its β); free text comes back unchanged.
 */
export function followLabel(
  label: string,
  before: OptimizerSpecInput | OptimizerSpec,
  after: OptimizerSpecInput | OptimizerSpec,
): string {
  const form = derivedForm(label, before);
  const next = resolved(after);
  if (!form || !next) return label;
  const previous = resolved(before);
  const named =
    previous && previous.name !== next.name
      ? [...new Set([...form.named, ...defaultNamed(next)])]
      : form.named;
  return render(next, { named, suffix: form.suffix });
}

/** The suffix an added run's label carries: run3 → " (#3)". */
export function addedRunSuffix(runId: string): string {
  const n = /^run(\d+)$/.exec(runId)?.[1];
  return n === undefined ? '' : ` (#${n})`;
}

/**
 * The label a run has when nobody typed one: its scene's run of the same id, followed to its spec (free
 * text such as "Adam → Sadam" stays); else the default label, with " (#n)" for an added run `run<n>`.
 * A link that carries no label gets this one back.
 */
export function untypedLabel(run: Pick<RunConfig, 'id' | 'spec'>, sceneRuns: readonly RunConfig[]): string {
  const base = sceneRuns.find((r) => r.id === run.id);
  if (base) return followLabel(base.label, base.spec, run.spec);
  return defaultLabel(run.spec, addedRunSuffix(run.id));
}

/** `run` with `spec` changed: a derived label follows the settings it names, a typed one stays. */
export function withSpec(run: RunConfig, spec: Partial<OptimizerSpecInput>): RunConfig {
  const next = { ...run.spec, ...spec } as OptimizerSpecInput;
  return { ...run, spec: next, label: run.labelTyped ? run.label : followLabel(run.label, run.spec, next) };
}
