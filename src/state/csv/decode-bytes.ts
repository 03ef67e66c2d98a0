// Bytes → text for the CSV reader: UTF-8 with or without a BOM; anything else (UTF-16, a spreadsheet,
// binary) fails with a message that says what the file looks like and how to save it instead.

import { fail } from './csv-errors';
import type { CsvSignature } from './csv-problems';

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

const SIGNATURES: { bytes: number[]; what: CsvSignature }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'zip' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'oldOffice' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'pdf' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'png' },
  { bytes: [0xff, 0xd8, 0xff], what: 'jpeg' },
  { bytes: [0x1f, 0x8b], what: 'gzip' },
];

export function decode(bytes: Uint8Array): string {
  if (hasPrefix(bytes, [0xff, 0xfe, 0, 0]) || hasPrefix(bytes, [0, 0, 0xfe, 0xff])) fail({ code: 'utf32' });
  if (hasPrefix(bytes, [0xff, 0xfe]) || hasPrefix(bytes, [0xfe, 0xff]))
    fail({ code: 'utf16', order: bytes[0] === 0xff ? 'little' : 'big', bom: true });
  const signature = SIGNATURES.find((s) => hasPrefix(bytes, s.bytes));
  if (signature) fail({ code: 'signature', what: signature.what });
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) fail({ code: 'utf16', order: utf16 === 'LE' ? 'little' : 'big', bom: false });
  if (looksBinary(bytes)) fail({ code: 'binary' });
  try {
    // Strips a UTF-8 byte-order mark; throws on anything that is not UTF-8.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    if (at < 0) return fail({ code: 'notUtf8' });
    const { line, column } = lineAndColumnOf(bytes, at);
    const hex = `0x${(bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
    return fail({ code: 'badByte', line, column, hex });
  }
}
