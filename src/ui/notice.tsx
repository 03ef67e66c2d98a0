// A dismissible notice (e.g. an unknown `?backend=` value in the URL).
import type { ReactNode } from 'react';

export function Notice({ children, onDismiss }: { children: ReactNode; onDismiss: () => void }) {
  return (
    <div className="notice" role="status" data-testid="param-notice">
      <span>{children}</span>
      <button
        type="button"
        className="notice__close"
        aria-label="Dismiss notice"
        data-testid="dismiss-notice"
        onClick={onDismiss}
      >
        ×
      </button>
    </div>
  );
}
