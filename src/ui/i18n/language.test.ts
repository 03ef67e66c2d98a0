import { describe, expect, it } from 'vitest';
import { htmlLang, isLanguage, pickLanguage } from './language';
import { withLanguageParam } from './language-picker';

describe('pickLanguage', () => {
  it('takes ?lang= first', () => {
    expect(pickLanguage('?lang=zh', ['en-US'])).toBe('zh');
    expect(pickLanguage('?lang=en', ['zh-CN'])).toBe('en');
    expect(pickLanguage('?backend=wasm&lang=zh', [])).toBe('zh');
  });

  it("else the browser's first language we have", () => {
    expect(pickLanguage('', ['zh-CN'])).toBe('zh');
    expect(pickLanguage('', ['zh-Hans-SG', 'en'])).toBe('zh');
    expect(pickLanguage('', ['zh'])).toBe('zh');
    expect(pickLanguage('', ['fr-FR', 'zh-CN'])).toBe('zh');
    expect(pickLanguage('', ['en-GB', 'zh-CN'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(pickLanguage('', ['fr'])).toBe('en');
    expect(pickLanguage('', [])).toBe('en');
  });

  it('ignores an invalid ?lang= and asks the browser', () => {
    expect(pickLanguage('?lang=xx', ['zh-CN'])).toBe('zh');
    expect(pickLanguage('?lang=xx', ['fr'])).toBe('en');
    expect(pickLanguage('?lang=', ['zh-TW'])).toBe('zh');
  });

  it('knows its languages and their html tags', () => {
    expect(isLanguage('zh')).toBe(true);
    expect(isLanguage('zh-CN')).toBe(false);
    expect(htmlLang('zh')).toBe('zh-Hans');
    expect(htmlLang('en')).toBe('en');
  });
});

describe('withLanguageParam', () => {
  it('sets lang and keeps every other parameter and the hash', () => {
    const next = new URL(withLanguageParam('https://x.test/a/?backend=wasm&lang=en&present=1#s', 'zh'));
    expect(next.pathname).toBe('/a/');
    expect(next.searchParams.get('backend')).toBe('wasm');
    expect(next.searchParams.get('present')).toBe('1');
    expect(next.searchParams.get('lang')).toBe('zh');
    expect(next.hash).toBe('#s');
  });
});
