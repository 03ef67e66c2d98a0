// URL ⇄ state. `?scene=<id>` picks the base experiment; task, seeds, runs and schedule parameters override
// it; view options, the backend and the page's own keys (page-codec.ts) ride along. Reading never throws: a bad value is clamped or dropped and
// the change is reported as a typed notice (url-notices.ts) that the app words in its language. Writing emits only what differs from the scene.
//
// A run is one readable value: `run=<id>:<optimizer>,lr=1e-3,eps=1e-8,label=Adam%20fast`. The label is
// percent-encoded inside the value, so commas in it cannot split the run.
// Over 300 lines: decoding and encoding of every schema row sit together so that round trips stay true.

import type { ExperimentConfig, RunConfig, ScheduledChange } from '../../engine/experiment';
import { MAX_RUNS, seedCountOf } from '../../engine/experiment';
import { checkExperimentBudget, type OverBudget } from '../../engine/model-size';
import type { BackendPreference } from '../../engine/protocol';
import type { Seeds } from '../../engine/random';
import { DEFAULT_SCENE_ID, SCENES, type Scene, sceneById } from '../../engine/scenes';
import { DEFAULT_TASKS, type TaskConfig, type TaskKind } from '../../engine/tasks/configs';
import { canonicalExperiment, same } from './canonical';
import { readPage, writePage } from './page-codec';
import { decodePart, encodeValue, Notices, type RawParam, show, splitQuery } from './query';
import { encodeRun, encodeScheduled, parseRun, parseScheduled } from './run-spec';
import {
  BACKEND_PARAM,
  DEFAULT_BACKEND,
  DEFAULT_START,
  DEFAULT_VIEW,
  EXPERIMENT_KEYS,
  MAX_PARAM_LENGTH,
  MAX_PARAMS,
  MAX_SCHEDULE,
  MAX_SEARCH_LENGTH,
  NO_SCHEDULE,
  RUN_KEY,
  SCENE_PARAM,
  SCHEDULE_KEY,
  SEED_COUNT_PARAM,
  SEED_PARAMS,
  TASK_PARAM,
  TASK_PARAMS,
  URL_SCHEMA_VERSION,
  type UrlPage,
  type UrlView,
  VERSION_KEY,
  VIEW_PARAMS,
} from './schema';
import type { UrlNotice, ValueProblem } from './url-notices';

export type { UrlPage, UrlView } from './schema';
export { DEFAULT_VIEW, OWNED_KEYS, URL_SCHEMA_VERSION } from './schema';

export interface UrlState {
  /** The scene named in the URL; absent means the default scene. */
  sceneId?: string;
  /** The experiment when the URL changes anything of the scene's; absent means the scene's own. */
  experiment?: ExperimentConfig;
  view: UrlView;
  /** Absent when the URL does not name one (the app then uses `auto`). */
  backend?: BackendPreference;
  /** The page's own keys (tour, language, presentation, embedding, debug); absent when the URL has none. */
  page?: UrlPage;
}

export interface DecodedUrl {
  state: UrlState;
  /** Every change made to the link, as typed notices, except the backend's (below). */
  notices: UrlNotice[];
  /** A `backend=` value that names no backend, as written (the app says so in its own notice). */
  refusedBackend?: string;
}

// ---------------------------------------------------------------------------------------------------------
// Versions.

/**
 * How a link of version k − 1 is read as version k, one entry per version after the first. Version 1 is
 * the only one so far, so there is none yet: a v2 that renames `agg` would add
 * `2: (params) => params.map((p) => (p.key === 'agg' ? { ...p, key: 'aggregate' } : p))`.
 */
const MIGRATIONS: Readonly<Record<number, (params: RawParam[]) => RawParam[]>> = {};

/** Maps parameters written by an older version onto this version's names, one version step at a time. */
export function migrate(version: number, params: RawParam[]): RawParam[] {
  let migrated = params;
  for (let v = version + 1; v <= URL_SCHEMA_VERSION; v++) migrated = MIGRATIONS[v]?.(migrated) ?? migrated;
  return migrated;
}

// ---------------------------------------------------------------------------------------------------------
// Decoding.

function baseScene(sceneId: string | undefined): Scene {
  return sceneById(sceneId ?? DEFAULT_SCENE_ID) ?? (sceneById(DEFAULT_SCENE_ID) as Scene);
}

