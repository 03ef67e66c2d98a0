import { describe, expect, it } from 'vitest';
import { decodeState } from '../../state/url/codec';
import { htmlLang, isLanguage, pickLanguage } from './language';

/** The language a link names, read as the app reads it at start-up (with every other key). */
const linked = (search: string) => decodeState(search).state.page?.lang;

describe('pickLanguage', () => {
  it('takes ?lang= first', () => {
    expect(pickLanguage(linked('?lang=zh'), ['en-US'])).toBe('zh');
    expect(pickLanguage(linked('?lang=en'), ['zh-CN'])).toBe('en');
    expect(pickLanguage(linked('?backend=wasm&lang=zh'), [])).toBe('zh');
  });

  it("else the browser's first language we have", () => {
    expect(pickLanguage(linked(''), ['zh-CN'])).toBe('zh');
    expect(pickLanguage(linked(''), ['zh-Hans-SG', 'en'])).toBe('zh');
    expect(pickLanguage(linked(''), ['zh'])).toBe('zh');
    expect(pickLanguage(linked(''), ['fr-FR', 'zh-CN'])).toBe('zh');
    expect(pickLanguage(linked(''), ['en-GB', 'zh-CN'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(pickLanguage(linked(''), ['fr'])).toBe('en');
    expect(pickLanguage(linked(''), [])).toBe('en');
  });

  it('ignores an invalid ?lang= and asks the browser', () => {
    expect(pickLanguage(linked('?lang=xx'), ['zh-CN'])).toBe('zh');
    expect(pickLanguage(linked('?lang=xx'), ['fr'])).toBe('en');
    expect(pickLanguage(linked('?lang='), ['zh-TW'])).toBe('zh');
  });

  it('knows its languages and their html tags', () => {
    expect(isLanguage('zh')).toBe(true);
    expect(isLanguage('zh-CN')).toBe(false);
    expect(htmlLang('zh')).toBe('zh-Hans');
    expect(htmlLang('en')).toBe('en');
  });
});
