// The CSV reader's typed problems and its summary of a good file (state/csv) in words, through the
// string tables. Values echoed from the file arrive quoted and cut short; they are shown as they are.
import { show } from '../../state/csv/csv-errors';
import type { CsvProblem } from '../../state/csv/csv-problems';
import type { Language } from './language';
import { messageText } from './message-text';
import type { StringKey } from './strings-en';
import { translate } from './translate';
import './later-strings'; // this part's English strings (strings-en-later.ts)

/** What is wrong with a file, in `language`; `spreadsheet` adds the hint to save it as CSV first. */
export function csvProblemText(p: CsvProblem, language: Language, spreadsheet = false): string {
  const message = problemText(p, language);
  return spreadsheet ? translate(language, 'csv.spreadsheet', { message }) : message;
}

function problemText(p: CsvProblem, language: Language): string {
  const t = (key: StringKey, vars?: Record<string, string | number>) => translate(language, key, vars);
  switch (p.code) {
    case 'headerMissing':
      return t('csv.p.headerMissing', {
        line: p.line,
        missing: p.missing.map((m) => `'${m}'`).join(t('csv.or')),
        listed: p.listed,
      });
    case 'columns':
      return t('csv.p.columns', {
        ...p,
        hint: p.readWith ? t('csv.p.readWith', { separator: t(`csv.sep.${p.readWith}`) }) : '',
      });
    case 'tooFewPoints':
      return p.points === 1 ? t('csv.p.onePoint', { min: p.min }) : t('csv.p.tooFewPoints', p);
    case 'points':
      return messageText({ kind: 'customPoints', problem: p.problem }, language);
    case 'utf16':
      return t(p.bom ? 'csv.p.utf16Bom' : 'csv.p.utf16', {
        order: t(p.order === 'little' ? 'csv.littleEndian' : 'csv.bigEndian'),
      });
    case 'signature':
      return t('csv.p.signature', { what: t(`csv.what.${p.what}`) });
    case 'fileUnreadable':
      return t('csv.p.fileUnreadable', { detail: p.detail ? t('csv.detail', { detail: p.detail }) : '' });
    case 'empty':
    case 'noRows':
    case 'utf32':
    case 'binary':
    case 'notUtf8':
    case 'notAFile':
      return t(`csv.p.${p.code}`);
    case 'tooLarge':
    case 'unclosedQuote':
    case 'afterQuote':
    case 'headerCount':
    case 'separator':
    case 'tooManyRows':
    case 'valueEmpty':
    case 'notANumber':
    case 'notFinite':
    case 'labelEmpty':
    case 'tooManyClasses':
    case 'oneLabel':
    case 'spanOverflow':
    case 'spanCollapse':
    case 'badByte':
    case 'unreadable':
    case 'oneAtATime':
      return t(`csv.p.${p.code}`, p);
  }
}

/** A good file's summary: "240 points, 2 classes ('red' = 0, 'blue' = 1)" (the mapping when renamed). */
export function csvSummaryText(
  result: { points: { labels: number[] }; classNames: string[]; renamed: boolean },
  language: Language,
): string {
  const mapping = result.renamed
    ? ` (${result.classNames.map((n, i) => `${show(n)} = ${i}`).join(', ')})`
    : '';
  return translate(language, 'csv.summary', {
    points: result.points.labels.length.toLocaleString('en-US'),
    classes: result.classNames.length,
    mapping,
  });
}
