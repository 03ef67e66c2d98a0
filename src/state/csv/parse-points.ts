// Reads the user's own 2-D points from a CSV file (x, y, label): pure, tfjs-free and total — it
// never throws, it returns the points or one clear message saying what is wrong and where.
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
      /** e.g. "240 points, 2 classes (cat = 0, dog = 1)". */
      summary: string;
      /** Class id → the label as written in the file. */
      classNames: string[];
    }
  | { ok: false; error: string };

import { CsvError, fail, grouped, megabytes, show } from './csv-errors';
import { numberIn, type Row, readRows, type Separator } from './csv-rows';
import { decode } from './decode-bytes';

/** The message for a file over the size limit (also used before reading a picked file). */
export function tooLargeMessage(bytes: number): string {
  return `too large: ${megabytes(bytes)} (limit ${megabytes(CSV_LIMITS.maxBytes)})`;
}

function classIds(rows: Row[], sep: Separator): { ids: number[]; names: string[]; renamed: boolean } {
  const distinct: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.label)) continue;
    if (distinct.length >= CSV_LIMITS.maxClasses)
      fail(
        `line ${row.line}, column ${row.labelColumn}: the label ${show(row.label)} would be class ` +
          `${distinct.length + 1}; at most ${CSV_LIMITS.maxClasses} classes are allowed`,
      );
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
  if (bytes.length === 0) fail('the file is empty');
  if (bytes.length > CSV_LIMITS.maxBytes) fail(tooLargeMessage(bytes.length));
  const text = decode(bytes);
  const { rows, sep } = readRows(text);
  if (rows.length < CSV_LIMITS.minPoints)
    fail(
      `only ${rows.length} point${rows.length === 1 ? '' : 's'}; at least ${CSV_LIMITS.minPoints} are needed`,
    );
  const { ids, names, renamed } = classIds(rows, sep);
  if (names.length < CSV_LIMITS.minClasses)
    fail(
      `all ${grouped(rows.length)} points have the same label ${show(names[0] ?? '')}; ` +
        `at least ${CSV_LIMITS.minClasses} classes are needed`,
    );
  const points: CustomPoints = { xy: rows.flatMap((r) => [r.x, r.y]), labels: ids };
  const span = spanProblem(points);
  if (span) {
    const first = rows[0];
    const column = `column ${span.axis === 'x' ? first?.xColumn : first?.yColumn} (${span.axis})`;
    fail(
      span.kind === 'overflow'
        ? `${column}: the values run from ${span.min} to ${span.max}, a span larger than any number; ` +
            'rescale the column (e.g. divide it by 1e300)'
        : `${column}: the values (${span.min} to ${span.max}) differ too little to be scaled apart; ` +
            'they would all be one point (multiply the column by 1e300)',
    );
  }
  const problem = checkCustomPoints(points);
  if (problem) fail(`the points cannot be used (${problem.code})`);
  const mapping = renamed ? ` (${names.map((n, i) => `${show(n)} = ${i}`).join(', ')})` : '';
  return {
    ok: true,
    points,
    summary: `${grouped(rows.length)} points, ${names.length} classes${mapping}`,
    classNames: names,
  };
}

/** Parses a CSV of x, y, label rows. Never throws. `fileName` only shapes the messages. */
export function parsePointsCsv(bytes: ArrayBuffer | Uint8Array, fileName: string): ParsePointsResult {
  try {
    return parse(bytes);
  } catch (err) {
    if (err instanceof CsvError) {
      const spreadsheet = /\.(xlsx?|ods|numbers)$/i.test(fileName) && err.message.startsWith('not UTF-8');
      return {
        ok: false,
        error: spreadsheet ? `${err.message} (a spreadsheet file: use "Save as CSV" first)` : err.message,
      };
    }
    return {
      ok: false,
      error: `could not read the file: ${errorMessage(err)}`,
    };
  }
}
