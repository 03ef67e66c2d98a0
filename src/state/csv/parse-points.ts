// Reads the user's own 2-D points from a CSV file (x, y, label): pure, tfjs-free and total — it
// never throws, it returns the points or one clear message saying what is wrong and where.
//
// Accepted: UTF-8 (with or without a BOM); an optional header naming x, y and label in any order;
// comma, semicolon or tab separators (or plain whitespace, or an Excel `sep=` line); "quoted"
// fields; decimal commas when the separator is not a comma; labels as whole numbers or as names
// (up to 10 classes); empty lines and # comments.

import { CUSTOM_POINTS_LIMITS, type CustomPoints, checkCustomPoints } from '../../engine/tasks/custom-points';

export const CSV_LIMITS = {
  maxBytes: 2 * 1024 * 1024,
  maxRows: CUSTOM_POINTS_LIMITS.maxPoints,
  minPoints: CUSTOM_POINTS_LIMITS.minPoints,
  minClasses: CUSTOM_POINTS_LIMITS.minClasses,
  maxClasses: CUSTOM_POINTS_LIMITS.maxClasses,
} as const;

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

/** Thrown inside the parser only, caught at its top level. */
class CsvError extends Error {}

const fail = (message: string): never => {
  throw new CsvError(message);
};

const grouped = (n: number) => n.toLocaleString('en-US');

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Number(mb.toFixed(1))} MB`;
}

/** The message for a file over the size limit (also used before reading a picked file). */
export function tooLargeMessage(bytes: number): string {
  return `too large: ${megabytes(bytes)} (limit ${megabytes(CSV_LIMITS.maxBytes)})`;
}

/** A field as it appears in messages: quoted, short, control characters made visible. */
function show(text: string): string {
  const chars = Array.from(text);
  const cut = chars.length > 24 ? `${chars.slice(0, 24).join('')}…` : text;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: making control characters visible
  const visible = cut.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, (c) => {
    const code = c.codePointAt(0) ?? 0;
    return `\\u${code.toString(16).padStart(4, '0')}`;
  });
  return `'${visible}'`;
}

// ---------------------------------------------------------------------------------------------
// Bytes → text

function hasPrefix(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/** Offset of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineAndColumnOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  // Count characters, not bytes, up to the offending byte (the part before it is valid UTF-8).
  const before = new TextDecoder('utf-8').decode(bytes.subarray(start, offset));
  return { line, column: Array.from(before).length + 1 };
}

/** Whether the start of the file looks like binary data: any NUL, or many control characters. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control++;
  }
  return control >= 4 && control / head.length > 0.05;
}

/** UTF-16 without a BOM: ASCII text with a zero byte next to every character. */
function utf16WithoutBom(bytes: Uint8Array): 'LE' | 'BE' | null {
  const head = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2));
  if (head.length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0) i % 2 === 0 ? evenZeros++ : oddZeros++;
  const pairs = head.length / 2;
  if (oddZeros > 0.7 * pairs && evenZeros < 0.05 * pairs) return 'LE';
  if (evenZeros > 0.7 * pairs && oddZeros < 0.05 * pairs) return 'BE';
  return null;
}

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an Excel .xlsx or .ods spreadsheet is one)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel (.xls) or Office file' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
];

const SAVE_AS = 'save it as "CSV UTF-8" and try again';

function decode(bytes: Uint8Array): string {
  if (hasPrefix(bytes, [0xff, 0xfe, 0, 0]) || hasPrefix(bytes, [0, 0, 0xfe, 0xff]))
    fail(`not UTF-8 text: the file is UTF-32 encoded (it starts with a UTF-32 byte-order mark); ${SAVE_AS}`);
  if (hasPrefix(bytes, [0xff, 0xfe]) || hasPrefix(bytes, [0xfe, 0xff])) {
    const order = bytes[0] === 0xff ? 'little-endian' : 'big-endian';
    fail(`not UTF-8 text: the file is UTF-16 (${order}) encoded, e.g. "Unicode text" from Excel; ${SAVE_AS}`);
  }
  const signature = SIGNATURES.find((s) => hasPrefix(bytes, s.bytes));
  if (signature) fail(`not UTF-8 text (it looks like ${signature.what}); export the data as CSV`);
  const utf16 = utf16WithoutBom(bytes);
  if (utf16)
    fail(
      `not UTF-8 text: the file looks UTF-16 (${utf16 === 'LE' ? 'little' : 'big'}-endian) encoded; ${SAVE_AS}`,
    );
  if (looksBinary(bytes)) fail('not UTF-8 text (it looks like a binary file)');
  try {
    // Strips a UTF-8 byte-order mark; throws on anything that is not UTF-8.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    if (at < 0) return fail(`not UTF-8 text; ${SAVE_AS}`);
    const { line, column } = lineAndColumnOf(bytes, at);
    const hex = `0x${(bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
    return fail(
      `not UTF-8 text: line ${line}, column ${column} has the byte ${hex}, which is not UTF-8 ` +
        `(perhaps Latin-1 or Windows-1252); ${SAVE_AS}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Text → rows

type Separator = ',' | ';' | '\t' | 'whitespace';

const SEPARATOR_NAMES: Record<Separator, string> = {
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
        if (k >= line.length)
          fail(`line ${lineNo}, column ${column}: a quote (") is not closed (a field cannot span lines)`);
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
      if (k < line.length && line[k] !== sep)
        fail(`line ${lineNo}, column ${column}: unexpected text after the closing quote`);
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
function numberIn(text: string, sep: Separator): number | null {
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
    if (fields.length !== 3)
      fail(
        `expected 3 columns (x, y, label), line ${lineNo} has ${fields.length} ` +
          `(a header naming x, y and label may have more)`,
      );
    return POSITIONAL;
  }
  const missing = (['x', 'y', 'label'] as const).filter((k) => found[k] < 0);
  if (missing.length > 0)
    fail(
      `line ${lineNo}: the header has no ${missing.map((m) => `'${m}'`).join(' or ')} column ` +
        `(it names ${listed}); name the columns x, y and label, in any order`,
    );
  return {
    ...found,
    min: Math.max(found.x, found.y, found.label) + 1,
    max: fields.length,
    names: fields.map((f) => f.trim()).join(', '),
  };
}

interface Row {
  line: number;
  x: number;
  y: number;
  label: string;
  labelColumn: number;
}

function readRows(text: string): { rows: Row[]; header: boolean; sep: Separator } {
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
      if (hint)
        fail(`line ${lineNo}: unsupported separator ${show(given ?? '')} (use comma, semicolon or tab)`);
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
      const hint =
        fields.length === 1 && /[,;\t]/.test(raw) ? ` (read with a ${SEPARATOR_NAMES[sep]} separator)` : '';
      fail(`expected ${columns.max} columns (${columns.names}), line ${lineNo} has ${fields.length}${hint}`);
    }
    if (rows.length >= CSV_LIMITS.maxRows)
      fail(`more than ${grouped(CSV_LIMITS.maxRows)} rows (line ${grouped(lineNo)} is one too many)`);
    const coordinate = (col: number, name: string): number => {
      const field = (fields[col] as string).trim();
      const where = `line ${lineNo}, column ${col + 1}`;
      if (field === '') return fail(`${where}: the ${name} value is empty`);
      const value = numberIn(field, sep as Separator);
      if (value === null) return fail(`${where}: ${show(field)} is not a number`);
      if (!Number.isFinite(value)) return fail(`${where}: ${show(field)} is too large (not a finite number)`);
      return value;
    };
    const x = coordinate(columns.x, 'x');
    const y = coordinate(columns.y, 'y');
    const label = (fields[columns.label] as string).trim();
    if (label === '') fail(`line ${lineNo}, column ${columns.label + 1}: the label is empty`);
    rows.push({ line: lineNo, x, y, label, labelColumn: columns.label + 1 });
  }
  if (columns === null) fail('the file is empty');
  if (rows.length === 0) fail('the file has a header but no data rows');
  return { rows, header, sep: sep ?? ',' };
}

// ---------------------------------------------------------------------------------------------
// Rows → points

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
  const problem = checkCustomPoints(points);
  if (problem) fail(problem);
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
      error: `could not read the file: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}
