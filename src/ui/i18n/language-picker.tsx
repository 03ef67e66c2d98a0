// The language select in the header: names the language in the page store (the URL writer then sets
// `?lang=`) and switches the UI once its strings are loaded.
import { useId } from 'react';
import { useStore } from 'zustand';
import { page } from '../../state/app-state';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, languageStore, setLanguage } from './language';
import { loadLanguage, useT } from './translate';

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
          page.setLanguage(next);
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
