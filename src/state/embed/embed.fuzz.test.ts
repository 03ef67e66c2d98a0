// Fuzz cases for the embedding limits (issue 14): generated `origin=` values never widen who may drive the
// app (anything that is not exactly an origin is refused, and nothing throws), and a flood of generated
// `step` messages becomes a bounded number of engine commands with a bounded number of steps.
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../engine/random';
import { coalescing } from '../coalesce';
import { decodeState } from '../url/codec';
import { embedParams, parseOrigin } from './embed-params';
import { parseEmbedMessage } from './messages';

/** The embedding a link asks for, read as the app reads it at start-up (with every other key). */
const readEmbedParams = (search: string) => embedParams(decodeState(search).state.page ?? {});
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const SCHEMES = [
  'https',
  'http',
  'data',
  'file',
  'javascript',
  'blob',
  'about',
  'ws',
  'HTTPS',
  'chrome-extension',
  '',
];
const HOSTS = [
  'slides.example.org',
  'localhost',
  '127.0.0.1',
  '[::1]',
  'xn--bcher-kva.de',
  'bücher.de',
  '',
  '*',
  'a b',
  '%00',
  '😀',
];
const TAILS = [
  '',
  '/',
  '/deck',
  '?x=1',
  '#top',
  ':8080',
  ':99999',
  ':-1',
  '//',
  '\\\\',
  '@evil.org',
  '/..',
  ' ',
];

function originValue(r: () => number): string {
  const flavour = Math.floor(r() * 4);
  if (flavour === 0)
    return Array.from({ length: Math.floor(r() * 40) }, () =>
      String.fromCharCode(Math.floor(r() * 0x250)),
    ).join('');
  const user = r() < 0.1 ? 'user:pw@' : '';
  const sep = pick(r, ['://', ':', ':/', '//', ':///', '']);
  return `${pick(r, SCHEMES)}${sep}${user}${pick(r, HOSTS)}${pick(r, TAILS)}${r() < 0.2 ? pick(r, TAILS) : ''}`;
}

describe('origin= fuzz: fails closed', () => {
  it('2,000 generated values: accepted only when exactly scheme://host[:port], refused otherwise, never a throw', () => {
    let accepted = 0;
    for (let i = 0; i < 2000; i++) {
      const r = createRandom(9000 + i);
      const value = originValue(r);
      let params: ReturnType<typeof readEmbedParams> | undefined;
      expect(() => {
        params = readEmbedParams(`?embed=1&origin=${encodeURIComponent(value)}`);
      }, value).not.toThrow();
      if (!params) throw new Error(value);
      if (value.trim() === '') {
        expect(params.origin, value).toBeNull();
        expect(params.refusedOrigin, value).toBeNull();
        continue;
      }
      if (params.origin === null) {
        // Refused: the app answers no parent at all (never "any parent").
        expect(params.refusedOrigin, value).toBe(value);
        continue;
      }
      accepted += 1;
      expect(params.refusedOrigin, value).toBeNull();
      // What is accepted is a real, non-opaque origin, and what was written named exactly it.
      const url = new URL(params.origin);
      expect(url.origin, value).toBe(params.origin);
      expect(params.origin, value).not.toBe('null');
      expect(new URL(value.trim()).href, value).toBe(`${params.origin}/`);
      expect(parseOrigin(params.origin), value).toBe(params.origin);
    }
    expect(accepted).toBeGreaterThan(20); // the generator does produce valid origins too
  });
});

describe('a flood of step messages', () => {
  it('10,000 generated messages become a few engine commands of at most 1000 steps each', async () => {
    const r = createRandom(4242);
    const sent: number[] = [];
    let release: () => void = () => undefined;
    const step = coalescing(
      (count: number) =>
        new Promise<boolean>((resolve) => {
          sent.push(count);
          release = () => resolve(true);
        }),
      (a, b) => Math.min(1000, a + b),
    );
    const answers: Promise<boolean>[] = [];
    for (let i = 0; i < 10_000; i++) {
      const count = pick(r, [1, 5, 1000, 1001, 0, -3, 2.5, Number.NaN, '7', undefined, 1e9]);
      const command = parseEmbedMessage({ source: 'anisoscope', type: 'step', count });
      if (command?.type === 'step') answers.push(step(command.count));
      else expect(command, String(count)).toBeNull();
    }
    // While the first is in flight, everything else merged into one pending command.
    expect(sent).toHaveLength(1);
    release();
    await Promise.resolve();
    await Promise.resolve();
    expect(sent).toHaveLength(2);
    release();
    expect((await Promise.all(answers)).every(Boolean)).toBe(true);
    for (const count of sent) {
      expect(count).toBeGreaterThanOrEqual(1);
      expect(count).toBeLessThanOrEqual(1000);
    }
  });
});
