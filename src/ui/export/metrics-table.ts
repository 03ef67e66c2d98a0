// The metrics history of every run as a flat table (one row per history point per run) and as a JSON
// document, for download. Pure: plain data in, strings / objects out; no DOM, no tfjs.
//
// CSV follows RFC 4180: CRLF line ends, fields with a comma, quote, CR or LF are quoted and their quotes
// doubled. A missing value (no test set) is an empty field; NaN / ±Infinity (a diverged run, or the A-LR
// before the first step) are written `NaN`, `inf`, `-inf`, which pandas, numpy and R read as floats.
// JSON writes every non-finite number as null (JSON has no NaN).
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

/** The columns that hold numbers (all but run_id, label, optimizer). */
export const NUMERIC_CSV_COLUMNS: readonly string[] = CSV_COLUMNS.slice(3);

/** One run's history, as the store holds it. */
export interface RunHistory {
  runId: string;
  label: string;
  spec: OptimizerSpec;
  points: readonly SeriesPoint<HistoryPoint>[];
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
}

/** The runs of the latest snapshot, in its order, with their histories (empty when none yet). */
export function runHistories(state: Pick<TrainingState, 'snapshot' | 'history'>): RunHistory[] {
  if (!state.snapshot) return [];
  return state.snapshot.runs.map((run) => ({
    runId: run.runId,
    label: run.label,
    spec: run.spec,
    points: state.history[run.runId]?.points() ?? [],
  }));
}

/** One row per history point per run, runs in order, points by step. */
export function metricsRows(runs: readonly RunHistory[]): MetricsRow[] {
  const rows: MetricsRow[] = [];
  for (const run of runs) {
    for (const p of run.points) {
      rows.push({
        runId: run.runId,
        label: run.label,
        optimizer: run.spec.name,
        step: p.step,
        trainLoss: p.value.trainLoss,
        testLoss: p.value.testLoss,
        accuracy: p.value.accuracy,
        alr: p.value.alr,
      });
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
  const lines = [CSV_COLUMNS.join(',')];
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
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** RFC 4180 parser (quoted fields, doubled quotes, CRLF or LF): what the tests and the validator read. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  if (quoted) throw new SyntaxError('CSV: unterminated quoted field');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Whether a CSV numeric field reads as a number: a float, NaN, ±inf, or empty (missing). */
export function isCsvNumber(text: string): boolean {
  if (text === '' || text === 'NaN' || text === 'inf' || text === '-inf') return true;
  return /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) && Number.isFinite(Number(text));
}

/** Problems with a metrics CSV (empty when it is well formed); `expectedRows` per run id when known. */
export function validateMetricsCsv(text: string, expectedRows?: Record<string, number>): string[] {
  const errors: string[] = [];
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (e) {
    return [String(e)];
  }
  const header = records[0];
  if (!header || header.join(',') !== CSV_COLUMNS.join(',')) errors.push(`bad header: ${header?.join(',')}`);
  const counts: Record<string, number> = {};
  records.slice(1).forEach((r, i) => {
    if (r.length !== CSV_COLUMNS.length) errors.push(`row ${i + 1}: ${r.length} fields`);
    const id = r[0] ?? '';
    counts[id] = (counts[id] ?? 0) + 1;
    for (let c = 3; c < CSV_COLUMNS.length; c++) {
      if (!isCsvNumber(r[c] ?? '')) errors.push(`row ${i + 1}, ${CSV_COLUMNS[c]}: not a number: ${r[c]}`);
    }
    if (!/^\d+$/.test(r[3] ?? '')) errors.push(`row ${i + 1}: step is not an integer: ${r[3]}`);
  });
  if (expectedRows) {
    for (const [id, n] of Object.entries(expectedRows)) {
      if ((counts[id] ?? 0) !== n) errors.push(`run ${id}: ${counts[id] ?? 0} rows, expected ${n}`);
    }
  }
  return errors;
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
  points: MetricsPointJson[];
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
      points: run.points.map((p) => {
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
      }),
    })),
  };
}

/** The document as text (2-space indent, a final newline). */
export function toJsonText(doc: MetricsDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const isNumOrNull = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v));

/** Problems with a parsed metrics document (empty when it is valid). */
export function validateMetricsDocument(doc: unknown): string[] {
  const errors: string[] = [];
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return ['not an object'];
  const d = doc as Record<string, unknown>;
  if (d.schema !== METRICS_SCHEMA)
    errors.push(`schema is ${JSON.stringify(d.schema)}, expected ${METRICS_SCHEMA}`);
  if (!('experiment' in d)) errors.push('no experiment');
  if (!Array.isArray(d.runs)) return [...errors, 'runs is not an array'];
  d.runs.forEach((run: unknown, r) => {
    const at = `runs[${r}]`;
    if (run === null || typeof run !== 'object') {
      errors.push(`${at}: not an object`);
      return;
    }
    const o = run as Record<string, unknown>;
    if (typeof o.runId !== 'string' || o.runId === '') errors.push(`${at}.runId missing`);
    if (typeof o.optimizer !== 'string') errors.push(`${at}.optimizer missing`);
    if (o.spec === null || typeof o.spec !== 'object') errors.push(`${at}.spec missing`);
    if (!Array.isArray(o.points)) {
      errors.push(`${at}.points is not an array`);
      return;
    }
    let last = -Infinity;
    o.points.forEach((p: unknown, i) => {
      const pat = `${at}.points[${i}]`;
      if (p === null || typeof p !== 'object') {
        errors.push(`${pat}: not an object`);
        return;
      }
      const q = p as Record<string, unknown>;
      if (typeof q.step !== 'number' || !Number.isInteger(q.step) || q.step <= last) {
        errors.push(`${pat}.step is not an increasing integer`);
      } else last = q.step;
      if (!isNumOrNull(q.trainLoss)) errors.push(`${pat}.trainLoss is not a number or null`);
      for (const k of ['testLoss', 'accuracy'] as const) {
        if (k in q && !isNumOrNull(q[k])) errors.push(`${pat}.${k} is not a number or null`);
      }
      const alr = q.alr as Record<string, unknown> | null | undefined;
      if (alr === null || typeof alr !== 'object') errors.push(`${pat}.alr missing`);
      else
        for (const k of ALR_COLUMNS)
          if (!isNumOrNull(alr[k])) errors.push(`${pat}.alr.${k} is not a number or null`);
    });
  });
  return errors;
}
