// Every CSV problem code renders in English and in Chinese, with every placeholder filled and no English
// left in the Chinese apart from names, symbols and what the file itself said.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CsvProblem, CsvProblemCode } from '../../state/csv/csv-problems';
import { csvProblemText, csvSummaryText } from './csv-text';
import { loadLanguage } from './translate';

const at = { line: 7, column: 2 };
/** Every code, in each of its shapes: the Record's keys make the compiler insist on every code. */
const SAMPLES: { [C in CsvProblemCode]: Extract<CsvProblem, { code: C }>[] } = {
  empty: [{ code: 'empty' }],
  noRows: [{ code: 'noRows' }],
  tooLarge: [{ code: 'tooLarge', size: '3 MB', limit: '2 MB' }],
  unclosedQuote: [{ code: 'unclosedQuote', ...at }],
  afterQuote: [{ code: 'afterQuote', ...at }],
  headerCount: [{ code: 'headerCount', line: 1, found: 2 }],
  headerMissing: [{ code: 'headerMissing', line: 1, missing: ['y', 'label'], listed: "'x', 'z'" }],
  separator: [{ code: 'separator', line: 1, given: "'|'" }],
  columns: [
    { code: 'columns', line: 3, expected: 3, names: 'x, y, label', found: 1, readWith: 'semicolon' },
    { code: 'columns', line: 3, expected: 3, names: 'x, y, label', found: 4 },
  ],
  tooManyRows: [{ code: 'tooManyRows', max: '20,000', line: '20,002' }],
  valueEmpty: [{ code: 'valueEmpty', name: 'y', ...at }],
  notANumber: [{ code: 'notANumber', field: "'abc'", ...at }],
  notFinite: [{ code: 'notFinite', field: "'1e999'", ...at }],
  labelEmpty: [{ code: 'labelEmpty', ...at }],
  tooManyClasses: [{ code: 'tooManyClasses', label: "'k'", classNo: 11, max: 10, ...at }],
  tooFewPoints: [
    { code: 'tooFewPoints', points: 3, min: 4 },
    { code: 'tooFewPoints', points: 1, min: 4 },
  ],
  oneLabel: [{ code: 'oneLabel', points: '240', label: "'a'", min: 2 }],
  spanOverflow: [{ code: 'spanOverflow', column: 1, axis: 'x', min: -1e308, max: 1e308 }],
  spanCollapse: [{ code: 'spanCollapse', column: 2, axis: 'y', min: 0, max: 1e-310 }],
  points: [{ code: 'points', problem: { code: 'tooMany', points: 20_001, max: 20_000 } }],
  utf32: [{ code: 'utf32' }],
  utf16: [
    { code: 'utf16', order: 'little', bom: true },
    { code: 'utf16', order: 'big', bom: false },
  ],
  signature: (['zip', 'oldOffice', 'pdf', 'png', 'jpeg', 'gzip'] as const).map((what) => ({
    code: 'signature' as const,
    what,
  })),
  binary: [{ code: 'binary' }],
  notUtf8: [{ code: 'notUtf8' }],
  badByte: [{ code: 'badByte', hex: '0xE9', ...at }],
  unreadable: [{ code: 'unreadable', detail: 'RangeError: bad' }],
  fileUnreadable: [
    { code: 'fileUnreadable', detail: 'NotReadableError' },
    { code: 'fileUnreadable', detail: '' },
  ],
  notAFile: [{ code: 'notAFile' }],
  oneAtATime: [{ code: 'oneAtATime', count: 2 }],
};

/** Names, symbols and the file's own text that stay as they are in Chinese. */
const KEPT =
  /UTF-\d+|CSV|Excel|Unicode|Office|ZIP|PDF|PNG|JPEG|gzip|Latin-1|Windows-1252|label|\.xlsx|\.ods|\.xls|\.csv|RangeError: bad|NotReadableError|'[^']*'/g;

beforeAll(() => loadLanguage('zh'));

describe('CSV problems in words', () => {
  const all = Object.values(SAMPLES).flat() as CsvProblem[];
  it.each(all.map((p) => [p.code, p] as const))('%s renders in English and in Chinese', (_code, problem) => {
    const en = csvProblemText(problem, 'en');
    const zh = csvProblemText(problem, 'zh');
    for (const text of [en, zh]) expect(text, 'an unfilled placeholder').not.toMatch(/\{\w+\}/);
    expect(zh).not.toBe(en);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.replace(KEPT, ''), `English left in: ${zh}`).not.toMatch(/[A-Za-z]{4,}/);
  });

  it('adds the spreadsheet hint and words a good file’s summary', () => {
    expect(csvProblemText({ code: 'binary' }, 'en', true)).toBe(
      'not UTF-8 text (it looks like a binary file) (a spreadsheet file: use "Save as CSV" first)',
    );
    const good = { points: { labels: [0, 1, 0, 1] }, classNames: ['red', 'blue'], renamed: true };
    expect(csvSummaryText(good, 'en')).toBe("4 points, 2 classes ('red' = 0, 'blue' = 1)");
    expect(csvSummaryText({ ...good, renamed: false }, 'zh')).toBe('4 个点，2 个类别');
  });
});
