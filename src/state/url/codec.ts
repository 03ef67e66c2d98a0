// URL ⇄ state. `?scene=<id>` picks the base experiment; task, seeds, runs and schedule parameters override
// it; view options and the backend ride along. Reading never throws: a bad value is clamped or dropped and
// the change is reported as a sentence the app can show. Writing emits only what differs from the scene.
//
// A run is one readable value: `run=<id>:<optimizer>,lr=1e-3,eps=1e-8,label=Adam%20fast`. The label is
// percent-encoded inside the value, so commas in it cannot split the run.

import type { ExperimentConfig, RunConfig, ScheduledChange } from '../../engine/experiment';
import { MAX_RUNS } from '../../engine/experiment';
import type { BackendPreference } from '../../engine/protocol';
import type { Seeds } from '../../engine/random';
import { DEFAULT_SCENE_ID, SCENES, type Scene, sceneById } from '../../engine/scenes';
import type { TaskConfig } from '../../engine/tasks/configs';
import { RULES } from '../../optim/rules';
import {
  defaultSpec,
  isOptimizerName,
  OPTIMIZER_NAMES,
  type OptimizerName,
  type OptimizerSpec,
  type OptimizerSpecInput,
  resolveSpec,
} from '../../optim/spec';
import {
  BACKEND_PARAM,
  CONVENTION_KEY,
  DEFAULT_BACKEND,
  DEFAULT_START,
  DEFAULT_TASKS,
  DEFAULT_VIEW,
  EXPERIMENT_KEYS,
  enumOf,
  formatNumber,
  LABEL_KEY,
  MAX_LABEL_LENGTH,
  MAX_NOTICES,
  MAX_PARAM_LENGTH,
  MAX_PARAMS,
  MAX_SCHEDULE,
  MAX_SEARCH_LENGTH,
  NO_SCHEDULE,
  numberIn,
  parseNumber,
  RUN_ID,
  RUN_KEY,
  SCENE_PARAM,
  SCHEDULE_KEY,
  SEED_PARAMS,
  SPEC_PARAMS,
  showNumber,
  TASK_PARAM,
  TASK_PARAMS,
  type TaskKind,
  URL_SCHEMA_VERSION,
  type UrlView,
  VERSION_KEY,
  VIEW_PARAMS,
} from './schema';

export type { UrlView } from './schema';
export { DEFAULT_VIEW, OWNED_KEYS, URL_SCHEMA_VERSION } from './schema';

export interface UrlState {
  /** The scene named in the URL; absent means the default scene. */
  sceneId?: string;
  /** The experiment when the URL changes anything of the scene's; absent means the scene's own. */
  experiment?: ExperimentConfig;
  view: UrlView;
  /** Absent when the URL does not name one (the app then uses `auto`). */
  backend?: BackendPreference;
}

/** One `key=value` of a query string: the key decoded, the value as written (still percent-encoded). */
export interface RawParam {
  key: string;
  raw: string;
}

// ---------------------------------------------------------------------------------------------------------
// Query strings, split by hand: URLSearchParams would decode a run's value before it could be split.

/** Splits a query string (with or without '?') into pairs; keys are decoded, values are not. */
export function splitQuery(search: string): RawParam[] {
  const text = search.startsWith('?') ? search.slice(1) : search;
  const out: RawParam[] = [];
  for (const segment of text.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const key = decodePart(eq < 0 ? segment : segment.slice(0, eq));
    if (key === null || key === '') continue;
    out.push({ key, raw: eq < 0 ? '' : segment.slice(eq + 1) });
  }
  return out;
}

