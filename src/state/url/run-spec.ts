// Optimizer specs inside `run=` and `at=` values: `id:name,lr=1e-3,label=A%20B`, read leniently (a
// refused value is clamped or replaced, with a notice) and written with only what differs from defaults.

import { errorMessage } from '../../engine/error-message';
import type { RunConfig, ScheduledChange } from '../../engine/experiment';
import { checkFormula } from '../../optim/formula/evaluate';
import {
  defaultSpec,
  EPS_IN_DENOMINATOR,
  inSpecRange,
  isOptimizerName,
  type NumericKey,
  OPTIMIZER_NAMES,
  type OptimizerName,
  type OptimizerSpec,
  resolveSpec,
  SPEC_RANGES,
} from '../../optim/spec';
import { isDerivedLabel, untypedLabel } from '../run-label';
import { decodePart, type Notices, show } from './query';
import { CONVENTION_KEY, LABEL_KEY, MAX_LABEL_LENGTH, PHI_KEY, RUN_ID, SPEC_PARAMS } from './schema';
import type { SpecOwner, SpecWhere, ValueProblem } from './url-notices';
import { enumOf, formatNumber, numberIn, parseNumber, showNumber } from './value-types';

interface SpecParse {
  head: string[];
  /** Decoded `key=value` pairs after the head, in order. */
  pairs: { key: string; value: string }[];
}

/** `id:name,lr=1e-3,label=A%20B` → head ['id','name'] and decoded pairs. Tolerates a fully re-encoded value. */
function splitSpecValue(raw: string, notices: Notices, where: SpecWhere): SpecParse | null {
  // A value run through URLSearchParams (`adam%3Aadam%2Clr%3D0.01`) is decoded once first.
  let text = raw;
  if (!/[:,=]/.test(text) && /%3A|%2C|%3D/i.test(text)) {
    const once = decodePart(text);
    if (once === null) {
      notices.add({ kind: 'urlSpecBadEncoding', where });
      return null;
    }
    text = once.replace(/%/g, '%25').replace(/\+/g, '%2B');
  }
  const [headText = '', ...rest] = text.split(',');
  const headDecoded = decodePart(headText);
  if (headDecoded === null) {
    notices.add({ kind: 'urlSpecBadEncoding', where });
    return null;
  }
  const pairs: { key: string; value: string }[] = [];
  for (const part of rest) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    const key = decodePart(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? null : decodePart(part.slice(eq + 1));
    if (key === null || value === null) {
      notices.add({ kind: 'urlSpecNotPair', where, text: show(part) });
      continue;
    }
    pairs.push({ key: key.trim(), value });
  }
  return { head: headDecoded.split(':').map((s) => s.trim()), pairs };
}

/** Why the optimizer library refuses `value` for `field`: its range, else its own words (verbatim); or null. */
function specProblem(name: OptimizerName, field: NumericKey, value: number): ValueProblem | null {
  try {
    resolveSpec({ name, [field]: value });
    return null;
  } catch (err) {
    if (!inSpecRange(field, value)) return { code: 'specRange', range: SPEC_RANGES[field] };
    if (field === 'eps' && value === 0 && EPS_IN_DENOMINATOR.has(name))
      return { code: 'epsZero', optimizer: name };
    return { code: 'refusedBySpec', detail: errorMessage(err) };
  }
}

/**
 * Reads spec settings for optimizer `name`. A value the library refuses is clamped to the table's `high`
 * when too large, else replaced by the default (`fallback: 'default'`) or dropped (`'drop'`, for partial
 * schedule specs); every change is a notice.
 */
