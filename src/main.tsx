// The page's entry, kept tiny on purpose: it starts the engine worker first, so the worker's bundle (tfjs,
// the backends) loads on the other core while the app's own code (start-app.tsx) is fetched and parsed.
import { startEngineWorkerEarly } from './engine/early-worker';
import './ui/app.css';

startEngineWorkerEarly();
void import('./start-app');
