// Keeps the address bar in step with the experiment and view: every change to the training store is written
// with `history.replaceState` (debounced; never pushState, so Back still leaves the page), and parameters
// this schema does not own (`tour`, `step`, `lang`, `embed`, ...) stay as they were.

import type { BackendPreference } from '../../engine/protocol';
import type { TrainingState, TrainingStore } from '../training-store';
import { encodeState, type UrlState } from './codec';
import { splitQuery } from './query';
import { BACKEND_PARAM, OWNED_KEYS } from './schema';

export const URL_SYNC_DEBOUNCE_MS = 300;

/** The parts of `window` this module touches (a fake in tests). */
export interface UrlSyncWindow {
  location: { pathname: string; search: string; hash: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url?: string | URL | null): void };
  setTimeout(handler: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export interface UrlSyncOptions {
  debounceMs?: number;
  /**
   * The backend choice, when this module should own `?backend=`. Without it the `backend` parameter is left
   * exactly as found (today `ui/backend-param.ts` writes it).
   */
  getBackend?: () => BackendPreference;
  window?: UrlSyncWindow;
}

/**
 * `current` with the schema's parameters replaced by `encoded`; every other pair is kept verbatim and in
 * order (ours follow them). `keep` names owned keys to leave alone as well. Returns '' or '?…'.
 */
export function mergeSearch(current: string, encoded: string, keep: readonly string[] = []): string {
  const owned = new Set(OWNED_KEYS.filter((k) => !keep.includes(k)));
  const text = current.startsWith('?') ? current.slice(1) : current;
  const others = text.split('&').filter((segment) => {
    if (segment === '') return false;
    const key = splitQuery(segment)[0]?.key;
    return key === undefined || !owned.has(key);
  });
  const all = [...others, ...(encoded === '' ? [] : encoded.split('&'))];
  return all.length === 0 ? '' : `?${all.join('&')}`;
}

/** What the URL should say for this store state (null until an experiment is loaded). */
export function urlStateOf(
  state: TrainingState,
  sceneId: string,
  backend?: BackendPreference,
): UrlState | null {
  if (!state.experiment) return null;
  return {
    sceneId,
    experiment: state.experiment,
    view: { shownField: state.shownField, sharedScale: state.sharedScale, aggregate: state.aggregate },
    ...(backend !== undefined ? { backend } : {}),
  };
}

/**
 * Subscribes to the store and rewrites the query string ~300 ms after the experiment or a view option
 * changes. Nothing is written before the first experiment is loaded, so a link's settings survive start-up.
 * Returns the unsubscribe (it also cancels a pending write).
 */
export function startUrlSync(
  training: TrainingStore,
  getSceneId: () => string,
  options: UrlSyncOptions = {},
): () => void {
  const win: UrlSyncWindow = options.window ?? window;
  const delay = options.debounceMs ?? URL_SYNC_DEBOUNCE_MS;
  let timer: unknown = null;

  const write = () => {
    timer = null;
    const state = urlStateOf(training.store.getState(), getSceneId(), options.getBackend?.());
    if (!state) return;
    const keep = options.getBackend ? [] : [BACKEND_PARAM.key];
    const search = mergeSearch(win.location.search, encodeState(state), keep);
    if (search === win.location.search || (search === '' && win.location.search === '?')) return;
    win.history.replaceState(win.history.state, '', `${win.location.pathname}${search}${win.location.hash}`);
  };
  const schedule = () => {
    if (timer !== null) win.clearTimeout(timer);
    timer = win.setTimeout(write, delay);
  };

  const unsubscribe = training.store.subscribe((next, prev) => {
    if (
      next.experiment !== prev.experiment ||
      next.shownField !== prev.shownField ||
      next.sharedScale !== prev.sharedScale ||
      next.aggregate !== prev.aggregate
    )
      schedule();
  });
  // A scene loaded before we subscribed still deserves its URL.
  if (training.store.getState().experiment) schedule();

  return () => {
    unsubscribe();
    if (timer !== null) win.clearTimeout(timer);
    timer = null;
  };
}
