// The CSV reader's failure channel and message helpers: a parse step throws CsvError with a sentence
// for the user; parsePointsCsv catches it at the top, so the reader as a whole never throws.

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
  const chars = Array.from(text);
  const cut = chars.length > 24 ? `${chars.slice(0, 24).join('')}…` : text;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: making control characters visible
  const visible = cut.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, (c) => {
    const code = c.codePointAt(0) ?? 0;
    return `\\u${code.toString(16).padStart(4, '0')}`;
  });
  return `'${visible}'`;
}
