// Character-level corpus helpers for the small language-model task. Pure: no tfjs, no DOM.
// Characters are Unicode code points (a surrogate pair is one character), not UTF-16 units.

/** The shipped corpus (24 of Shakespeare's Sonnets), relative to the app's public root. */
export const SONNETS_PATH = 'data/text/sonnets.txt';

export interface Vocabulary {
  /** Every distinct character, most frequent first; ties by ascending code point. */
  chars: string[];
  /** char → its position in `chars` (the token id). */
  index: Map<string, number>;
  /** counts[i] = how often chars[i] occurs in the text the vocabulary was built from. */
  counts: number[];
}

export function buildVocabulary(text: string): Vocabulary {
  const tally = new Map<string, number>();
  for (const ch of text) tally.set(ch, (tally.get(ch) ?? 0) + 1);
  const entries = [...tally].sort(
    ([a, countA], [b, countB]) =>
      countB - countA || (a.codePointAt(0) as number) - (b.codePointAt(0) as number),
  );
  const chars = entries.map(([ch]) => ch);
  return {
    chars,
    index: new Map(chars.map((ch, i) => [ch, i])),
    counts: entries.map(([, count]) => count),
  };
}

/** Token ids of `text`, one per code point. Throws on a character that is not in the vocabulary. */
export function encodeText(text: string, vocab: Vocabulary): Int32Array {
  const ids: number[] = [];
  for (const ch of text) {
    const id = vocab.index.get(ch);
    if (id === undefined) {
      const hex = (ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0');
      throw new Error(
        `encodeText: character ${JSON.stringify(ch)} (U+${hex}) at position ${ids.length} is not in the vocabulary`,
      );
    }
    ids.push(id);
  }
  return Int32Array.from(ids);
}

/** The inverse of encodeText. Throws on an id outside the vocabulary. */
export function decodeText(ids: ArrayLike<number>, vocab: Vocabulary): string {
  let out = '';
  for (let i = 0; i < ids.length; i++) {
    const ch = vocab.chars[ids[i] as number];
    if (ch === undefined) {
      throw new Error(
        `decodeText: id ${ids[i]} at position ${i} is outside the vocabulary (size ${vocab.chars.length})`,
      );
    }
    out += ch;
  }
  return out;
}
