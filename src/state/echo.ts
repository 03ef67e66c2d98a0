// The one way a notice echoes what the user (or a link, a file, a parent page) gave: cut to a fixed length
// on whole characters (never half a surrogate pair), with control characters made visible, so that a
// 20,000-character value or an invisible byte cannot flood or garble the page. Callers add their quotes.

/** Characters of an echoed value shown at most (the rest becomes "…"). */
export const ECHO_MAX_CHARS = 40;

export function shortenInput(text: string): string {
  const chars = Array.from(text);
  const cut = chars.length > ECHO_MAX_CHARS ? `${chars.slice(0, ECHO_MAX_CHARS - 1).join('')}…` : text;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: making control characters visible
  return cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffd]/g, (c) => {
    const code = c.codePointAt(0) ?? 0;
    return `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
