import { describe, expect, it } from 'vitest';
import { csvProblemText, csvSummaryText } from '../../ui/i18n/csv-text';
import { parsePointsCsv, tooLargeProblem } from './parse-points';

// The reader answers typed problems; the checks read them as the English UI words them.
const utf8 = (text: string) => new TextEncoder().encode(text);
const parse = (text: string, name = 'points.csv') => parsePointsCsv(utf8(text), name);
const errorOf = (text: string | Uint8Array, name = 'points.csv') => {
  const result = typeof text === 'string' ? parse(text, name) : parsePointsCsv(text, name);
  if (result.ok) throw new Error(`expected an error, got ${csvSummaryText(result, 'en')}`);
  return csvProblemText(result.error, 'en', result.spreadsheet);
};
const pointsOf = (text: string) => {
  const result = parse(text);
  if (!result.ok) throw new Error(csvProblemText(result.error, 'en'));
  return { ...result, summary: csvSummaryText(result, 'en') };
};
const tooLargeMessage = (bytes: number) => csvProblemText(tooLargeProblem(bytes), 'en');

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  const view = new DataView(out.buffer);
  if (bom) view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++)
    view.setUint16((bom ? 2 : 0) + 2 * i, text.charCodeAt(i), littleEndian);
  return out;
}

describe('parsePointsCsv: good files', () => {
  it('reads x, y, label without a header', () => {
    const r = pointsOf('0,0,0\n1,0,1\n0,1,0\n1,1,1\n');
    expect(r.points).toEqual({ xy: [0, 0, 1, 0, 0, 1, 1, 1], labels: [0, 1, 0, 1] });
    expect(r.summary).toBe('4 points, 2 classes');
  });

  it('reads a header with the columns in any order, CRLF, a BOM and blank lines', () => {
    const r = pointsOf('\ufeffLabel, Y ,x\r\n\r\n1, 2, 3\r\n0,4,5\r\n# a comment\r\n1,6,7\r\n0,8,9\r\n\r\n');
    expect(r.points).toEqual({ xy: [3, 2, 5, 4, 7, 6, 9, 8], labels: [1, 0, 1, 0] });
  });

  it('reads semicolons with decimal commas, tabs, whitespace and an Excel sep= line', () => {
    const expected = { xy: [1.5, -2, 3, 4e-3, 5, 6, 7, 8], labels: [0, 1, 0, 1] };
    expect(pointsOf('x;y;label\n1,5;-2;0\n3;4e-3;1\n5;6;0\n7;8;1').points).toEqual(expected);
    expect(pointsOf('1.5\t-2\t0\n3\t0.004\t1\n5\t6\t0\n7\t8\t1').points).toEqual(expected);
    expect(pointsOf('1.5  -2 0\n 3 0.004   1\n5 6 0\n7 8 1').points).toEqual(expected);
    expect(pointsOf('sep=;\n1.5;-2;0\n3;0.004;1\n5;6;0\n7;8;1').points).toEqual(expected);
  });

  it('maps string labels to class ids in order of appearance, and odd numbers in sorted order', () => {
    const r = pointsOf('x,y,label\n0,0,"dog"\n1,0,cat\n0,1,dog\n1,1,"bird, small"\n');
    expect(r.points.labels).toEqual([0, 1, 0, 2]);
    expect(r.classNames).toEqual(['dog', 'cat', 'bird, small']);
    expect(r.summary).toBe("4 points, 3 classes ('dog' = 0, 'cat' = 1, 'bird, small' = 2)");
    const signs = pointsOf('0,0,1\n1,0,-1\n0,1,1\n1,1,-1');
    expect(signs.points.labels).toEqual([1, 0, 1, 0]);
    expect(signs.summary).toBe("4 points, 2 classes ('-1' = 0, '1' = 1)");
  });

  it('accepts the x1, x2, y convention, extra named columns and trailing separators', () => {
    expect(pointsOf('x1,x2,y\n0,0,0\n1,0,1\n0,1,0\n1,1,1').points.xy).toEqual([0, 0, 1, 0, 0, 1, 1, 1]);
    const r = pointsOf('id,x,y,label,note\n1,0,0,0,a\n2,1,0,1,b\n3,0,1,0,\n4,1,1,1,c');
    expect(r.points.labels).toEqual([0, 1, 0, 1]);
    expect(pointsOf('0,0,0,\n1,0,1,\n0,1,0,\n1,1,1,').points.labels).toEqual([0, 1, 0, 1]);
  });
});

