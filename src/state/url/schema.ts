// The persisted URL parameters as one declarative table (docs/ARCHITECTURE.md, "A URL key,
// to the app's state"): a readable name, a value type that parses, clamps and formats, and where the value lives in
// the app's state. Adding a knob is one row. Pure data and parsing (no tfjs, no DOM).

import { BACKEND_PREFERENCES, type BackendPreference } from '../../engine/protocol';
import { MAX_SEED_REPEATS, type Seeds } from '../../engine/random';
import { SCENES } from '../../engine/scenes';
import type { FieldKind } from '../../engine/session/snapshot-types';
import {
  ACTIVATIONS,
  DEFAULT_CHAR_LM,
  DEFAULT_CLASSIFY_2D,
  DEFAULT_MNIST,
  RECURRENT_CELLS,
  SURFACES,
  type TaskConfig,
} from '../../engine/tasks/configs';
import { DATASETS_2D } from '../../engine/tasks/datasets-2d';
import { type OptimizerSpec, STATE_FIELDS } from '../../optim/spec';

/** Written as `v=1`. A link without `v` is version 1; `migrate` maps older names when this grows. */
export const URL_SCHEMA_VERSION = 1;
/** One parameter's value longer than this is ignored (a pasted essay is not a learning rate). */
export const MAX_PARAM_LENGTH = 2000;
/** The query string is read up to this many characters. */
export const MAX_SEARCH_LENGTH = 20_000;
/** At most this many `key=value` pairs are read. */
export const MAX_PARAMS = 100;
/** Scheduled spec changes read from `at` parameters. */
export const MAX_SCHEDULE = 16;
/** Notices beyond this are summarised in one line. */
export const MAX_NOTICES = 12;

// ---------------------------------------------------------------------------------------------------------
// Value types: parse a decoded string (clamping where sensible, with a note) and format a value back.

export type Parsed<T> = { ok: true; value: T; note?: string } | { ok: false; reason: string };

export interface ValueType<T> {
  /** What a valid value looks like, for notices ("an integer from 1 to 1024"). */
  expected: string;
  parse(text: string): Parsed<T>;
  format(value: T): string;
  /** Whether `value` is something `format` can write and `parse` reads back unchanged. */
  accepts(value: unknown): value is T;
}

/** Shortest round-trip text for a number, without '+' (which a query string reads as a space). */
export function formatNumber(n: number): string {
  const plain = String(n).replace('e+', 'e');
  const exp = n.toExponential().replace('e+', 'e');
  return exp.length < plain.length ? exp : plain;
}

/** A finite number from text, or null ('' and '  ' are not 0 here, unlike `Number`). */
export function parseNumber(text: string): number | null {
  // A literal '+' (1e+3) arrives as a space after form decoding.
  const t = text.trim().replace(/ /g, '+');
  if (t === '' || t.length > 40) return null;
  const n = Number(t);
  if (!Number.isFinite(n)) return null;
  return n === 0 ? 0 : n; // -0 would not survive a round trip through text
}

/** A number as a person reads it in a notice ("0.001", "10000"). */
export function showNumber(n: number): string {
  return String(n).replace('e+', 'e');
}

export function enumOf<T extends string>(values: readonly T[]): ValueType<T> {
  const expected = `one of ${values.join(', ')}`;
  return {
    expected,
    parse(text) {
      const t = text.trim().toLowerCase();
      const hit = values.find((v) => v.toLowerCase() === t);
      return hit === undefined ? { ok: false, reason: `expected ${expected}` } : { ok: true, value: hit };
    },
    format: (v) => v,
    accepts: (v): v is T => typeof v === 'string' && (values as readonly string[]).includes(v),
  };
}

/** A number in [min, max]; outside is clamped to the nearer end (with a note), integers rounded if asked. */
export function numberIn(min: number, max: number, integer = false): ValueType<number> {
  const expected = `${integer ? 'a whole number' : 'a number'} from ${showNumber(min)} to ${showNumber(max)}`;
  return {
    expected,
    parse(text) {
      const t = text.trim();
      const n = t === 'Infinity' || t === '+Infinity' ? max : t === '-Infinity' ? min : parseNumber(t);
      if (n === null) return { ok: false, reason: `is not a number (expected ${expected})` };
      let value = integer ? Math.round(n) : n;
      value = Math.min(max, Math.max(min, value));
      return value === n ? { ok: true, value } : { ok: true, value, note: `expected ${expected}` };
    },
    format: formatNumber,
    accepts: (v): v is number =>
      typeof v === 'number' &&
      Number.isFinite(v) &&
      v >= min &&
      v <= max &&
      (!integer || Number.isInteger(v)),
  };
}

