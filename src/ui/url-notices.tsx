// The notice listing what a link got wrong (state/url's typed notices, worded by url-notice-text.ts).
// A lazy part of app.tsx: only a link with problems needs this wording, so it is not in the page's
// initial JavaScript; the notice appears once it has loaded (nothing shows before).
import type { UrlNotice } from '../state/url/url-notices';
import { useLanguage, useT } from './i18n';
import { urlNoticesText } from './i18n/url-notice-text';
import { Notice } from './notice';

export function UrlNotices({ notices, onDismiss }: { notices: readonly UrlNotice[]; onDismiss: () => void }) {
  const t = useT();
  const language = useLanguage();
  return (
    <Notice testId="url-notice" onDismiss={onDismiss}>
      {t('app.urlNotices')} {urlNoticesText(notices, language)}
    </Notice>
  );
}
