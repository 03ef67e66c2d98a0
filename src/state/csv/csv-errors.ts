// The CSV reader's failure channel and message helpers: a parse step throws CsvError with a sentence
// for the user; parsePointsCsv catches it at the top, so the reader as a whole never throws.

import { shortenInput } from '../echo';

/** Thrown inside the parser only, caught at its top level. */
export class CsvError extends Error {}

export const fail = (message: string): never => {
  throw new CsvError(message);
};

export const grouped = (n: number) => n.toLocaleString('en-US');

export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Number(mb.toFixed(1))} MB`;
}

/** A field as it appears in messages: quoted, short, control characters made visible. */
export function show(text: string): string {
  return `'${shortenInput(text)}'`;
}
