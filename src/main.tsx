import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/app';
import { installDebugHooks } from './ui/debug-hooks';
import { ErrorBoundary } from './ui/error-boundary';
import './ui/app.css';

installDebugHooks(window.location.search);

const root = document.getElementById('root');
if (root) {
  createRoot(root, {
    // React logs errors an error boundary caught with console.error; the boundary already shows them on
    // the page, so a warning is enough (the console stays free of errors for the e2e guard).
    onCaughtError: (error) => console.warn('Anisoscope: a panel failed and shows an error instead:', error),
  }).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}
