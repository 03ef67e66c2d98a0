// A dismissible notice (e.g. an unknown `?backend=` value in the URL).
import type { ReactNode } from 'react';
import { useT } from './i18n';

export function Notice({ children, onDismiss }: { children: ReactNode; onDismiss: () => void }) {
  const t = useT();
  return (
    <div className="notice" role="status" data-testid="param-notice">
      <span>{children}</span>
      <button
        type="button"
        className="notice__close"
        aria-label={t('notice.dismiss')}
        data-testid="dismiss-notice"
        onClick={onDismiss}
      >
        ×
      </button>
    </div>
  );
}
