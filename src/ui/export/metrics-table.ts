// The metrics history of every run as a flat table (one row per history point per run) and as a JSON
// document, for download. Pure: plain data in, strings / objects out; no DOM, no tfjs.
//
// CSV follows RFC 4180: CRLF line ends, fields with a comma, quote, CR or LF are quoted and their quotes
// doubled. A missing value (no test set) is an empty field; NaN / ±Infinity (a diverged run, or the A-LR
// before the first step) are written `NaN`, `inf`, `-inf`, which pandas, numpy and R read as floats.
// JSON writes every non-finite number as null (JSON has no NaN).
//
// Several seeds (docs/seeds.md): the CSV gets a last column `seed` (`mean` for the rows the charts draw,
// then 1…N for every seed's own series); the JSON keeps the means in `points` and adds each seed's series
// under `seeds`. A single-seed export is exactly as before (no `seed` column, no `seeds`).
//
// Spreadsheet safety (CSV/formula injection): a text cell that begins with `=`, `+`, `-`, `@`, a tab or a
// carriage return would run as a formula when the file is opened in a spreadsheet, and run labels come from
// links. Such a cell gets a leading single quote and is quoted (`"'=HYPERLINK(…)"`), as spreadsheet-safe
// exporters do. Numbers are not touched: the numeric columns are written from numbers only (a sign there is
// data, and `-0.5` must stay a number for pandas/R), and a text cell that is nothing but a plain decimal
// number (a label "-1") cannot run as a formula either, so it is left as it is.

import type { ExperimentConfig } from '../../engine/experiment';
import type { OptimizerSpec } from '../../optim/spec';
import type { HistoryPoint, TrainingState } from '../../state/training-store';
import type { SeriesPoint } from '../../stats/downsample';
import type { Percentiles } from '../../stats/percentiles';

export const METRICS_SCHEMA = 'anisoscope-metrics/1';

export const ALR_COLUMNS = [
  'min',
  'p1',
  'p25',
  'p50',
  'p75',
  'p99',
  'max',
] as const satisfies readonly (keyof Percentiles)[];

/** CSV header, in column order. */
export const CSV_COLUMNS = [
  'run_id',
  'label',
  'optimizer',
  'step',
  'train_loss',
  'test_loss',
  'accuracy',
  ...ALR_COLUMNS.map((k) => `alr_${k}`),
] as const;

/** One run's history, as the store holds it. */
export interface RunHistory {
  runId: string;
  label: string;
  spec: OptimizerSpec;
  points: readonly SeriesPoint<HistoryPoint>[];
  /** Several seeds: every seed's own series (seed k at index k); `points` are then their means. */
  seedPoints?: (readonly SeriesPoint<HistoryPoint>[])[];
}

export interface MetricsRow {
  runId: string;
  label: string;
  optimizer: string;
  step: number;
  trainLoss: number;
  /** undefined: the task has no test set. */
  testLoss: number | undefined;
  accuracy: number | undefined;
  alr: Percentiles;
  /** Several seeds: 'mean', or the seed (1-based, as the page names them). */
  seed?: 'mean' | number;
}

/** The runs of the latest snapshot, in its order, with their histories (empty when none yet). */
export function runHistories(
  state: Pick<TrainingState, 'snapshot' | 'history'> & Partial<Pick<TrainingState, 'seeds'>>,
): RunHistory[] {
  if (!state.snapshot) return [];
  return state.snapshot.runs.map((run) => {
    const perSeed = state.seeds?.history[run.runId];
    return {
      runId: run.runId,
      label: run.label,
      spec: run.spec,
      points: state.history[run.runId]?.points() ?? [],
      ...(perSeed ? { seedPoints: perSeed.map((s) => s.points()) } : {}),
    };
  });
}

/** One row per history point per run, runs in order, points by step. */
export function metricsRows(runs: readonly RunHistory[]): MetricsRow[] {
  const rows: MetricsRow[] = [];
  const add = (run: RunHistory, points: readonly SeriesPoint<HistoryPoint>[], seed?: 'mean' | number) => {
    for (const p of points) {
      rows.push({
        runId: run.runId,
        label: run.label,
        optimizer: run.spec.name,
        step: p.step,
        trainLoss: p.value.trainLoss,
        testLoss: p.value.testLoss,
        accuracy: p.value.accuracy,
        alr: p.value.alr,
        ...(seed !== undefined ? { seed } : {}),
      });
    }
  };
  for (const run of runs) {
    if (!run.seedPoints) add(run, run.points);
    else {
      add(run, run.points, 'mean');
      for (const [k, points] of run.seedPoints.entries()) add(run, points, k + 1);
    }
  }
  return rows;
}

