// A dismissible notice (e.g. an unknown `?backend=` value in the URL).
import type { ReactNode } from 'react';
import { useT } from './i18n';

export function Notice({
  children,
  onDismiss,
  testId = 'param-notice',
}: {
  children: ReactNode;
  onDismiss: () => void;
  testId?: string;
}) {
  const t = useT();
  return (
    <div className="notice" role="status" data-testid={testId}>
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
