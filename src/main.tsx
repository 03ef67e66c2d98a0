// The page's entry, kept tiny on purpose: it starts the engine worker first, so the worker's bundle (tfjs,
// the backends) loads on the other core while the app's own code (start-app.tsx) is fetched and parsed.
import { startEngineWorkerEarly } from './engine/early-worker';
import './ui/app.css';

startEngineWorkerEarly();
import('./start-app').catch((err: unknown) => {
  // No string tables without the app's code: a plain sentence instead of a blank page (a dropped
  // connection, or a site updated under an open tab whose old chunks are gone).
  const root = document.getElementById('root');
  if (!root) return;
  root.setAttribute('role', 'alert');
  root.className = 'load-failed';
  root.textContent = `Anisoscope could not load its code (${err instanceof Error ? err.message : String(err)}). Reload the page to try again.`;
});