/** A number as a CSV field: shortest round-trip text; NaN / inf / -inf; empty when missing. */
export function csvNumber(v: number | undefined | null): string {
  if (v === undefined || v === null) return '';
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return String(v);
}

/** Starts a formula in a spreadsheet (OWASP's list: = + - @ tab CR). */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A text field, quoted when RFC 4180 requires it (comma, quote, CR, LF) or when it has edge spaces; a
 * cell a spreadsheet would run as a formula is neutralised with a leading `'` and quoted (see the header).
 */
export function csvField(text: string): string {
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) return `"'${text.replaceAll('"', '""')}"`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly MetricsRow[]): string {
  const seeded = rows.some((r) => r.seed !== undefined);
  const lines = [[...CSV_COLUMNS, ...(seeded ? ['seed'] : [])].join(',')];
  for (const r of rows) {
    lines.push(
      [
        csvField(r.runId),
        csvField(r.label),
        csvField(r.optimizer),
        csvNumber(r.step),
        csvNumber(r.trainLoss),
        csvNumber(r.testLoss),
        csvNumber(r.accuracy),
        ...ALR_COLUMNS.map((k) => csvNumber(r.alr[k])),
        ...(seeded ? [r.seed === undefined ? '' : String(r.seed)] : []),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

// ---- JSON ------------------------------------------------------------------------------------------

/** A number that JSON can hold: finite, else null. */
export type JsonNumber = number | null;

export interface MetricsPointJson {
  step: number;
  trainLoss: JsonNumber;
  testLoss?: JsonNumber;
  accuracy?: JsonNumber;
  alr: Record<(typeof ALR_COLUMNS)[number], JsonNumber>;
}

export interface MetricsRunJson {
  runId: string;
  label: string;
  optimizer: string;
  spec: unknown;
  /** With several seeds: the means over the seeds (each seed's own series is in `seeds`). */
  points: MetricsPointJson[];
  seeds?: { seed: number; points: MetricsPointJson[] }[];
}

export interface MetricsDocument {
  schema: typeof METRICS_SCHEMA;
  /** The scene (or task) the runs trained on. */
  scene: string | null;
  taskTitle: string | null;
  /** The step of the latest snapshot. */
  step: number | null;
  exportedAt: string | null;
  experiment: unknown;
  runs: MetricsRunJson[];
}

export interface MetricsJsonInput {
  runs: readonly RunHistory[];
  experiment: ExperimentConfig | null;
  scene?: string | null;
  taskTitle?: string | null;
  step?: number | null;
  /** ISO time; left out (null) by default so the output is deterministic. */
  exportedAt?: string | null;
}

const jsonNumber = (v: number): JsonNumber => (Number.isFinite(v) ? v : null);

/** A deep copy with every non-finite number replaced by null (typed arrays become plain arrays). */
export function finiteOrNull(value: unknown): unknown {
  if (typeof value === 'number') return jsonNumber(value);
  if (Array.isArray(value)) return value.map(finiteOrNull);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>, (v) => finiteOrNull(v));
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = finiteOrNull(v);
    return out;
  }
  return value;
}

export function toJson(input: MetricsJsonInput): MetricsDocument {
  return {
    schema: METRICS_SCHEMA,
    scene: input.scene ?? null,
    taskTitle: input.taskTitle ?? null,
    step: input.step ?? null,
    exportedAt: input.exportedAt ?? null,
    experiment: finiteOrNull(input.experiment ?? null),
    runs: input.runs.map((run) => ({
      runId: run.runId,
      label: run.label,
      optimizer: run.spec.name,
      spec: finiteOrNull(run.spec),
      points: run.points.map(pointJson),
      ...(run.seedPoints
        ? { seeds: run.seedPoints.map((points, k) => ({ seed: k + 1, points: points.map(pointJson) })) }
        : {}),
    })),
  };
}

function pointJson(p: SeriesPoint<HistoryPoint>): MetricsPointJson {
  const point: MetricsPointJson = {
    step: p.step,
    trainLoss: jsonNumber(p.value.trainLoss),
    alr: Object.fromEntries(
      ALR_COLUMNS.map((k) => [k, jsonNumber(p.value.alr[k])]),
    ) as MetricsPointJson['alr'],
  };
  if (p.value.testLoss !== undefined) point.testLoss = jsonNumber(p.value.testLoss);
  if (p.value.accuracy !== undefined) point.accuracy = jsonNumber(p.value.accuracy);
  return point;
}

/** The document as text (2-space indent, a final newline). */
export function toJsonText(doc: MetricsDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
