// The UI language: `?lang=en|zh` wins (read once with the whole link, state/url/start-url.ts), else the
// browser's language, else English. Held outside React so that plain modules (chart renderers) can read it too.

import { createStore } from 'zustand/vanilla';
import { LANGUAGES, type Language } from '../../state/url/schema';
import { startUrl } from '../../state/url/start-url';

export { LANGUAGES, type Language };

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', zh: '简体中文' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The link's language if it names one, else the first browser language we have (zh-CN, zh-Hans, zh → zh), else en. */
export function pickLanguage(linked: Language | undefined, browserLanguages: readonly string[]): Language {
  if (linked !== undefined) return linked;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export const languageStore = createStore<{ language: Language }>(() => ({
  language:
    typeof window === 'undefined'
      ? 'en'
      : pickLanguage(
          startUrl().page.lang,
          typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]),
        ),
}));

/** The BCP 47 tag for `<html lang>`. */
export function htmlLang(language: Language): string {
  return language === 'zh' ? 'zh-Hans' : 'en';
}

export function setLanguage(language: Language): void {
  languageStore.setState({ language });
  if (typeof document !== 'undefined') document.documentElement.lang = htmlLang(language);
}
