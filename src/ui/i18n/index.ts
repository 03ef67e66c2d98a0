// UI text: the string table, the current language and the helpers that translate engine-owned text.
export { formulaText, sceneText } from './engine-text';
export {
  htmlLang,
  isLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
  languageStore,
  pickLanguage,
  setLanguage,
} from './language';
export { LanguagePicker } from './language-picker';
export { messageText, overBudgetText, refusalText } from './message-text';
export { Rich, rich } from './rich';
export { loadLanguage, type StringKey, t, translate, useLanguage, useT, type Vars } from './translate';