/** Layer sizes written "128-64": 1 to `maxLayers` whole numbers from 1 to `maxUnits`. */
export function layerSizes(maxLayers: number, maxUnits: number): ValueType<number[]> {
  const unit = numberIn(1, maxUnits, true);
  const expected = `1 to ${maxLayers} layer sizes like 128-64, each ${unit.expected}`;
  return {
    expected,
    parse(text) {
      const parts = text.split(/[\s,;x×-]+/).filter(Boolean);
      if (parts.length === 0) return { ok: false, reason: `expected ${expected}` };
      const notes: string[] = [];
      if (parts.length > maxLayers) notes.push(`only the first ${maxLayers} layers are kept`);
      const sizes: number[] = [];
      for (const part of parts.slice(0, maxLayers)) {
        const p = unit.parse(part);
        if (!p.ok) return { ok: false, reason: `expected ${expected}` };
        if (p.note) notes.push(`each layer needs ${unit.expected}`);
        sizes.push(p.value);
      }
      return notes.length > 0
        ? { ok: true, value: sizes, note: [...new Set(notes)].join('; ') }
        : { ok: true, value: sizes };
    },
    format: (v) => v.join('-'),
    accepts: (v): v is number[] =>
      Array.isArray(v) && v.length >= 1 && v.length <= maxLayers && v.every((n) => unit.accepts(n)),
  };
}

/** A point written "x,y", each coordinate clamped into [min, max]. */
export function pointIn(min: number, max: number): ValueType<[number, number]> {
  const coord = numberIn(min, max);
  const expected = `x,y with each ${coord.expected}`;
  return {
    expected,
    parse(text) {
      const parts = text.split(/[\s,;]+/).filter(Boolean);
      if (parts.length !== 2) return { ok: false, reason: `expected ${expected}` };
      const x = coord.parse(parts[0] as string);
      const y = coord.parse(parts[1] as string);
      if (!x.ok || !y.ok) return { ok: false, reason: `expected ${expected}` };
      const value: [number, number] = [x.value, y.value];
      return x.note || y.note ? { ok: true, value, note: `expected ${expected}` } : { ok: true, value };
    },
    format: (v) => `${formatNumber(v[0])},${formatNumber(v[1])}`,
    accepts: (v): v is [number, number] =>
      Array.isArray(v) && v.length === 2 && coord.accepts(v[0]) && coord.accepts(v[1]),
  };
}

// ---------------------------------------------------------------------------------------------------------
// The table.

export type TaskKind = TaskConfig['kind'];
export const TASK_KINDS: readonly TaskKind[] = ['mnist', 'classify2d', 'surface', 'charlm'];

/** The task each kind starts from when `task=` switches kind (the drawer's defaults). */
export const DEFAULT_TASKS: Record<TaskKind, TaskConfig> = {
  mnist: DEFAULT_MNIST,
  classify2d: DEFAULT_CLASSIFY_2D,
  surface: { kind: 'surface', surface: 'rosenbrock' },
  charlm: DEFAULT_CHAR_LM,
};

/** `start=default` puts a surface back on its classic start point. */
export const DEFAULT_START = 'default';

/** One field of one or more task kinds. The same key may appear once per kind (`hidden`). */
export interface TaskParam {
  key: string;
  field: string;
  kinds: readonly TaskKind[];
  type: ValueType<unknown>;
  doc: string;
}

const param = <T>(
  key: string,
  field: string,
  kinds: readonly TaskKind[],
  type: ValueType<T>,
  doc: string,
): TaskParam => ({ key, field, kinds, type: type as ValueType<unknown>, doc });

export const TASK_PARAMS: readonly TaskParam[] = [
  param('dataset', 'dataset', ['classify2d'], enumOf(DATASETS_2D), '2-D data set'),
  param('surface', 'surface', ['surface'], enumOf(SURFACES), 'loss surface'),
  // ±10: what the drawer accepts for a typed start point.
  param('start', 'start', ['surface'], pointIn(-10, 10), 'start point "x,y", or "default"'),
  param('model', 'model', ['mnist'], enumOf(['mlp', 'cnn'] as const), 'MNIST model'),
  param('hidden', 'hidden', ['classify2d', 'mnist'], layerSizes(4, 1024), 'MLP hidden layers "128-64"'),
  param('hidden', 'hidden', ['charlm'], numberIn(1, 1024, true), 'GRU / LSTM hidden units'),
  param('act', 'activation', ['classify2d', 'mnist'], enumOf(ACTIVATIONS), 'activation'),
  param('batch', 'batchSize', ['classify2d', 'mnist', 'charlm'], numberIn(1, 1024, true), 'batch size'),
  param('noise', 'noise', ['classify2d'], numberIn(0, 5), '2-D data noise'),
  param('train', 'trainSize', ['classify2d'], numberIn(10, 10_000, true), '2-D training points'),
  param('emb', 'embedding', ['charlm'], numberIn(1, 256, true), 'character embedding size'),
  param('seq', 'sequenceLength', ['charlm'], numberIn(2, 256, true), 'characters per window'),
  param('cell', 'cell', ['charlm'], enumOf(RECURRENT_CELLS), 'recurrent cell (gru or lstm)'),
];