function readSpecPairs(
  name: OptimizerName,
  pairs: { key: string; value: string }[],
  who: SpecOwner,
  fallback: 'default' | 'drop',
  notices: Notices,
): { spec: Partial<OptimizerSpec>; label?: string } {
  const spec: Partial<OptimizerSpec> = {};
  let label: string | undefined;
  const defaults = defaultSpec(name);
  /** A refused setting: replaced by the default (a run) or ignored (a change). */
  const refuse = (key: string, text: string, problem: ValueProblem, value: string) =>
    notices.add(
      fallback === 'default'
        ? { kind: 'urlSpecValue', who, key, text: show(text), problem, using: value }
        : { kind: 'urlSpecValue', who, key, text: show(text), problem },
    );
  for (const { key, value } of pairs) {
    const lower = key.toLowerCase();
    if (lower === LABEL_KEY) {
      const text = value.trim();
      if (text === '') continue;
      if (text.length > MAX_LABEL_LENGTH) notices.add({ kind: 'urlLabelCut', who, max: MAX_LABEL_LENGTH });
      label = cutLabel(text);
      continue;
    }
    if (lower === PHI_KEY) {
      // A refused formula keeps the run (with the default φ) and says where and why.
      const checked = checkFormula(value);
      if (checked.ok) spec.phi = value;
      else
        notices.add({
          kind: 'urlPhiRefused',
          who,
          problem: checked.problem,
          usingDefault: fallback === 'default',
        });
      continue;
    }
    if (lower === CONVENTION_KEY) {
      const p = enumOf(['official', 'textbook'] as const).parse(value);
      if (p.ok) spec.convention = p.value;
      else refuse(key, value, p.problem, defaults.convention);
      continue;
    }
    const row = SPEC_PARAMS.find((r) => r.key === lower);
    if (!row) {
      notices.add({ kind: 'urlUnknownSetting', who, text: show(key) });
      continue;
    }
    const fallbackValue = defaults[row.field];
    const trimmed = value.trim();
    const n = /^\+?Infinity$/.test(trimmed) ? Number.POSITIVE_INFINITY : parseNumber(trimmed);
    if (n === null) {
      refuse(row.key, value, { code: 'notANumber' }, showNumber(fallbackValue));
      if (fallback === 'default') spec[row.field] = fallbackValue;
      continue;
    }
    const reason = specProblem(name, row.field, n);
    if (reason === null) {
      spec[row.field] = n;
      continue;
    }
    const tooHigh = n > fallbackValue;
    const clamped = tooHigh && specProblem(name, row.field, row.high) === null ? row.high : null;
    if (clamped !== null) {
      spec[row.field] = clamped;
      notices.add({
        kind: 'urlSpecValue',
        who,
        key: row.key,
        text: show(value),
        problem: reason,
        using: showNumber(clamped),
      });
    } else {
      refuse(row.key, value, reason, showNumber(fallbackValue));
      if (fallback === 'default') spec[row.field] = fallbackValue;
    }
  }
  return label === undefined ? { spec } : { spec, label };
}

function parseName(text: string | undefined): OptimizerName | null {
  const t = (text ?? '').trim().toLowerCase();
  return isOptimizerName(t) ? t : null;
}

/**
 * One `run=` value. `sceneRuns` (the base scene's runs) give a run without a label its untyped label; a
 * label that is not what the spec gives (state/run-label.ts) was typed, and stays as typed.
 */
export function parseRun(
  raw: string,
  index: number,
  notices: Notices,
  sceneRuns: readonly RunConfig[] = [],
): RunConfig | null {
  const where: SpecWhere = { in: 'run', n: index + 1 };
  const parsed = splitSpecValue(raw, notices, where);
  if (!parsed) return null;
  // `run=adam` alone is allowed: the id is the optimizer's name.
  const [idText = '', second] = parsed.head;
  const nameText = second ?? idText;
  const name = parseName(nameText);
  if (name === null) {
    notices.add({
      kind: 'urlUnknownOptimizer',
      where,
      id: show(idText),
      name: show(nameText),
      names: OPTIMIZER_NAMES,
    });
    return null;
  }
  let id = idText;
  if (!RUN_ID.test(id)) {
    id = `run${index + 1}`;
    notices.add({ kind: 'urlBadRunId', n: index + 1, text: show(idText), using: id });
  }
  const who: SpecOwner = { in: 'run', id };
  const read = readSpecPairs(name, parsed.pairs, who, 'default', notices);
  const spec = { ...defaultSpec(name), ...read.spec };
  const untyped = untypedLabel({ id, spec }, sceneRuns);
  const label = read.label;
  if (label === undefined || label === untyped) return { id, label: untyped, spec };
  // An older link wrote derived labels too ("Sadam β=50"): such a label still follows the spec.
  if (isDerivedLabel(label, spec)) return { id, label, spec };
  return { id, label, labelTyped: true, spec };
}

