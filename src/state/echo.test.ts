import { describe, expect, it } from 'vitest';
import { ECHO_MAX_CHARS, shortenInput } from './echo';

describe('shortenInput (every notice that echoes input)', () => {
  it('keeps short values, cuts long ones to a fixed length with an ellipsis', () => {
    expect(shortenInput('webgpu2')).toBe('webgpu2');
    const long = shortenInput('x'.repeat(20_000));
    expect(Array.from(long)).toHaveLength(ECHO_MAX_CHARS);
    expect(long.endsWith('…')).toBe(true);
  });

  it('never splits a character and makes control characters visible', () => {
    const emoji = shortenInput('😀'.repeat(100));
    expect(emoji).toBe(`${'😀'.repeat(ECHO_MAX_CHARS - 1)}…`);
    expect(shortenInput('a\u0000b\nc\u202e'.slice(0, 5))).toBe('a\\u0000b\\u000ac');
  });
});
