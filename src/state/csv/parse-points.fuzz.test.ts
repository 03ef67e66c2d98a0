// Fuzz: thousands of generated, mostly malformed files. The parser must never throw, and must
// answer either valid points or one short, specific message.
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../engine/random';
import { checkCustomPoints } from '../../engine/tasks/custom-points';
import { csvProblemText, csvSummaryText } from '../../ui/i18n/csv-text';
import { parsePointsCsv } from './parse-points';

type Random = () => number;
const int = (r: Random, n: number) => Math.floor(r() * n);
const pick = <T>(r: Random, items: readonly T[]): T => items[int(r, items.length)] as T;

const WEIRD = [
  'NaN',
  'nan',
  'Infinity',
  '-Infinity',
  'inf',
  '1e999',
  '-1e400',
  '1e-400',
  '0x1F',
  '1_000',
  '1.2.3',
  '--1',
  '+',
  '.',
  'e5',
  '',
  ' ',
  '"',
  '""',
  '"1"',
  '"1,5"',
  '" 2 "',
  '"a""b"',
  'é',
  '茶',
  '🍵',
  '\u0000',
  '\u0007',
  '\ufeff',
  '\ufffd',
  '\u202e1',
  '١٢',
  '１',
  'null',
  'undefined',
  'true',
  '9'.repeat(400),
  'x',
  'label',
];
const SEPARATORS = [',', ';', '\t', ' ', '|', ', ', ';;'];
const NEWLINES = ['\n', '\r\n', '\r', '\n\n', '\n \n'];

function numberText(r: Random, mess: number): string {
  switch (int(r, 5)) {
    case 0:
      return String(int(r, 100) - 50);
    case 1:
      return (r() * 20 - 10).toFixed(int(r, 6));
    case 2:
      return (r() * 10).toExponential(2);
    case 3:
      return String((r() - 0.5) * 10 ** int(r, 300));
    default:
      return mess === 0 ? String(r()) : pick(r, WEIRD);
  }
}

function field(r: Random, label: boolean, mess: number): string {
  if (r() < mess) return pick(r, WEIRD);
  if (label)
    return r() < 0.5 ? String(int(r, r() < 0.9 ? 3 : 15)) : pick(r, ['a', 'b', 'cat', '"dog"', 'c d']);
  return numberText(r, mess);
}

/** A CSV that is often almost right: the mutations are what the fuzz is about. */
function textFile(r: Random): string {
  // A third of the files have no deliberate mistakes (they may still have some, e.g. one class).
  const mess = r() < 0.33 ? 0 : r() * 0.1;
  const sep = mess === 0 || r() < 0.7 ? pick(r, [',', ';', '\t']) : pick(r, SEPARATORS);
  const nl = r() < 0.8 ? '\n' : pick(r, NEWLINES);
  const rows = int(r, 3) === 0 ? int(r, 6) : int(r, 80);
  const columns = mess === 0 || r() < 0.8 ? 3 : int(r, 6);
  const lines: string[] = [];
  if (r() < 0.4) {
    const good = [`x${sep}y${sep}label`, `label${sep}x${sep}y`, `x1${sep}x2${sep}y`, `a${sep}b${sep}c`];
    lines.push(pick(r, mess === 0 ? good : [...good, 'x\ty\tclass', 'x,y', 'y,x,x', 'x;y;z;label']));
  }
  for (let i = 0; i < rows; i++) {
    const n = mess === 0 || r() < 0.9 ? columns : int(r, 6);
    lines.push(Array.from({ length: n }, (_, c) => field(r, c === n - 1, mess)).join(sep));
    if (r() < 0.03) lines.push('');
    if (r() < mess / 5) lines.push('"unclosed, 1, 2');
    if (r() < 0.01) lines.push('# comment');
  }
  let text = lines.join(nl);
  if (r() < 0.1) text = `\ufeff${text}`;
  if (r() < 0.1) text += nl;
  return text;
}

function bytesOf(r: Random): Uint8Array {
  const kind = int(r, 10);
  if (kind === 0) return Uint8Array.from({ length: int(r, 2000) }, () => int(r, 256)); // random bytes
  const encoded = new TextEncoder().encode(textFile(r));
  if (kind === 1) {
    // Corrupt a few bytes of a text file (invalid UTF-8, stray NULs, control characters).
    const out = encoded.slice();
    for (let k = 0; k < 1 + int(r, 4) && out.length > 0; k++) out[int(r, out.length)] = int(r, 256);
    return out;
  }
  if (kind === 2) {
    // UTF-16, with or without a byte-order mark, either byte order.
    const text = textFile(r);
    const bom = r() < 0.5;
    const le = r() < 0.5;
    const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
    const view = new DataView(out.buffer);
    if (bom) view.setUint16(0, 0xfeff, le);
    for (let i = 0; i < text.length; i++) view.setUint16((bom ? 2 : 0) + 2 * i, text.charCodeAt(i), le);
    return out;
  }
  if (kind === 3) return encoded.slice(0, int(r, encoded.length + 1)); // truncated mid-character
  return encoded;
}

describe('parsePointsCsv fuzz', () => {
  it('never throws on 3,000 generated files; every answer is valid points or a clear message', () => {
    const r = createRandom(20240611);
    const counts = { ok: 0, error: 0 };
    const messages = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const bytes = bytesOf(r);
      const input = r() < 0.5 ? bytes : (bytes.slice().buffer as ArrayBuffer);
      let result: ReturnType<typeof parsePointsCsv>;
      try {
        result = parsePointsCsv(input, pick(r, ['p.csv', 'p.txt', 'p.xlsx', '']));
      } catch (err) {
        throw new Error(
          `file ${i} threw: ${String(err)}\n${JSON.stringify(new TextDecoder().decode(bytes))}`,
        );
      }
      if (result.ok) {
        counts.ok++;
        expect(checkCustomPoints(result.points)).toBeNull();
        expect(result.points.xy.every(Number.isFinite)).toBe(true);
        expect(csvSummaryText(result, 'en')).toMatch(/^[\d,]+ points, \d+ classes/);
      } else {
        counts.error++;
        const error = csvProblemText(result.error, 'en', result.spreadsheet);
        messages.add(error.replace(/line [\d,]+|column \d+|'.*?'|\d+/g, '#'));
        expect(error.length).toBeGreaterThan(10);
        expect(error.length).toBeLessThan(400);
        expect(error.replace(/'.*?'/g, "''")).not.toMatch(/undefined|NaN|\[object|could not read the file/);
        // Control characters from the file never reach the message raw.
        // biome-ignore lint/suspicious/noControlCharactersInRegex: that is the check
        expect(error).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
      }
    }
    // The generator covers both outcomes and many different mistakes.
    expect(counts.ok).toBeGreaterThan(100);
    expect(counts.error).toBeGreaterThan(1000);
    expect(messages.size).toBeGreaterThan(15);
  });
});
