// The app proper, loaded by main.tsx once the engine worker is on its way.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { page } from './state/app-state';
import { startUrl } from './state/url/start-url';
import { App } from './ui/app';
import { installDebugHooks } from './ui/debug-hooks';
import { ErrorBoundary } from './ui/error-boundary';
import { languageStore } from './ui/i18n/language';
import { loadLanguage } from './ui/i18n/translate';
import { startEngineEarly } from './ui/use-engine';

// The address bar is decoded once, here, before anything else reads it.
const start = startUrl();
if (start.page.debug) installDebugHooks();

const root = document.getElementById('root');
// The engine (worker, tfjs, backend) takes longest to get going: start it before the first render.
if (root) startEngineEarly(page.store.getState().backend, start.dataset);
// A non-English first screen waits for its string table (a small lazy chunk) so it never flashes English.
if (root)
  void loadLanguage(languageStore.getState().language).then(() => {
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
  });
