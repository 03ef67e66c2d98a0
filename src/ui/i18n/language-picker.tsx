// The language select in the header: updates `?lang=` (other parameters kept) and the UI at once.
import { useId } from 'react';
import { useStore } from 'zustand';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, languageStore, setLanguage } from './language';
import { loadLanguage, useT } from './translate';

/** The address with `?lang=` set to `language`, everything else as it was. */
export function withLanguageParam(href: string, language: string): string {
  const url = new URL(href);
  url.searchParams.set('lang', language);
  return url.toString();
}

export function LanguagePicker() {
  const t = useT();
  const language = useStore(languageStore, (s) => s.language);
  const id = useId();
  // A label by id (not wrapping), so the select's name is just "Language", not "Language English".
  return (
    <span className="picker">
      <label className="picker__label" htmlFor={id}>
        {t('language.label')}
      </label>
      <select
        id={id}
        data-testid="language-picker"
        value={language}
        onChange={(e) => {
          const next = e.target.value;
          if (!isLanguage(next)) return;
          window.history.replaceState(
            window.history.state,
            '',
            withLanguageParam(window.location.href, next),
          );
          void loadLanguage(next).then(() => setLanguage(next));
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l === 'zh' ? 'zh-Hans' : 'en'}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </span>
  );
}
