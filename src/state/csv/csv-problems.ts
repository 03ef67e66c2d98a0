// Why a CSV file of points was refused, as typed codes with parameters (the UI words them through its
// string tables, ui/i18n/csv-text.ts). Values echoed from the file (`field`, `label`, `listed`, `given`)
// arrive quoted and cut short (csv-errors.ts `show`), and are shown as they are.
import type { CustomPointsProblem } from '../../engine/messages';

/** What a file that is not UTF-8 text looks like, from its first bytes. */
export type CsvSignature = 'zip' | 'oldOffice' | 'pdf' | 'png' | 'jpeg' | 'gzip';
export type CsvSeparatorName = 'comma' | 'semicolon' | 'tab' | 'whitespace';
type At = { line: number; column: number };
/** A column whose values the rescaling cannot use (engine/tasks/custom-points.ts `spanProblem`). */
type Span = { column: number; axis: 'x' | 'y'; min: number; max: number };

export type CsvProblem =
  | { code: 'empty' }
  | { code: 'noRows' }
  /** Sizes as "3 MB". */
  | { code: 'tooLarge'; size: string; limit: string }
  | ({ code: 'unclosedQuote' } & At)
  | ({ code: 'afterQuote' } & At)
  | { code: 'headerCount'; line: number; found: number }
  | { code: 'headerMissing'; line: number; missing: ('x' | 'y' | 'label')[]; listed: string }
  | { code: 'separator'; line: number; given: string }
  | {
      code: 'columns';
      line: number;
      expected: number;
      names: string;
      found: number;
      readWith?: CsvSeparatorName;
    }
  /** Counts grouped as written ("20,000"). */
  | { code: 'tooManyRows'; max: string; line: string }
  | ({ code: 'valueEmpty'; name: 'x' | 'y' } & At)
  | ({ code: 'notANumber'; field: string } & At)
  | ({ code: 'notFinite'; field: string } & At)
  | ({ code: 'labelEmpty' } & At)
  | ({ code: 'tooManyClasses'; label: string; classNo: number; max: number } & At)
  | { code: 'tooFewPoints'; points: number; min: number }
  | { code: 'oneLabel'; points: string; label: string; min: number }
  | ({ code: 'spanOverflow' } & Span)
  | ({ code: 'spanCollapse' } & Span)
  | { code: 'points'; problem: CustomPointsProblem }
  | { code: 'utf32' }
  | { code: 'utf16'; order: 'little' | 'big'; bom: boolean }
  | { code: 'signature'; what: CsvSignature }
  | { code: 'binary' }
  | { code: 'notUtf8' }
  | ({ code: 'badByte'; hex: string } & At)
  /** Reading or parsing failed in a way the reader does not know (the browser's or a bug's own words). */
  | { code: 'unreadable'; detail: string }
  /** The file itself could not be read (a folder, a file moved away); `detail`: the browser's words. */
  | { code: 'fileUnreadable'; detail: string }
  | { code: 'notAFile' }
  | { code: 'oneAtATime'; count: number };

export type CsvProblemCode = CsvProblem['code'];

/** Problems that mean "not text": a spreadsheet file gets a hint to save it as CSV first. */
export const ENCODING_PROBLEMS: ReadonlySet<CsvProblemCode> = new Set([
  'utf32',
  'utf16',
  'signature',
  'binary',
  'notUtf8',
  'badByte',
]);
