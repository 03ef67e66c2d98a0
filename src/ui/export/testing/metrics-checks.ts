// Reading the metrics exports back, for the tests only (unit and end-to-end): an RFC 4180 parser and
// validators of the CSV and JSON that metrics-table.ts writes. The app itself never reads them.

import { ALR_COLUMNS, CSV_COLUMNS, METRICS_SCHEMA } from '../metrics-table';

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