/** Percent-decoding as forms do it ('+' is a space); null for broken escapes. */
export function decodePart(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Percent-encodes what a query value must not contain, keeping `:` `,` `=` readable. */
function encodeValue(text: string): string {
  return encodeURIComponent(text).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

/** Quotes a user's value in a notice, cut short so that a huge input cannot flood the page. */
function show(text: string): string {
  const t = text.length > 40 ? `${text.slice(0, 37)}…` : text;
  return `“${t}”`;
}

// ---------------------------------------------------------------------------------------------------------
// Versions.

/**
 * Maps parameters written by an older version onto this version's names. Version 1 is the first, so this
 * is the identity; a v2 that renames `agg` would add `if (version < 2) rename 'agg' → 'aggregate'` here.
 */
export function migrate(version: number, params: RawParam[]): RawParam[] {
  if (version >= URL_SCHEMA_VERSION) return params;
  return params;
}

// ---------------------------------------------------------------------------------------------------------
// Specs inside `run=` and `at=`.

interface SpecParse {
  head: string[];
  /** Decoded `key=value` pairs after the head, in order. */
  pairs: { key: string; value: string }[];
}

/** `id:name,lr=1e-3,label=A%20B` → head ['id','name'] and decoded pairs. Tolerates a fully re-encoded value. */
function splitSpecValue(raw: string, notices: Notices, what: string): SpecParse | null {
  // A value run through URLSearchParams (`adam%3Aadam%2Clr%3D0.01`) is decoded once first.
  let text = raw;
  if (!/[:,=]/.test(text) && /%3A|%2C|%3D/i.test(text)) {
    const once = decodePart(text);
    if (once === null) {
      notices.add(`${what} is not valid URL encoding; ignored`);
      return null;
    }
    text = once.replace(/%/g, '%25').replace(/\+/g, '%2B');
  }
  const [headText = '', ...rest] = text.split(',');
  const headDecoded = decodePart(headText);
  if (headDecoded === null) {
    notices.add(`${what} is not valid URL encoding; ignored`);
    return null;
  }
  const pairs: { key: string; value: string }[] = [];
  for (const part of rest) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    const key = decodePart(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? null : decodePart(part.slice(eq + 1));
    if (key === null || value === null) {
      notices.add(`${what}: ${show(part)} is not a key=value setting; ignored`);
      continue;
    }
    pairs.push({ key: key.trim(), value });
  }
  return { head: headDecoded.split(':').map((s) => s.trim()), pairs };
}

function specProblem(input: OptimizerSpecInput): string | null {
  try {
    resolveSpec(input);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
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
  who: string,
  fallback: 'default' | 'drop',
  notices: Notices,
): { spec: Partial<OptimizerSpec>; label?: string } {
  const spec: Partial<OptimizerSpec> = {};
  let label: string | undefined;
  const defaults = defaultSpec(name);
  const instead = (value: number) => (fallback === 'default' ? `using ${showNumber(value)}` : 'ignored');
  for (const { key, value } of pairs) {
    const lower = key.toLowerCase();
    if (lower === LABEL_KEY) {
      const text = value.trim();
      if (text === '') continue;
      if (text.length > MAX_LABEL_LENGTH)
        notices.add(`the label of ${who} is cut to ${MAX_LABEL_LENGTH} characters`);
      label = text.slice(0, MAX_LABEL_LENGTH);
      continue;
    }
    if (lower === CONVENTION_KEY) {
      const p = enumOf(['official', 'textbook'] as const).parse(value);
      if (p.ok) spec.convention = p.value;
      else
        notices.add(
          `${key}=${show(value)} for ${who}: ${p.reason}; ${fallback === 'default' ? `using ${defaults.convention}` : 'ignored'}`,
        );
      continue;
    }
    const row = SPEC_PARAMS.find((r) => r.key === lower);
    if (!row) {
      notices.add(`unknown setting ${show(key)} for ${who}; ignored`);
      continue;
    }
    const fallbackValue = defaults[row.field];
    const trimmed = value.trim();
    const n = /^\+?Infinity$/.test(trimmed) ? Number.POSITIVE_INFINITY : parseNumber(trimmed);
    if (n === null) {
      notices.add(`${row.key}=${show(value)} for ${who} is not a number; ${instead(fallbackValue)}`);
      if (fallback === 'default') spec[row.field] = fallbackValue;
      continue;
    }
    const reason = specProblem({ name, [row.field]: n });
    if (reason === null) {
      spec[row.field] = n;
      continue;
    }
    const tooHigh = n > fallbackValue;
    const clamped = tooHigh && specProblem({ name, [row.field]: row.high }) === null ? row.high : null;
    if (clamped !== null) {
      spec[row.field] = clamped;
      notices.add(
        `${row.key}=${show(value)} for ${who} is out of range (${reason}); using ${showNumber(clamped)}`,
      );
    } else {
      notices.add(
        `${row.key}=${show(value)} for ${who} is out of range (${reason}); ${instead(fallbackValue)}`,
      );
      if (fallback === 'default') spec[row.field] = fallbackValue;
    }
  }
  return label === undefined ? { spec } : { spec, label };
}

function parseName(text: string | undefined): OptimizerName | null {
  const t = (text ?? '').trim().toLowerCase();
  return isOptimizerName(t) ? t : null;
}

function parseRun(raw: string, index: number, notices: Notices): RunConfig | null {
  const what = `run #${index + 1}`;
  const parsed = splitSpecValue(raw, notices, what);
  if (!parsed) return null;
  // `run=adam` alone is allowed: the id is the optimizer's name.
  const [idText = '', second] = parsed.head;
  const nameText = second ?? idText;
  const name = parseName(nameText);
  if (name === null) {
    notices.add(
      `${what} (${show(idText)}): unknown optimizer ${show(nameText)} (expected one of ${OPTIMIZER_NAMES.join(', ')}); run dropped`,
    );
    return null;
  }
  let id = idText;
  if (!RUN_ID.test(id)) {
    id = `run${index + 1}`;
    notices.add(`${what}: id ${show(idText)} must be 1–32 letters, digits, - or _; using “${id}”`);
  }
  const who = `run ${id}`;
  const { spec, label } = readSpecPairs(name, parsed.pairs, who, 'default', notices);
  return { id, label: label ?? RULES[name].label, spec: { ...defaultSpec(name), ...spec } };
}

function parseScheduled(raw: string, runs: RunConfig[], notices: Notices): ScheduledChange | null {
  const what = `at=${show(raw)}`;
  const parsed = splitSpecValue(raw, notices, what);
  if (!parsed) return null;
  const [stepText = '', runId = '', nameText] = parsed.head;
  const step = numberIn(0, 1e7, true).parse(stepText);
  if (!step.ok) {
    notices.add(`${what}: the step ${step.reason}; change dropped`);
    return null;
  }
  const run = runs.find((r) => r.id === runId);
  if (!run) {
    notices.add(`${what}: no run with id ${show(runId)}; change dropped`);
    return null;
  }
  const hasName = nameText !== undefined && nameText !== '';
  const name = hasName ? parseName(nameText) : null;
  if (hasName && name === null) {
    notices.add(`${what}: unknown optimizer ${show(nameText)}; change dropped`);
    return null;
  }
  if (step.note)
    notices.add(`${what}: the step must be ${step.note.replace(/^expected /, '')}; using ${step.value}`);
  const specName = name ?? resolveSpec(run.spec).name;
  const { spec } = readSpecPairs(specName, parsed.pairs, `the change at step ${step.value}`, 'drop', notices);
  return { atStep: step.value, runId: run.id, spec: name ? { name, ...spec } : spec };
}

// ---------------------------------------------------------------------------------------------------------
// Notices.

class Notices {
  readonly list: string[] = [];
  private dropped = 0;
  add(text: string): void {
    if (this.list.includes(text)) return;
    if (this.list.length < MAX_NOTICES) this.list.push(text);
    else this.dropped++;
  }
  done(): string[] {
    return this.dropped > 0 ? [...this.list, `…and ${this.dropped} more problems in the link`] : this.list;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Decoding.

function baseScene(sceneId: string | undefined): Scene {
  return sceneById(sceneId ?? DEFAULT_SCENE_ID) ?? (sceneById(DEFAULT_SCENE_ID) as Scene);
}

function readTask(
  base: TaskConfig,
  get: (key: string) => { raw: string; text: string } | undefined,
  notices: Notices,
): TaskConfig {
  let task: Record<string, unknown> = { ...base };
  const kindParam = get(TASK_PARAM.key);
  if (kindParam) {
    const kind = TASK_PARAM.type.parse(kindParam.text);
    if (!kind.ok)
      notices.add(`task=${show(kindParam.text)} is not a task (${kind.reason}); using ${base.kind}`);
    else if (kind.value !== base.kind) task = { ...DEFAULT_TASKS[kind.value] };
  }
  const kind = task.kind as TaskKind;
  for (const row of TASK_PARAMS) {
    if (!row.kinds.includes(kind)) continue;
    const p = get(row.key);
    if (!p) continue;
    if (row.key === 'start' && p.text.trim().toLowerCase() === DEFAULT_START) {
      delete task.start;
      continue;
    }
    const parsed = row.type.parse(p.text);
    if (!parsed.ok) {
      notices.add(
        `${row.key}=${show(p.text)} ${parsed.reason.startsWith('is ') ? parsed.reason : `is not valid (${parsed.reason})`}; ignored`,
      );
      continue;
    }
    if (parsed.note)
      notices.add(`${row.key}=${show(p.text)}: ${parsed.note}; using ${row.type.format(parsed.value)}`);
    task[row.field] = parsed.value;
  }
  return task as unknown as TaskConfig;
}

/** Reads a query string (with or without '?'). Never throws; every change to the input is a notice. */
export function decodeState(search: string): { state: UrlState; notices: string[] } {
  const notices = new Notices();
  let text = typeof search === 'string' ? search : '';
  if (text.length > MAX_SEARCH_LENGTH) {
    notices.add(
      `the link is very long (${text.length} characters); only the first ${MAX_SEARCH_LENGTH} are read`,
    );
    text = text.slice(0, MAX_SEARCH_LENGTH);
  }
  let params = splitQuery(text);
  if (params.length > MAX_PARAMS) {
    notices.add(`the link has ${params.length} parameters; only the first ${MAX_PARAMS} are read`);
    params = params.slice(0, MAX_PARAMS);
  }
  params = params.filter((p) => {
    if (p.raw.length <= MAX_PARAM_LENGTH) return true;
    notices.add(`${p.key}= is too long (${p.raw.length} characters; at most ${MAX_PARAM_LENGTH}); ignored`);
    return false;
  });

  // Version first: it decides how the rest is named.
  let version = URL_SCHEMA_VERSION;
  const vParam = params.find((p) => p.key === VERSION_KEY);
  if (vParam) {
    const v = Number(decodePart(vParam.raw) ?? '');
    if (!Number.isInteger(v) || v < 1)
      notices.add(`v=${show(vParam.raw)} is not a link version; reading it as v=1`);
    else if (v > URL_SCHEMA_VERSION)
      notices.add(`this link was made by a newer version (v=${v}); some settings may be ignored`);
    if (Number.isInteger(v) && v >= 1) version = Math.min(v, URL_SCHEMA_VERSION);
  }
  params = migrate(version, params);

  /** The first value of a key, decoded (later repeats are ignored). */
  const get = (key: string): { raw: string; text: string } | undefined => {
    const p = params.find((q) => q.key === key);
    if (!p) return undefined;
    const decoded = decodePart(p.raw);
    if (decoded === null) {
      notices.add(`${key}= is not valid URL encoding; ignored`);
      return undefined;
    }
    return { raw: p.raw, text: decoded };
  };

  const state: UrlState = { view: { ...DEFAULT_VIEW } };

  const sceneParam = get(SCENE_PARAM.key);
  if (sceneParam) {
    const scene = SCENE_PARAM.type.parse(sceneParam.text);
    if (scene.ok) state.sceneId = scene.value;
    else notices.add(`scene=${show(sceneParam.text)} is not a scene we know; showing “${DEFAULT_SCENE_ID}”`);
  }

  if (params.some((p) => EXPERIMENT_KEYS.has(p.key))) {
    state.experiment = readExperiment(baseScene(state.sceneId).experiment, params, get, notices);
  }

  const field = get(VIEW_PARAMS.field.key);
  if (field) {
    const p = VIEW_PARAMS.field.type.parse(field.text);
    if (p.ok) state.view.shownField = p.value;
    else notices.add(`field=${show(field.text)}: ${p.reason}; using ${DEFAULT_VIEW.shownField}`);
  }
  const scale = get(VIEW_PARAMS.scale.key);
  if (scale) {
    const p = VIEW_PARAMS.scale.type.parse(scale.text);
    if (p.ok) state.view.sharedScale = p.value === 'shared';
    else notices.add(`scale=${show(scale.text)}: ${p.reason}; using shared`);
  }
  const agg = get(VIEW_PARAMS.agg.key);
  if (agg) {
    const p = VIEW_PARAMS.agg.type.parse(agg.text);
    if (p.ok) state.view.aggregate = p.value;
    else notices.add(`agg=${show(agg.text)}: ${p.reason}; using ${DEFAULT_VIEW.aggregate}`);
  }
  const backend = get(BACKEND_PARAM.key);
  if (backend && backend.text !== '') {
    const p = BACKEND_PARAM.type.parse(backend.text);
    if (p.ok) state.backend = p.value;
    else
      notices.add(
        `Unknown backend ${show(backend.text)} in the URL (expected auto, webgpu, webgl, wasm or cpu); using Auto.`,
      );
  }
  return { state, notices: notices.done() };
}

function readExperiment(
  base: ExperimentConfig,
  params: RawParam[],
  get: (key: string) => { raw: string; text: string } | undefined,
  notices: Notices,
): ExperimentConfig {
  const task = readTask(base.task, get, notices);

  const seeds: Seeds = { ...base.seeds };
  for (const row of SEED_PARAMS) {
    const p = get(row.key);
    if (!p) continue;
    const parsed = row.type.parse(p.text);
    if (!parsed.ok) notices.add(`${row.key}=${show(p.text)} ${parsed.reason}; using ${seeds[row.field]}`);
    else {
      if (parsed.note) notices.add(`${row.key}=${show(p.text)}: ${parsed.note}; using ${parsed.value}`);
      seeds[row.field] = parsed.value;
    }
  }

  let runs: RunConfig[] = base.runs.map((r) => structuredClone(r));
  const runParams = params.filter((p) => p.key === RUN_KEY);
  if (runParams.length > 0) {
    const read: RunConfig[] = [];
    runParams.forEach((p, i) => {
      const run = parseRun(p.raw, i, notices);
      if (!run) return;
      if (read.some((r) => r.id === run.id)) {
        notices.add(`run #${i + 1}: a second run with id “${run.id}”; dropped`);
        return;
      }
      if (read.length >= MAX_RUNS) {
        notices.add(`run ${run.id}: at most ${MAX_RUNS} runs; dropped`);
        return;
      }
      read.push(run);
    });
    if (read.length > 0) runs = read;
    else notices.add(`no usable run in the link; using the scene’s runs`);
  }

  const experiment: ExperimentConfig = { task, runs, seeds };
  const atParams = params.filter((p) => p.key === SCHEDULE_KEY);
  if (atParams.length === 0) {
    // The scene's schedule stays if its runs are still there.
    const kept = (base.schedule ?? []).filter((c) => runs.some((r) => r.id === c.runId));
    if (kept.length > 0) experiment.schedule = kept.map((c) => structuredClone(c));
  } else if (!atParams.every((p) => p.raw.trim().toLowerCase() === NO_SCHEDULE)) {
    const schedule: ScheduledChange[] = [];
    for (const p of atParams) {
      if (p.raw.trim().toLowerCase() === NO_SCHEDULE) continue;
      if (schedule.length >= MAX_SCHEDULE) {
        notices.add(`at most ${MAX_SCHEDULE} scheduled changes; the rest are dropped`);
        break;
      }
      const change = parseScheduled(p.raw, runs, notices);
      if (change) schedule.push(change);
    }
    if (schedule.length > 0) experiment.schedule = schedule.sort((a, b) => a.atStep - b.atStep);
  }
  return experiment;
}

// ---------------------------------------------------------------------------------------------------------
// Resolving and comparing.

/** The scene and experiment a decoded state stands for (the scene's own experiment when the URL has none). */
export function resolveUrlState(state: UrlState): { scene: Scene; experiment: ExperimentConfig } {
  const scene = baseScene(state.sceneId);
  return { scene, experiment: structuredClone(state.experiment ?? scene.experiment) };
}

function resolvedOrRaw(spec: OptimizerSpecInput): OptimizerSpec | OptimizerSpecInput {
  try {
    return resolveSpec(spec);
  } catch {
    return spec;
  }
}

/**
 * One canonical form per meaning: specs resolved (defaults filled), partial schedule specs without nulls,
 * the schedule absent when empty. Two experiments that train the same compare deep-equal here.
 */
export function canonicalExperiment(e: ExperimentConfig): ExperimentConfig {
  const out: ExperimentConfig = {
    task: structuredClone(e.task),
    runs: e.runs.map((r) => ({ id: r.id, label: r.label, spec: resolvedOrRaw(r.spec) })),
    seeds: { data: e.seeds.data, init: e.seeds.init, batches: e.seeds.batches },
  };
  if (out.task.kind === 'surface' && out.task.start === undefined) delete out.task.start;
  // A change for a run that is no longer there is moot.
  const schedule = (e.schedule ?? [])
    .filter((c) => e.runs.some((r) => r.id === c.runId))
    .map((c) => ({
      atStep: c.atStep,
      runId: c.runId,
      spec: Object.fromEntries(
        Object.entries(c.spec).filter(([, v]) => v !== undefined && v !== null),
      ) as Partial<OptimizerSpecInput>,
    }));
  if (schedule.length > 0) out.schedule = schedule;
  return out;
}

/** JSON with sorted keys, so that key order never makes two equal values differ. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

const same = (a: unknown, b: unknown): boolean => stableJson(a) === stableJson(b);

// ---------------------------------------------------------------------------------------------------------
// Encoding.

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
  return out;
}

function encodeRun(run: RunConfig): string | null {
  let spec: OptimizerSpec;
  try {
    spec = resolveSpec(run.spec);
  } catch {
    return null; // Not something a link can carry; the app never stores an invalid spec.
  }
  if (!RUN_ID.test(run.id)) return null;
  const parts = [`${run.id}:${spec.name}`, ...encodeSpecPairs(spec, defaultSpec(spec.name))];
  const label = run.label.slice(0, MAX_LABEL_LENGTH);
  if (label.trim() !== '' && label !== RULES[spec.name].label)
    parts.push(`${LABEL_KEY}=${encodeURIComponent(label)}`);
  return parts.join(',');
}

function encodeScheduled(change: ScheduledChange): string | null {
  if (!RUN_ID.test(change.runId) || !Number.isInteger(change.atStep) || change.atStep < 0) return null;
  const name = change.spec.name;
  const head =
    name && isOptimizerName(name)
      ? `${change.atStep}:${change.runId}:${name}`
      : `${change.atStep}:${change.runId}`;
  return [head, ...encodeSpecPairs(change.spec as Partial<OptimizerSpec>, null)].join(',');
}

/**
 * The query string (without '?') for a state: `v=1` and only what differs from the defaults and from the
 * scene's experiment, in the schema's order. Empty when everything is default.
 */
export function encodeState(state: UrlState): string {
  const out: string[] = [];
  const push = (key: string, value: string) => out.push(`${key}=${encodeValue(value)}`);
  const scene = baseScene(state.sceneId);
  if (state.sceneId !== undefined && sceneById(state.sceneId) && state.sceneId !== DEFAULT_SCENE_ID)
    push(SCENE_PARAM.key, state.sceneId);

  if (state.experiment) {
    const base = canonicalExperiment(scene.experiment);
    const e = canonicalExperiment(state.experiment);
    // Task: relative to the scene's task, or to the kind's defaults when the kind changes.
    const task = e.task as unknown as Record<string, unknown>;
    const sameKind = e.task.kind === base.task.kind;
    const ref = (sameKind ? base.task : DEFAULT_TASKS[e.task.kind]) as unknown as Record<string, unknown>;
    if (!sameKind) push(TASK_PARAM.key, e.task.kind);
    const written = new Set<string>();
    for (const row of TASK_PARAMS) {
      if (!row.kinds.includes(e.task.kind) || written.has(row.key)) continue;
      const value = task[row.field];
      if (row.key === 'start' && value === undefined && ref.start !== undefined) {
        push(row.key, DEFAULT_START);
        written.add(row.key);
        continue;
      }
      if (value === undefined || same(value, ref[row.field]) || !row.type.accepts(value)) continue;
      push(row.key, row.type.format(value));
      written.add(row.key);
    }
    for (const row of SEED_PARAMS) {
      const value = e.seeds[row.field];
      if (value !== base.seeds[row.field] && row.type.accepts(value)) push(row.key, row.type.format(value));
    }
    if (!same(e.runs, base.runs)) {
      // Runs are written whole: a link's runs replace the scene's.
      for (const run of state.experiment.runs.slice(0, MAX_RUNS)) {
        const value = encodeRun(run);
        if (value !== null) out.push(`${RUN_KEY}=${value}`);
      }
    }
    if (!same(e.schedule ?? [], base.schedule ?? [])) {
      const changes = (e.schedule ?? []).map(encodeScheduled).filter((v): v is string => v !== null);
      if (changes.length === 0) out.push(`${SCHEDULE_KEY}=${NO_SCHEDULE}`);
      for (const c of changes.slice(0, MAX_SCHEDULE)) out.push(`${SCHEDULE_KEY}=${c}`);
    }
  }

  const view = state.view ?? DEFAULT_VIEW;
  if (view.shownField !== DEFAULT_VIEW.shownField && VIEW_PARAMS.field.type.accepts(view.shownField))
    push(VIEW_PARAMS.field.key, view.shownField);
  if (view.sharedScale !== DEFAULT_VIEW.sharedScale)
    push(VIEW_PARAMS.scale.key, view.sharedScale ? 'shared' : 'own');
  if (view.aggregate !== DEFAULT_VIEW.aggregate && VIEW_PARAMS.agg.type.accepts(view.aggregate))
    push(VIEW_PARAMS.agg.key, view.aggregate);
  if (
    state.backend !== undefined &&
    state.backend !== DEFAULT_BACKEND &&
    BACKEND_PARAM.type.accepts(state.backend)
  )
    push(BACKEND_PARAM.key, state.backend);

  return out.length === 0 ? '' : [`${VERSION_KEY}=${URL_SCHEMA_VERSION}`, ...out].join('&');
}

/** Every scene id, for callers that list them (the schema's `scene` enum). */
export const SCENE_IDS: readonly string[] = SCENES.map((s) => s.id);
