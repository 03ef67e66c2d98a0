// Reads the user's own 2-D points from a CSV file (x, y, label): pure, tfjs-free and total — it
// never throws, it returns the points or one typed problem saying what is wrong and where
// (csv-problems.ts; the UI words it).
//
// Accepted: UTF-8 (with or without a BOM); an optional header naming x, y and label in any order;
// comma, semicolon or tab separators (or plain whitespace, or an Excel `sep=` line); "quoted"
// fields; decimal commas when the separator is not a comma; labels as whole numbers or as names
// (up to 10 classes); empty lines and # comments.

import { errorMessage } from '../../engine/error-message';
import { type CustomPoints, checkCustomPoints, spanProblem } from '../../engine/tasks/custom-points';
import { CSV_LIMITS } from './csv-limits';

export { CSV_LIMITS } from './csv-limits';

export type ParsePointsResult =
  | {
      ok: true;
      points: CustomPoints;
      /** Class id → the label as written in the file. */
      classNames: string[];
      /** The labels were numbered here (names, or numbers other than 0 … k−1): the summary says how. */
      renamed: boolean;
    }
  /** `spreadsheet`: the file's name says spreadsheet and its bytes are not text (the UI adds a hint). */
  | { ok: false; error: CsvProblem; spreadsheet?: boolean };

import { CsvError, fail, grouped, megabytes, show } from './csv-errors';
import { type CsvProblem, ENCODING_PROBLEMS } from './csv-problems';
import { numberIn, type Row, readRows, type Separator } from './csv-rows';
import { decode } from './decode-bytes';

/** The problem of a file over the size limit (also used before reading a picked file). */
export function tooLargeProblem(bytes: number): CsvProblem {
  return { code: 'tooLarge', size: megabytes(bytes), limit: megabytes(CSV_LIMITS.maxBytes) };
}

function classIds(rows: Row[], sep: Separator): { ids: number[]; names: string[]; renamed: boolean } {
  const distinct: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.label)) continue;
    if (distinct.length >= CSV_LIMITS.maxClasses)
      fail({
        code: 'tooManyClasses',
        line: row.line,
        column: row.labelColumn,
        label: show(row.label),
        classNo: distinct.length + 1,
        max: CSV_LIMITS.maxClasses,
      });
    seen.add(row.label);
    distinct.push(row.label);
  }
  const numeric = distinct.map((l) => numberIn(l, sep));
  if (numeric.every((v) => v !== null && Number.isInteger(v))) {
    // Whole-number labels: 0 … k-1 stay as they are; anything else is numbered in sorted order.
    const values = [...new Set(numeric as number[])].sort((a, b) => a - b);
    const identity = values.every((v, i) => v === i);
    const id = new Map(values.map((v, i) => [v, i]));
    return {
      ids: rows.map((r) => id.get(numberIn(r.label, sep) as number) as number),
      names: values.map(String),
      renamed: !identity,
    };
  }
  // Names: numbered in order of first appearance.
  const id = new Map(distinct.map((l, i) => [l, i]));
  return { ids: rows.map((r) => id.get(r.label) as number), names: distinct, renamed: true };
}

function parse(input: ArrayBuffer | Uint8Array): ParsePointsResult {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.length === 0) fail({ code: 'empty' });
  if (bytes.length > CSV_LIMITS.maxBytes) fail(tooLargeProblem(bytes.length));
  const text = decode(bytes);
  const { rows, sep } = readRows(text);
  if (rows.length < CSV_LIMITS.minPoints)
    fail({ code: 'tooFewPoints', points: rows.length, min: CSV_LIMITS.minPoints });
  const { ids, names, renamed } = classIds(rows, sep);
  if (names.length < CSV_LIMITS.minClasses)
    fail({
      code: 'oneLabel',
      points: grouped(rows.length),
      label: show(names[0] ?? ''),
      min: CSV_LIMITS.minClasses,
    });
  const points: CustomPoints = { xy: rows.flatMap((r) => [r.x, r.y]), labels: ids };
  const span = spanProblem(points);
  if (span) {
    const first = rows[0];
    const column = (span.axis === 'x' ? first?.xColumn : first?.yColumn) ?? 0;
    const where = { column, axis: span.axis, min: span.min, max: span.max };
    fail(span.kind === 'overflow' ? { code: 'spanOverflow', ...where } : { code: 'spanCollapse', ...where });
  }
  const problem = checkCustomPoints(points);
  if (problem) fail({ code: 'points', problem });
  return { ok: true, points, classNames: names, renamed };
}

/** Parses a CSV of x, y, label rows. Never throws. `fileName` only shapes the messages. */
export function parsePointsCsv(bytes: ArrayBuffer | Uint8Array, fileName: string): ParsePointsResult {
  try {
    return parse(bytes);
  } catch (err) {
    if (err instanceof CsvError) {
      const spreadsheet = /\.(xlsx?|ods|numbers)$/i.test(fileName) && ENCODING_PROBLEMS.has(err.problem.code);
      return { ok: false, error: err.problem, ...(spreadsheet ? { spreadsheet } : {}) };
    }
    return { ok: false, error: { code: 'unreadable', detail: errorMessage(err) } };
  }
}