/** A row's value refused or clamped: `using` what is used instead (absent: ignored). */
function refused(key: string, text: string, problem: ValueProblem, using?: string): UrlNotice {
  return using === undefined
    ? { kind: 'urlValue', key, text: show(text), problem }
    : { kind: 'urlValue', key, text: show(text), problem, using };
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
      notices.add({
        kind: 'urlUnknownTask',
        text: show(kindParam.text),
        expected: TASK_PARAM.type.expected,
        using: base.kind,
      });
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
      notices.add({ kind: 'urlValue', key: row.key, text: show(p.text), problem: parsed.problem });
      continue;
    }
    if (parsed.note)
      notices.add({
        kind: 'urlValue',
        key: row.key,
        text: show(p.text),
        problem: parsed.note,
        using: row.type.format(parsed.value),
      });
    task[row.field] = parsed.value;
  }
  return task as unknown as TaskConfig;
}

/** Reads a query string (with or without '?'). Never throws; every change to the input is a notice. */
export function decodeState(search: string): DecodedUrl {
  const notices = new Notices();
  let text = typeof search === 'string' ? search : '';
  if (text.length > MAX_SEARCH_LENGTH) {
    notices.add({ kind: 'urlTooLong', length: text.length, max: MAX_SEARCH_LENGTH });
    text = text.slice(0, MAX_SEARCH_LENGTH);
  }
  let params = splitQuery(text);
  if (params.length > MAX_PARAMS) {
    notices.add({ kind: 'urlTooManyParams', count: params.length, max: MAX_PARAMS });
    params = params.slice(0, MAX_PARAMS);
  }
  params = params.filter((p) => {
    if (p.raw.length <= MAX_PARAM_LENGTH) return true;
    notices.add({ kind: 'urlParamTooLong', key: show(p.key), length: p.raw.length, max: MAX_PARAM_LENGTH });
    return false;
  });

  // Version first: it decides how the rest is named.
  let version = URL_SCHEMA_VERSION;
  const vParam = params.find((p) => p.key === VERSION_KEY);
  if (vParam) {
    const v = Number(decodePart(vParam.raw) ?? '');
    if (!Number.isInteger(v) || v < 1) notices.add({ kind: 'urlBadVersion', text: show(vParam.raw) });
    else if (v > URL_SCHEMA_VERSION) notices.add({ kind: 'urlNewerVersion', version: v });
    if (Number.isInteger(v) && v >= 1) version = Math.min(v, URL_SCHEMA_VERSION);
  }
  params = migrate(version, params);

  /** The first value of a key, decoded (later repeats are ignored). */
  const get = (key: string): { raw: string; text: string } | undefined => {
    const p = params.find((q) => q.key === key);
    if (!p) return undefined;
    const decoded = decodePart(p.raw);
    if (decoded === null) {
      notices.add({ kind: 'urlBadEncoding', key });
      return undefined;
    }
    return { raw: p.raw, text: decoded };
  };

  const state: UrlState = { view: { ...DEFAULT_VIEW } };

  const sceneParam = get(SCENE_PARAM.key);
  if (sceneParam) {
    const scene = SCENE_PARAM.type.parse(sceneParam.text);
    if (scene.ok) state.sceneId = scene.value;
    else notices.add({ kind: 'urlUnknownScene', text: show(sceneParam.text), using: DEFAULT_SCENE_ID });
  }

  if (params.some((p) => EXPERIMENT_KEYS.has(p.key))) {
    state.experiment = readExperiment(baseScene(state.sceneId).experiment, params, get, notices);
  }

  const field = get(VIEW_PARAMS.field.key);
  if (field) {
    const p = VIEW_PARAMS.field.type.parse(field.text);
    if (p.ok) state.view.shownField = p.value;
    else notices.add(refused('field', field.text, p.problem, DEFAULT_VIEW.shownField));
  }
  const scale = get(VIEW_PARAMS.scale.key);
  if (scale) {
    const p = VIEW_PARAMS.scale.type.parse(scale.text);
    if (p.ok) state.view.sharedScale = p.value === 'shared';
    else notices.add(refused('scale', scale.text, p.problem, 'shared'));
  }
  const agg = get(VIEW_PARAMS.agg.key);
  if (agg) {
    const p = VIEW_PARAMS.agg.type.parse(agg.text);
    if (p.ok) state.view.aggregate = p.value;
    else notices.add(refused('agg', agg.text, p.problem, DEFAULT_VIEW.aggregate));
  }
  let refusedBackend: string | undefined;
  const backend = get(BACKEND_PARAM.key);
  if (backend && backend.text.trim() !== '') {
    const p = BACKEND_PARAM.type.parse(backend.text);
    if (p.ok) state.backend = p.value;
    else refusedBackend = backend.text;
  }
  const page = readPage(get, notices);
  if (page) state.page = page;
  return refusedBackend === undefined
    ? { state, notices: notices.done() }
    : { state, notices: notices.done(), refusedBackend };
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
    if (!parsed.ok) notices.add(refused(row.key, p.text, parsed.problem, String(seeds[row.field])));
    else {
      if (parsed.note) notices.add(refused(row.key, p.text, parsed.note, String(parsed.value)));
      seeds[row.field] = parsed.value;
    }
  }

  let runs: RunConfig[] = base.runs.map((r) => structuredClone(r));
  const runParams = params.filter((p) => p.key === RUN_KEY);
  if (runParams.length > 0) {
    const read: RunConfig[] = [];
    runParams.forEach((p, i) => {
      const run = parseRun(p.raw, i, notices, base.runs);
      if (!run) return;
      if (read.some((r) => r.id === run.id)) {
        notices.add({ kind: 'urlRunDuplicate', n: i + 1, id: run.id });
        return;
      }
      if (read.length >= MAX_RUNS) {
        notices.add({ kind: 'urlTooManyRuns', id: run.id, max: MAX_RUNS });
        return;
      }
      read.push(run);
    });
    if (read.length > 0) runs = read;
    else notices.add({ kind: 'urlNoRun' });
  }

  const experiment: ExperimentConfig = { task, runs, seeds };
  const seedCount = readSeedCount(base, get, notices);
  if (seedCount > 1) experiment.seedCount = seedCount;
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
        notices.add({ kind: 'urlTooManyChanges', max: MAX_SCHEDULE });
        break;
      }
      const change = parseScheduled(p.raw, runs, notices);
      if (change) schedule.push(change);
    }
    if (schedule.length > 0) experiment.schedule = schedule.sort((a, b) => a.atStep - b.atStep);
  }
  return experiment;
}

