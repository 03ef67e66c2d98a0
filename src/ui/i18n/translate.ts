// t(key, vars): the string for the current language with {name} placeholders filled.
import { useStore } from 'zustand';
import { type Language, languageStore } from './language';
import { EN, type StringKey } from './strings-en';

// English is built in, but for strings-en-later.ts's keys, which the parts that show them add (they
// import './later-strings'); other tables are lazy chunks (not initial JavaScript), fetched by
// loadLanguage before the language is switched on (main.tsx awaits the first one before the first render).
const ENGLISH: Partial<Record<StringKey, string>> = { ...EN };
const TABLES: Partial<Record<Language, Partial<Record<StringKey, string>>>> = { en: ENGLISH };

/** Adds English strings that came with a lazy part (later-strings.ts). */
export function addEnglish(table: Partial<Record<StringKey, string>>): void {
  Object.assign(ENGLISH, table);
}

let zhEngine: typeof import('./engine-text-zh') | undefined;

/** The Chinese scene and formula text (engine-text.ts), once loadLanguage('zh') has fetched it. */
export function zhEngineText(): typeof import('./engine-text-zh') | undefined {
  return zhEngine;
}

/** Fetches `language`'s string table once; until then its strings fall back to English. */
export async function loadLanguage(language: Language): Promise<void> {
  if (TABLES[language]) return;
  if (language === 'zh') {
    const [strings, engine] = await Promise.all([import('./strings-zh'), import('./engine-text-zh')]);
    zhEngine = engine;
    TABLES.zh = strings.ZH;
  }
}

export type Vars = Record<string, string | number>;

export function translate(language: Language, key: StringKey, vars?: Vars): string {
  // A later key whose part has not loaded yet (only tour-button's unused step words) reads as the key.
  const template = TABLES[language]?.[key] ?? ENGLISH[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** For plain modules (renderers): the current language, read at call time. */
export function t(key: StringKey, vars?: Vars): string {
  return translate(languageStore.getState().language, key, vars);
}

/** For components: the current language; re-renders when it changes. */
export function useLanguage(): Language {
  return useStore(languageStore, (s) => s.language);
}

/** For components: re-renders when the language changes. */
export function useT(): (key: StringKey, vars?: Vars) => string {
  const language = useLanguage();
  return (key, vars) => translate(language, key, vars);
}

export type { StringKey };
