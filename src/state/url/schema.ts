// Every URL parameter the app reads, as one declarative table (docs/ARCHITECTURE.md, "A URL key, to the
// app's state"): a readable name, a value type that parses, clamps and formats (value-types.ts), and where
// the value lives in the app's state. Adding a knob is one row. Pure data and parsing (no tfjs, no DOM).

import { BACKEND_PREFERENCES, type BackendPreference } from '../../engine/protocol';
import { MAX_SEED_REPEATS, type Seeds } from '../../engine/random';
import { SCENES } from '../../engine/scenes';
import type { FieldKind } from '../../engine/session/snapshot-types';
import {
  ACTIVATIONS,
  MAX_BATCH_SIZE,
  MAX_HIDDEN_LAYERS,
  MAX_HIDDEN_UNITS,
  RECURRENT_CELLS,
  SURFACES,
  TASK_KINDS,
  type TaskKind,
} from '../../engine/tasks/configs';
import { DATASETS_2D } from '../../engine/tasks/datasets-2d';
import { type OptimizerSpec, STATE_FIELDS } from '../../optim/spec';
import { EMBED_LAYOUTS, type EmbedLinkParams, HIDEABLE, parseOrigin } from '../embed/embed-params';
import type { Expected } from './url-notices';
import { enumOf, layerSizes, numberIn, type Parsed, pointIn, type ValueType } from './value-types';

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
// The table.

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
  param(
    'hidden',
    'hidden',
    ['classify2d', 'mnist'],
    layerSizes(MAX_HIDDEN_LAYERS, MAX_HIDDEN_UNITS),
    'MLP hidden layers "128-64"',
  ),
  param('hidden', 'hidden', ['charlm'], numberIn(1, MAX_HIDDEN_UNITS, true), 'GRU / LSTM hidden units'),
  param('act', 'activation', ['classify2d', 'mnist'], enumOf(ACTIVATIONS), 'activation'),
  param(
    'batch',
    'batchSize',
    ['classify2d', 'mnist', 'charlm'],
    numberIn(1, MAX_BATCH_SIZE, true),
    'batch size',
  ),
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

// ---------------------------------------------------------------------------------------------------------
// The page's own keys: not the experiment, but how this page shows it (tour, language, presentation,
// embedding, test hooks). One row each: key, field of `UrlPage`, value type; `live` rows are the ones the
// running app changes and writes back (the others are read at start-up and left in the address bar as found).

/** The UI languages (`lang=`); their string tables live in ui/i18n. */
export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A tour step in a link is read up to this; the tour then clamps it to its own number of steps. */
export const MAX_TOUR_STEP = 99;

/** What the page keys of a link say; a field is absent when its key is. */
export interface UrlPage extends EmbedLinkParams {
  /** `tour=1`: the guided tour is open (at `step`, 1-based; step 1 without one). */
  tour?: boolean;
  step?: number;
  /** The language the link names (absent: the browser's). */
  lang?: Language;
  /** `present=1`: large type and high contrast from the start. */
  present?: boolean;
  /** `debug=1`: the test hooks (ui/debug-hooks.ts). */
  debug?: boolean;
}

/** `1` or `0`. */
export const flag: ValueType<boolean> = {
  expected: { kind: 'flag' },
  parse: (text): Parsed<boolean> =>
    text.trim() === '1'
      ? { ok: true, value: true }
      : text.trim() === '0'
        ? { ok: true, value: false }
        : { ok: false, problem: { code: 'invalid', expected: { kind: 'flag' } } },
  format: (v) => (v ? '1' : '0'),
  accepts: (v): v is boolean => typeof v === 'boolean',
};

/** Comma-separated names from `values`; unknown names are left out (with a note). */
export function partsOf<T extends string>(values: readonly T[]): ValueType<T[]> {
  const one = enumOf(values);
  const expected: Expected = { kind: 'names', values };
  return {
    expected,
    parse(text) {
      const parts = text.split(',').filter((p) => p.trim() !== '');
      const known: T[] = [];
      for (const part of parts) {
        const p = one.parse(part);
        if (p.ok && !known.includes(p.value)) known.push(p.value);
      }
      if (known.length === 0) return { ok: false, problem: { code: 'invalid', expected } };
      return known.length < parts.length
        ? { ok: true, value: known, note: { code: 'unknownNames', expected } }
        : { ok: true, value: known };
    },
    format: (v) => v.join(','),
    accepts: (v): v is T[] => Array.isArray(v) && v.length > 0 && v.every((p) => one.accepts(p)),
  };
}

/**
 * A parent page's origin (`https://host[:port]`, see embed/embed-params.ts). Fails closed: a value that is
 * not an origin is kept as `refusedOrigin`, and the app then answers no parent at all.
 */
export const originType: ValueType<string> = {
  expected: { kind: 'origin' },
  parse: (text) => {
    const origin = parseOrigin(text);
    return origin === null ? { ok: false, problem: { code: 'notOrigin' } } : { ok: true, value: origin };
  },
  format: (v) => v,
  accepts: (v): v is string => typeof v === 'string' && parseOrigin(v) === v,
};

export interface PageParam {
  key: string;
  field: keyof UrlPage;
  type: ValueType<unknown>;
  /** The running app changes it (and the one URL writer writes it back). */
  live?: boolean;
}

const page = <T>(key: string, field: keyof UrlPage, type: ValueType<T>, live = false): PageParam => ({
  key,
  field,
  type: type as ValueType<unknown>,
  ...(live ? { live } : {}),
});

export const PAGE_PARAMS: readonly PageParam[] = [
  page('tour', 'tour', flag, true),
  page('step', 'step', numberIn(1, MAX_TOUR_STEP, true), true),
  page('lang', 'lang', enumOf(LANGUAGES), true),
  page('present', 'present', flag),
  page('debug', 'debug', flag),
  page('embed', 'embed', flag),
  page('hide', 'hide', partsOf(HIDEABLE)),
  page('show', 'show', partsOf(HIDEABLE)),
  page('layout', 'layout', enumOf(EMBED_LAYOUTS)),
  page('origin', 'origin', originType),
];

/** Keys read at start-up only: the URL writer leaves them exactly as found (a refused `origin=` included). */
export const START_UP_KEYS: readonly string[] = PAGE_PARAMS.filter((p) => !p.live).map((p) => p.key);

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
  ...PAGE_PARAMS.map((p) => p.key),
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