export const SEED_PARAMS: readonly { key: string; field: keyof Seeds; type: ValueType<number> }[] = [
  { key: 'data_seed', field: 'data', type: numberIn(0, 2 ** 32 - 1, true) },
  { key: 'init_seed', field: 'init', type: numberIn(0, 2 ** 32 - 1, true) },
  { key: 'batch_seed', field: 'batches', type: numberIn(0, 2 ** 32 - 1, true) },
];

/**
 * `seeds=3`: train every run on that many seeds (docs/seeds.md), 1 to MAX_SEED_REPEATS. Written only when it
 * differs from the scene's own count; the model-size budget may still refuse a count the range allows.
 */
export const SEED_COUNT_PARAM = { key: 'seeds', type: numberIn(1, MAX_SEED_REPEATS, true) };

type NumericSpecField = Exclude<
  { [K in keyof OptimizerSpec]: OptimizerSpec[K] extends number ? K : never }[keyof OptimizerSpec],
  undefined
>;

/**
 * The keys inside one `run=` (or `at=`) value. Validity is the optimizer library's own (`resolveSpec`);
 * `high` is where a too-large value is clamped to (a too-small or negative one falls back to the default,
 * since a sign slip is likelier than "as small as possible").
 */
export const SPEC_PARAMS: readonly { key: string; field: NumericSpecField; high: number }[] = [
  { key: 'lr', field: 'lr', high: 1e6 },
  { key: 'beta1', field: 'beta1', high: 0.999 },
  { key: 'beta2', field: 'beta2', high: 0.999 },
  { key: 'eps', field: 'eps', high: 1e6 },
  { key: 'beta', field: 'softplusBeta', high: 1e9 },
  { key: 'wd', field: 'weightDecay', high: 1e6 },
  { key: 'partial', field: 'partial', high: 0.5 },
  { key: 'final_lr', field: 'finalLr', high: 1e6 },
  { key: 'gamma', field: 'gamma', high: 1e6 },
];
export const CONVENTION_KEY = 'conv';
export const LABEL_KEY = 'label';
export const MAX_LABEL_LENGTH = 60;
/** The custom rule's φ formula (`phi=log(1%2Bexp(b*z))%2Fb`); its length is limited by the formula parser. */
export const PHI_KEY = 'phi';
/** Run ids become test ids and panel keys: keep them plain. */
export const RUN_ID = /^[A-Za-z0-9_-]{1,32}$/;

export const FIELD_KINDS: readonly FieldKind[] = STATE_FIELDS;
export const AGGREGATES = ['max', 'min', 'mean'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

/** View options as the training store names them. */
export interface UrlView {
  shownField: FieldKind;
  sharedScale: boolean;
  aggregate: Aggregate;
}

export const DEFAULT_VIEW: UrlView = { shownField: 'adaptiveRate', sharedScale: true, aggregate: 'max' };

export const VIEW_PARAMS = {
  field: { key: 'field', type: enumOf(FIELD_KINDS) },
  scale: { key: 'scale', type: enumOf(['shared', 'own'] as const) },
  agg: { key: 'agg', type: enumOf(AGGREGATES) },
} as const;

export const BACKEND_PARAM = { key: 'backend', type: enumOf<BackendPreference>(BACKEND_PREFERENCES) };
export const DEFAULT_BACKEND: BackendPreference = 'auto';

export const SCENE_PARAM = { key: 'scene', type: enumOf(SCENES.map((s) => s.id)) };
export const TASK_PARAM = { key: 'task', type: enumOf(TASK_KINDS) };
export const VERSION_KEY = 'v';
export const RUN_KEY = 'run';
export const SCHEDULE_KEY = 'at';
/** `at=none` clears a scene's schedule. */
export const NO_SCHEDULE = 'none';

/** Every key this schema owns, in the order `encodeState` writes them; anything else in a URL is left alone. */
export const OWNED_KEYS: readonly string[] = [
  VERSION_KEY,
  SCENE_PARAM.key,
  TASK_PARAM.key,
  ...new Set(TASK_PARAMS.map((p) => p.key)),
  ...SEED_PARAMS.map((p) => p.key),
  SEED_COUNT_PARAM.key,
  RUN_KEY,
  SCHEDULE_KEY,
  VIEW_PARAMS.field.key,
  VIEW_PARAMS.scale.key,
  VIEW_PARAMS.agg.key,
  BACKEND_PARAM.key,
];

/** Keys of the experiment: when none is in the URL, the scene's experiment is used as it is. */
export const EXPERIMENT_KEYS: ReadonlySet<string> = new Set([
  TASK_PARAM.key,
  ...TASK_PARAMS.map((p) => p.key),
  ...SEED_PARAMS.map((p) => p.key),
  SEED_COUNT_PARAM.key,
  RUN_KEY,
  SCHEDULE_KEY,
]);
