import { describe, expect, it } from 'vitest';
import { decodePart, encodeValue } from './query';

describe('encodeValue', () => {
  it('keeps : and , readable and round-trips through decodePart', () => {
    const text = 'https://a.example:8080, b=c & d/é';
    const encoded = encodeValue(text);
    expect(encoded).toContain('https:');
    expect(encoded).toContain(',');
    expect(encoded).not.toContain('&');
    expect(decodePart(encoded)).toBe(text);
  });

  it('never throws on a lone surrogate (echoed from a malformed link): it becomes U+FFFD', () => {
    for (const text of ['\uD800', 'a\uDC00b', '\uDBFF\uD800x', 'ok\uD83D']) {
      expect(() => encodeValue(text)).not.toThrow();
      expect(decodePart(encodeValue(text))).toContain('\uFFFD');
    }
    // A well-formed pair is kept as it is.
    expect(decodePart(encodeValue('😀'))).toBe('😀');
  });
});

describe('decodePart', () => {
  it('gives well-formed text for a lone surrogate typed into the address', () => {
    expect(decodePart('a\uD800b')).toBe('a\uFFFDb');
    expect(decodePart('%F0%9F%98%80')).toBe('😀');
    expect(decodePart('%E0%A4%A')).toBeNull();
  });
});
