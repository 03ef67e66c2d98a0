// Catches render errors so a broken panel shows a message instead of a blank page or a console error.
import { Component, type ReactNode } from 'react';
import { t } from './i18n';

interface Props {
  children: ReactNode;
}
interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="card card--error" role="alert" data-testid="app-error">
        <h2>{t('error.title')}</h2>
        <p>{error.message || String(error)}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </button>
      </div>
    );
  }
}
