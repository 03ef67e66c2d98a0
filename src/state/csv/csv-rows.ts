// Text → rows for the CSV reader: separator detection, quoted fields, an optional header naming the
// columns, numbers with decimal commas where the separator allows them.

import { fail, grouped, show } from './csv-errors';
import { CSV_LIMITS } from './csv-limits';
import type { CsvSeparatorName } from './csv-problems';

export type Separator = ',' | ';' | '\t' | 'whitespace';

const SEPARATOR_NAMES: Record<Separator, CsvSeparatorName> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  whitespace: 'whitespace',
};

/** Counts a character outside double quotes. */
function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

function detectSeparator(line: string): Separator {
  // Tab and semicolon first: semicolon files often use decimal commas.
  for (const sep of ['\t', ';', ','] as const) if (countOutsideQuotes(line, sep) > 0) return sep;
  return /\S\s+\S/.test(line.trim()) ? 'whitespace' : ',';
}

/** Splits one line into fields; a field's 1-based column is its index + 1. */
function splitLine(line: string, sep: Separator, lineNo: number): string[] {
  if (sep === 'whitespace') return line.trim().split(/\s+/);
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    const column = fields.length + 1;
    // Leading spaces before a quote are tolerated.
    let j = i;
    while (line[j] === ' ') j++;
    if (line[j] === '"') {
      let value = '';
      let k = j + 1;
      for (;;) {
        if (k >= line.length) fail({ code: 'unclosedQuote', line: lineNo, column });
        if (line[k] === '"') {
          if (line[k + 1] === '"') {
            value += '"';
            k += 2;
            continue;
          }
          k++;
          break;
        }
        value += line[k];
        k++;
      }
      while (line[k] === ' ') k++;
      if (k < line.length && line[k] !== sep) fail({ code: 'afterQuote', line: lineNo, column });
      fields.push(value);
      if (k >= line.length) return fields;
      i = k + 1;
    } else {
      const end = line.indexOf(sep, i);
      fields.push(end < 0 ? line.slice(i) : line.slice(i, end));
      if (end < 0) return fields;
      i = end + 1;
    }
  }
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A strictly written number; null when the text is not one. Decimal commas unless sep is ','. */
export function numberIn(text: string, sep: Separator): number | null {
  let t = text.trim();
  if (sep !== ',' && /^[+-]?\d*,\d+(?:[eE][+-]?\d+)?$/.test(t)) t = t.replace(',', '.');
  return NUMBER.test(t) ? Number(t) : null;
}

const X_NAMES = ['x', 'x1', 'x0'];
const Y_NAMES = ['y', 'x2', 'y1'];
const LABEL_NAMES = ['label', 'class', 'category', 'target', 'group', 'cluster', 'c', 'z'];

interface Columns {
  x: number;
  y: number;
  label: number;
  /** Fields a data row must have: at least `min`, at most `max`. */
  min: number;
  max: number;
  /** The expected columns, for messages. */
  names: string;
}

const POSITIONAL: Columns = { x: 0, y: 1, label: 2, min: 3, max: 3, names: 'x, y, label' };

function columnsFromHeader(fields: string[], lineNo: number): Columns {
  const names = fields.map((f) => f.trim().toLowerCase());
  const find = (aliases: string[]) => names.findIndex((n) => aliases.includes(n));
  let found = { x: find(X_NAMES), y: find(Y_NAMES), label: find(LABEL_NAMES) };
  // The machine-learning convention: features x1, x2 and the target y.
  if (found.label < 0 && names.includes('x1') && names.includes('x2') && names.includes('y'))
    found = { x: names.indexOf('x1'), y: names.indexOf('x2'), label: names.indexOf('y') };
  const listed = fields.map((f) => show(f.trim())).join(', ');
  if (found.x < 0 && found.y < 0 && found.label < 0) {
    // A header with other names: read its three columns as x, y, label.
    if (fields.length !== 3) fail({ code: 'headerCount', line: lineNo, found: fields.length });
    return POSITIONAL;
  }
  const missing = (['x', 'y', 'label'] as const).filter((k) => found[k] < 0);
  if (missing.length > 0) fail({ code: 'headerMissing', line: lineNo, missing, listed });
  return {
    ...found,
    min: Math.max(found.x, found.y, found.label) + 1,
    max: fields.length,
    names: fields.map((f) => f.trim()).join(', '),
  };
}

export interface Row {
  line: number;
  x: number;
  y: number;
  label: string;
  labelColumn: number;
  /** 1-based columns of x and y, for messages. */
  xColumn: number;
  yColumn: number;
}

export function readRows(text: string): { rows: Row[]; header: boolean; sep: Separator } {
  const lines = text.split(/\r\n|\r|\n/);
  let sep: Separator | null = null;
  let columns: Columns | null = null;
  let header = false;
  const rows: Row[] = [];
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] as string;
    const lineNo = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (sep === null) {
      const hint = /^"?sep=(.)"?$/i.exec(trimmed);
      const given = hint?.[1];
      if (given === ',' || given === ';' || given === '\t') {
        sep = given;
        continue;
      }
      if (hint) fail({ code: 'separator', line: lineNo, given: show(given ?? '') });
      sep = detectSeparator(raw);
    }
    let fields = splitLine(raw, sep, lineNo);
    // Trailing separators (e.g. "1,2,0,") add empty fields; drop them.
    while (fields.length > (columns?.max ?? 3) && (fields[fields.length - 1] as string).trim() === '')
      fields = fields.slice(0, -1);
    if (columns === null) {
      const [a = '', b = ''] = fields;
      header = numberIn(a, sep) === null || numberIn(b, sep) === null;
      if (header && fields.every((f) => numberIn(f, sep as Separator) === null || f.trim() === '')) {
        columns = columnsFromHeader(fields, lineNo);
        continue;
      }
      header = false;
      columns = POSITIONAL;
    }
    if (fields.length < columns.min || fields.length > columns.max) {
      const hint = fields.length === 1 && /[,;\t]/.test(raw) ? { readWith: SEPARATOR_NAMES[sep] } : {};
      fail({
        code: 'columns',
        line: lineNo,
        expected: columns.max,
        names: columns.names,
        found: fields.length,
        ...hint,
      });
    }
    if (rows.length >= CSV_LIMITS.maxRows)
      fail({ code: 'tooManyRows', max: grouped(CSV_LIMITS.maxRows), line: grouped(lineNo) });
    const coordinate = (col: number, name: 'x' | 'y'): number => {
      const field = (fields[col] as string).trim();
      const at = { line: lineNo, column: col + 1 };
      if (field === '') return fail({ code: 'valueEmpty', name, ...at });
      const value = numberIn(field, sep as Separator);
      if (value === null) return fail({ code: 'notANumber', field: show(field), ...at });
      if (!Number.isFinite(value)) return fail({ code: 'notFinite', field: show(field), ...at });
      return value;
    };
    const x = coordinate(columns.x, 'x');
    const y = coordinate(columns.y, 'y');
    const label = (fields[columns.label] as string).trim();
    if (label === '') fail({ code: 'labelEmpty', line: lineNo, column: columns.label + 1 });
    rows.push({
      line: lineNo,
      x,
      y,
      label,
      labelColumn: columns.label + 1,
      xColumn: columns.x + 1,
      yColumn: columns.y + 1,
    });
  }
  if (columns === null) fail({ code: 'empty' });
  if (rows.length === 0) fail({ code: 'noRows' });
  return { rows, header, sep: sep ?? ',' };
}