export function parseScheduled(raw: string, runs: RunConfig[], notices: Notices): ScheduledChange | null {
  const where: SpecWhere = { in: 'at', text: show(raw) };
  const parsed = splitSpecValue(raw, notices, where);
  if (!parsed) return null;
  const [stepText = '', runId = '', nameText] = parsed.head;
  const stepType = numberIn(0, 1e7, true);
  const step = stepType.parse(stepText);
  if (!step.ok) {
    notices.add({ kind: 'urlStepRefused', where, problem: step.problem });
    return null;
  }
  const run = runs.find((r) => r.id === runId);
  if (!run) {
    notices.add({ kind: 'urlNoSuchRun', where, text: show(runId) });
    return null;
  }
  const hasName = nameText !== undefined && nameText !== '';
  const name = hasName ? parseName(nameText) : null;
  if (hasName && name === null) {
    notices.add({
      kind: 'urlUnknownOptimizer',
      where,
      id: show(runId),
      name: show(nameText),
      names: OPTIMIZER_NAMES,
    });
    return null;
  }
  if (step.note)
    notices.add({ kind: 'urlStepClamped', where, expected: stepType.expected, using: step.value });
  const specName = name ?? resolveSpec(run.spec).name;
  const { spec } = readSpecPairs(specName, parsed.pairs, { in: 'change', step: step.value }, 'drop', notices);
  return { atStep: step.value, runId: run.id, spec: name ? { name, ...spec } : spec };
}

function encodeSpecPairs(spec: Partial<OptimizerSpec>, reference: OptimizerSpec | null): string[] {
  const out: string[] = [];
  for (const row of SPEC_PARAMS) {
    const v = spec[row.field];
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    if (reference && reference[row.field] === v) continue;
    out.push(`${row.key}=${formatNumber(v)}`);
  }
  if (spec.convention !== undefined && (!reference || reference.convention !== spec.convention))
    out.push(`${CONVENTION_KEY}=${spec.convention}`);
  // φ only when it differs (a run that is or was custom; a scheduled change), encoded like a label.
  if (typeof spec.phi === 'string' && (!reference || reference.phi !== spec.phi))
    out.push(`${PHI_KEY}=${encodeURIComponent(spec.phi)}`);
  return out;
}

/**
 * A label cut to MAX_LABEL_LENGTH UTF-16 units, well-formed: a cut through an emoji's surrogate pair
 * drops the half, and any other lone surrogate (a link can carry one) becomes U+FFFD. A lone surrogate
 * would make encodeURIComponent throw when the link is written again.
 */
function cutLabel(text: string): string {
  let cut = text.slice(0, MAX_LABEL_LENGTH);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff && text.length > MAX_LABEL_LENGTH) cut = cut.slice(0, -1);
  return cut.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** The label is written only when typed, or when the spec alone would not give it back (`sceneRuns`). */
export function encodeRun(run: RunConfig, sceneRuns: readonly RunConfig[] = []): string | null {
  let spec: OptimizerSpec;
  try {
    spec = resolveSpec(run.spec);
  } catch {
    return null; // Not something a link can carry; the app never stores an invalid spec.
  }
  if (!RUN_ID.test(run.id)) return null;
  const parts = [`${run.id}:${spec.name}`, ...encodeSpecPairs(spec, defaultSpec(spec.name))];
  const label = cutLabel(run.label);
  if (label.trim() !== '' && (run.labelTyped || label !== untypedLabel({ id: run.id, spec }, sceneRuns)))
    parts.push(`${LABEL_KEY}=${encodeURIComponent(label)}`);
  return parts.join(',');
}

export function encodeScheduled(change: ScheduledChange): string | null {
  if (!RUN_ID.test(change.runId) || !Number.isInteger(change.atStep) || change.atStep < 0) return null;
  const name = change.spec.name;
  const head =
    name && isOptimizerName(name)
      ? `${change.atStep}:${change.runId}:${name}`
      : `${change.atStep}:${change.runId}`;
  return [head, ...encodeSpecPairs(change.spec as Partial<OptimizerSpec>, null)].join(',');
}