/** `seeds=N` (the scene's own count when absent): clamped into range with a notice, a bad value ignored. */
function readSeedCount(
  base: ExperimentConfig,
  get: (key: string) => { raw: string; text: string } | undefined,
  notices: Notices,
): number {
  const own = seedCountOf(base);
  const p = get(SEED_COUNT_PARAM.key);
  if (!p) return own;
  const parsed = SEED_COUNT_PARAM.type.parse(p.text);
  if (!parsed.ok) {
    notices.add(refused(SEED_COUNT_PARAM.key, p.text, parsed.problem, String(own)));
    return own;
  }
  if (parsed.note) notices.add(refused(SEED_COUNT_PARAM.key, p.text, parsed.note, String(parsed.value)));
  return parsed.value;
}

// ---------------------------------------------------------------------------------------------------------
// Resolving.

// Resolving and comparing.

/** The scene and experiment a decoded state stands for (the scene's own experiment when the URL has none). */
/**
 * The scene and experiment a decoded link asks for. A link whose experiment is over the model-size budget
 * (engine/model-size.ts) gets the scene's own experiment instead, and `refusal` says what was too large.
 */
export function resolveUrlState(state: UrlState): {
  scene: Scene;
  experiment: ExperimentConfig;
  refusal: OverBudget | null;
} {
  const scene = baseScene(state.sceneId);
  const refusal = state.experiment ? checkExperimentBudget(state.experiment) : null;
  const experiment = refusal ? scene.experiment : (state.experiment ?? scene.experiment);
  return { scene, experiment: structuredClone(experiment), refusal };
}

// ---------------------------------------------------------------------------------------------------------
// Encoding.

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
    const seedCount = seedCountOf(state.experiment);
    if (seedCount !== seedCountOf(scene.experiment)) push(SEED_COUNT_PARAM.key, String(seedCount));
    if (!same(e.runs, base.runs)) {
      // Runs are written whole: a link's runs replace the scene's.
      for (const run of state.experiment.runs.slice(0, MAX_RUNS)) {
        const value = encodeRun(run, scene.experiment.runs);
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
  if (state.page) writePage(state.page, push);

  return out.length === 0 ? '' : [`${VERSION_KEY}=${URL_SCHEMA_VERSION}`, ...out].join('&');
}

/** Every scene id, for callers that list them (the schema's `scene` enum). */
export const SCENE_IDS: readonly string[] = SCENES.map((s) => s.id);