describe('parsePointsCsv: says what is wrong and where', () => {
  it('wrong number of columns', () => {
    expect(errorOf('1,2\n3,4\n')).toBe('expected 3 columns (x, y, label), line 1 has 2');
    expect(errorOf('\n\n1,2,0\n3,4,1,5\n')).toBe('expected 3 columns (x, y, label), line 4 has 4');
    expect(errorOf('x,y,label\n1,2,0\n3,4\n')).toBe('expected 3 columns (x, y, label), line 3 has 2');
    expect(errorOf('x,y\n1,2\n')).toMatch(/^line 1: the header has no 'label' column/);
  });

  it('non-numbers, non-finite numbers and empty fields, with line and column', () => {
    const rows = ['x,y,label', '1,2,0', '3,4,1', '5,6,0', '7,8,1', '9,1,0'];
    expect(errorOf([...rows, '1,abc,1'].join('\n'))).toBe("line 7, column 2: 'abc' is not a number");
    expect(errorOf('1,2,0\nNaN,1,1\n')).toBe("line 2, column 1: 'NaN' is not a number");
    expect(errorOf('1,2,0\nInfinity,1,1\n')).toBe("line 2, column 1: 'Infinity' is not a number");
    expect(errorOf('1,2,0\n1e999,1,1\n')).toBe(
      "line 2, column 1: '1e999' is too large (not a finite number)",
    );
    expect(errorOf('1,2,0\n1,,1\n')).toBe('line 2, column 2: the y value is empty');
    expect(errorOf('1,2,0\n1,3,\n')).toBe('line 2, column 3: the label is empty');
    expect(errorOf('1,2,0\n1,"3,1\n')).toBe(
      'line 2, column 2: a quote (") is not closed (a field cannot span lines)',
    );
    expect(errorOf('label,x,y\n0,1,2\n1,x\u0001y,2')).toBe("line 3, column 2: 'x\\u0001y' is not a number");
    // Cut as every notice cuts an echoed value (state/echo.ts): 39 characters and an ellipsis.
    expect(errorOf(`1,1,0\n1,2,1\n1,3,0\n1,${'a'.repeat(60)},1`)).toBe(
      `line 4, column 2: '${'a'.repeat(39)}…' is not a number`,
    );
  });

  it('empty, too small, one class, too many classes, too many rows', () => {
    expect(errorOf('')).toBe('the file is empty');
    expect(errorOf('\n \r\n\t\n')).toBe('the file is empty');
    expect(errorOf('x,y,label\n')).toBe('the file has a header but no data rows');
    expect(errorOf('0,0,0\n1,1,1\n2,2,0')).toBe('only 3 points; at least 4 are needed');
    expect(errorOf('0,0,a\n1,1,a\n2,2,a\n3,3,a')).toBe(
      "all 4 points have the same label 'a'; at least 2 classes are needed",
    );
    const eleven = Array.from({ length: 11 }, (_, i) => `${i},${i},c${i}`).join('\n');
    expect(errorOf(eleven)).toBe(
      "line 11, column 3: the label 'c10' would be class 11; at most 10 classes are allowed",
    );
    const many = Array.from({ length: 20_001 }, (_, i) => `${i},${i},${i % 2}`).join('\n');
    expect(errorOf(many)).toBe('more than 20,000 rows (line 20,001 is one too many)');
    expect(pointsOf(many.split('\n').slice(1).join('\n')).summary).toBe('20,000 points, 2 classes');
  });

  it('coordinates whose span overflows, or that would collapse to one point when scaled, name the column', () => {
    // -1e308 … 1.5e308: each value is finite, their span is not (the scale would be 0: every point at 0).
    expect(errorOf('x,y,label\n-1e308,0,0\n1.5e308,1,1\n0,2,0\n1,3,1')).toBe(
      'column 1 (x): the values run from -1e+308 to 1.5e+308, a span larger than any number; rescale the column (e.g. divide it by 1e300)',
    );
    // The header's own order: y is the first column here.
    expect(errorOf('y,x,label\n-1e308,0,0\n1.5e308,1,1\n0,2,0\n1,3,1')).toMatch(/^column 1 \(y\): /);
    // A subnormal span: 1 / span overflows, so the points would all land on one spot.
    expect(errorOf('0,0,0\n1e-310,0,1\n0,0,0\n1e-310,0,1')).toBe(
      'column 1 (x): the values (0 to 1e-310) differ too little to be scaled apart; they would all be one point (multiply the column by 1e300)',
    );
    // Large but well separated values are fine (centred before scaling), and so is one shared spot.
    expect(pointsOf('1e300,0,0\n1.0000001e300,0,1\n1e300,1,0\n1.0000001e300,1,1').summary).toBe(
      '4 points, 2 classes',
    );
    expect(pointsOf('5,5,0\n5,5,1\n5,5,0\n5,5,1').summary).toBe('4 points, 2 classes');
  });

  it('too large', () => {
    expect(errorOf(new Uint8Array(12 * 1024 * 1024))).toBe('too large: 12 MB (limit 2 MB)');
    expect(tooLargeMessage(2.5 * 1024 * 1024)).toBe('too large: 2.5 MB (limit 2 MB)');
  });

  it('encodings and binary files', () => {
    const text = 'x,y,label\n0,0,0\n1,1,1\n';
    expect(errorOf(utf16(text, true, true))).toMatch(/^not UTF-8 text: the file is UTF-16 \(little-endian\)/);
    expect(errorOf(utf16(text, false, true))).toMatch(/^not UTF-8 text: the file is UTF-16 \(big-endian\)/);
    expect(errorOf(utf16(text, true, false))).toMatch(/^not UTF-8 text: the file looks UTF-16 \(little/);
    expect(errorOf(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 1]), 'data.xlsx')).toMatch(
      /^not UTF-8 text \(it looks like a ZIP archive.*export the data as CSV \(a spreadsheet file/,
    );
    const binary = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256);
    expect(errorOf(binary)).toBe('not UTF-8 text (it looks like a binary file)');
    // Latin-1 "é" (0xE9) in a label.
    const latin1 = Uint8Array.from([...utf8('0,0,a\n1,1,caf'), 0xe9, ...utf8('\n')]);
    expect(errorOf(latin1)).toMatch(
      /^not UTF-8 text: line 2, column 8 has the byte 0xE9, which is not UTF-8/,
    );
    // Real UTF-8 names are fine.
    expect(pointsOf('0,0,café\n1,1,茶\n2,2,café\n3,3,🍵').classNames).toEqual(['café', '茶', '🍵']);
  });

  it('takes an ArrayBuffer as well as a Uint8Array', () => {
    const bytes = utf8('0,0,0\n1,0,1\n0,1,0\n1,1,1');
    const result = parsePointsCsv(bytes.buffer.slice(0) as ArrayBuffer, 'a.csv');
    expect(result.ok).toBe(true);
  });
});
