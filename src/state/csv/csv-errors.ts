// The CSV reader's failure channel and message helpers: a parse step throws CsvError with a typed
// problem (csv-problems.ts); parsePointsCsv catches it at the top, so the reader as a whole never throws.

import { shortenInput } from '../echo';
import type { CsvProblem } from './csv-problems';

/** Thrown inside the parser only, caught at its top level. */
export class CsvError extends Error {
  constructor(readonly problem: CsvProblem) {
    super(problem.code);
  }
}

export const fail = (problem: CsvProblem): never => {
  throw new CsvError(problem);
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
