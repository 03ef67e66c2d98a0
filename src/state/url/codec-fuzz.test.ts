import { describe, expect, it } from 'vitest';
import { createRandom } from '../../engine/random';
import { SCENES } from '../../engine/scenes';
import { urlNoticeText } from '../../ui/i18n/url-notice-text';
import { decodeState } from './codec';
import { OWNED_KEYS } from './schema';
import { expectValid } from './testing/codec-checks';

describe('fuzz: malformed links never throw and always give a valid state', () => {
  const random = createRandom(20240611);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const keys = [...OWNED_KEYS, 'tour', 'step', 'lang', 'embed', 'Scene', 'runs', '', '%', '%E0%A4%A', 'ü'];
  const words = [
    ...SCENES.map((s) => s.id),
    'adam',
    'sadam',
    'nope',
    'rosenbrock',
    'mlp',
    'cnn',
    'relu',
    'own',
    'min',
    'webgl',
    'mnist',
    'surface',
    'charlm',
    'classify2d',
    'none',
    'default',
  ];
  const numbers = [
    '0',
    '-0',
    '1',
    '-1',
    '1e-3',
    '1e308',
    '-1e308',
    'NaN',
    'Infinity',
    '-Infinity',
    '0x1f',
    '1e',
    '.',
    '3.7',
    '4294967296',
    '999999999999999999999',
    '1,2',
    '-3,4e9',
    '128-64',
    '1-2-3-4-5-6',
  ];
  const junk = [
    '%',
    '%%',
    '%ZZ',
    '%E2%82',
    '+',
    '&&',
    '==',
    ':::',
    ',,,',
    '🙂',
    'β',
    'Ω≈ç√',
    '\u0000',
    '\ud800',
    '<script>',
    '"\'`',
    ' ',
    '%20',
    '%2C',
    '%3A',
    '%3D',
  ];
  const specKeys = [
    'lr',
    'beta1',
    'beta2',
    'eps',
    'beta',
    'wd',
    'partial',
    'final_lr',
    'gamma',
    'conv',
    'label',
    'x',
    '',
  ];

  function token(): string {
    const r = random();
    if (r < 0.3) return pick(words);
    if (r < 0.6) return pick(numbers);
    if (r < 0.85) return pick(junk);
    return Array.from({ length: Math.floor(random() * 12) }, () =>
      String.fromCharCode(Math.floor(random() * 0x3000)),
    ).join('');
  }

  function runValue(): string {
    const head =
      random() < 0.8
        ? `${pick(['a', 'b', 'adam', token()])}:${pick(['adam', 'sadam', 'yogi', 'padam', token()])}`
        : token();
    const pairs = Array.from({ length: Math.floor(random() * 6) }, () =>
      random() < 0.9 ? `${pick(specKeys)}=${random() < 0.5 ? pick(numbers) : token()}` : token(),
    );
    return [head, ...pairs].join(',');
  }

  function atValue(): string {
    return [
      `${pick(['0', '10', '-1', 'x', '1e9'])}:${pick(['a', 'adam', 'switch', 'b'])}${random() < 0.5 ? `:${pick(['sadam', 'nope'])}` : ''}`,
      ...Array.from({ length: Math.floor(random() * 3) }, () => `${pick(specKeys)}=${pick(numbers)}`),
    ].join(',');
  }

  /** encodeURIComponent, except that a lone surrogate (which it refuses) goes in raw. */
  function safeEncode(text: string): string {
    try {
      return encodeURIComponent(text);
    } catch {
      return text;
    }
  }

  function query(): string {
    const n = Math.floor(random() * 14);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      const key = random() < 0.15 ? 'run' : pick(keys);
      let value: string;
      if (key === 'run') value = runValue();
      else if (key === 'at') value = random() < 0.2 ? 'none' : atValue();
      else if (random() < 0.03) value = token().repeat(3000);
      else value = random() < 0.5 ? pick(words) : random() < 0.5 ? pick(numbers) : token();
      const encode = random() < 0.3 ? safeEncode : (s: string) => s;
      parts.push(random() < 0.05 ? key : `${key}=${encode(value)}`);
    }
    return (random() < 0.5 ? '?' : '') + parts.join(pick(['&', '&', '&', '&&', ';']));
  }

  it('600 generated queries', () => {
    let withRuns = 0;
    let withNotices = 0;
    for (let i = 0; i < 600; i++) {
      const search = query();
      let result: ReturnType<typeof decodeState> | undefined;
      expect(() => {
        result = decodeState(search);
      }, search).not.toThrow();
      if (!result) throw new Error('no result');
      expect(Array.isArray(result.notices)).toBe(true);
      for (const n of result.notices) {
        expect(urlNoticeText(n, 'en').length, search).toBeLessThan(400);
        expect(urlNoticeText(n, 'zh').length, search).toBeLessThan(400);
      }
      expectValid(result.state, search);
      if (result.state.experiment && search.includes('run=')) withRuns++;
      if (result.notices.length > 0) withNotices++;
    }
    // The generator reaches the interesting paths, not just the empty link.
    expect(withRuns).toBeGreaterThan(100);
    expect(withNotices).toBeGreaterThan(300);
  });

  it('non-string and pathological inputs', () => {
    for (const search of [
      '?',
      '&',
      '=',
      '?=&=',
      '?run',
      '?run=',
      '?at=',
      '?v',
      '%',
      '?%=%',
      `?run=${'a:adam,'.repeat(300)}`,
    ]) {
      const { state } = decodeState(search);
      expectValid(state, search);
    }
    expect(() => decodeState(undefined as unknown as string)).not.toThrow();
  });
});
