import { describe, expect, it } from 'vitest';
import { buildVocabulary, decodeText, encodeText } from './text-corpus';

describe('buildVocabulary', () => {
  it('orders characters by frequency, most frequent first, ties by code point', () => {
    // a×5, b×2, r×2, c×1, d×1
    const vocab = buildVocabulary('abracadabra');
    expect(vocab.chars).toEqual(['a', 'b', 'r', 'c', 'd']);
    expect(vocab.counts).toEqual([5, 2, 2, 1, 1]);
    expect([...vocab.index]).toEqual([
      ['a', 0],
      ['b', 1],
      ['r', 2],
      ['c', 3],
      ['d', 4],
    ]);
  });

  it('breaks ties by code point, not by first appearance', () => {
    expect(buildVocabulary('zyx\nZ ').chars).toEqual(['\n', ' ', 'Z', 'x', 'y', 'z']);
  });

  it('counts a character outside the BMP once, not as two UTF-16 units', () => {
    const vocab = buildVocabulary('a\u{1F339}a\u{1F339}a');
    expect(vocab.chars).toEqual(['a', '\u{1F339}']);
    expect(vocab.counts).toEqual([3, 2]);
  });

  it('gives an empty vocabulary for empty text', () => {
    const vocab = buildVocabulary('');
    expect(vocab.chars).toEqual([]);
    expect(vocab.index.size).toBe(0);
    expect(vocab.counts).toEqual([]);
  });
});

describe('encodeText / decodeText', () => {
  it('round-trips, with one id per code point', () => {
    const text = 'Shall I compare thee to a summer\u2019s day? \u{1F339}';
    const vocab = buildVocabulary(text);
    const ids = encodeText(text, vocab);
    expect(ids).toBeInstanceOf(Int32Array);
    expect(ids.length).toBe([...text].length);
    expect(decodeText(ids, vocab)).toBe(text);
    expect(ids[0]).toBe(vocab.index.get('S'));
  });

  it('encodes the most frequent character as 0', () => {
    const vocab = buildVocabulary('eee t');
    expect([...encodeText('tee', vocab)]).toEqual([2, 0, 0]);
  });

  it('throws on a character missing from the vocabulary, naming it and its position', () => {
    const vocab = buildVocabulary('abc');
    expect(() => encodeText('abz', vocab)).toThrow(/"z" \(U\+007A\) at position 2 is not in the vocabulary/);
  });

  it('throws on an id outside the vocabulary', () => {
    const vocab = buildVocabulary('abc');
    expect(() => decodeText([0, 3], vocab)).toThrow(
      /id 3 at position 1 is outside the vocabulary \(size 3\)/,
    );
    expect(() => decodeText([-1], vocab)).toThrow(/id -1/);
  });
});
