// The one writer of the address bar. It encodes, through the schema, everything the running app changes
// (scene, experiment, view, backend, the tour's step, a chosen language) and writes it with
// `history.replaceState` (never pushState, so Back still leaves the page). Training edits and a new scene
// are debounced (the scene's experiment follows it at once); a backend, language or tour change is
// written at once. Keys read only at start-up (embedding,
// presentation, debug) and keys this schema does not own stay exactly as they were.

import type { BackendPreference } from '../../engine/protocol';
import type { PageState, PageStore } from '../page-store';
import type { TrainingState, TrainingStore } from '../training-store';
import { encodeState, type UrlPage, type UrlState } from './codec';
import { splitQuery } from './query';
import { EXPERIMENT_KEYS, OWNED_KEYS, START_UP_KEYS, VERSION_KEY } from './schema';

export const URL_SYNC_DEBOUNCE_MS = 300;

/** The parts of `window` this module touches (a fake in tests). */
export interface UrlSyncWindow {
  location: { pathname: string; search: string; hash: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url?: string | URL | null): void };
  setTimeout(handler: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

/** Where the URL's facts live. The tour's position is the UI's own store, so it comes as a getter. */
export interface UrlSources {
  training: TrainingStore;
  page: PageStore;
  /** The open tour's 1-based step, or null when it is closed, and how to hear when it changes. */
  tour?: { step(): number | null; subscribe(onChange: () => void): () => void };
}

export interface UrlSyncOptions {
  debounceMs?: number;
  window?: UrlSyncWindow;
}

const keyOf = (segment: string): string | undefined => splitQuery(segment)[0]?.key;

/**
 * `current` with the schema's parameters replaced by `encoded`; every other pair is kept verbatim and in
 * order (ours follow them). `keep` names owned keys to leave as found as well (an encoded pair of a kept
 * key that is there already is not written twice). Returns '' or '?…'.
 */
export function mergeSearch(current: string, encoded: string, keep: readonly string[] = []): string {
  const owned = new Set(OWNED_KEYS.filter((k) => !keep.includes(k)));
  const text = current.startsWith('?') ? current.slice(1) : current;
  const others = text.split('&').filter((segment) => {
    if (segment === '') return false;
    const key = keyOf(segment);
    return key === undefined || !owned.has(key);
  });
  const present = new Set(others.map(keyOf));
  const ours = (encoded === '' ? [] : encoded.split('&')).filter((segment) => {
    const key = keyOf(segment);
    return !(key !== undefined && keep.includes(key) && present.has(key));
  });
  const all = [...others, ...ours];
  return all.length === 0 ? '' : `?${all.join('&')}`;
}

/**
 * What a link says of the training store: its experiment, which is the one the user asked for (edits in
 * flight included, state/requested-experiment.ts), and the view. The address bar and share links both
 * read it here.
 */
export type UrlFacts = Pick<TrainingState, 'experiment' | 'shownField' | 'sharedScale' | 'aggregate'>;

const viewOf = (state: UrlFacts): UrlState['view'] => ({
  shownField: state.shownField,
  sharedScale: state.sharedScale,
  aggregate: state.aggregate,
});

/** What the URL should say for this store state (null until an experiment is loaded); for share links. */
export function urlStateOf(state: UrlFacts, sceneId: string, backend?: BackendPreference): UrlState | null {
  if (!state.experiment) return null;
  return {
    sceneId,
    experiment: state.experiment,
    view: viewOf(state),
    ...(backend !== undefined ? { backend } : {}),
  };
}

/** Everything the running app writes: the state of its stores (the experiment once one is loaded). */
export function liveUrlState(training: TrainingState, page: PageState, tourStep: number | null): UrlState {
  const live: UrlPage = {};
  if (tourStep !== null) Object.assign(live, { tour: true, step: tourStep });
  if (page.language !== null) live.lang = page.language;
  return {
    sceneId: page.sceneId,
    ...(training.experiment ? { experiment: training.experiment } : {}),
    view: viewOf(training),
    backend: page.backend,
    ...(Object.keys(live).length > 0 ? { page: live } : {}),
  };
}

/**
 * Writes the address bar now (if it differs) and again whenever the stores change: the scene, experiment
 * and view ~300 ms later (so a new scene is written with its own experiment, not the last one's), the
 * backend, language and tour at once. Until the first experiment is loaded
 * the link's experiment keys are left as found, so a link's settings survive start-up.
 * Returns the stop function (it also cancels a pending write).
 */
export function startUrlSync(sources: UrlSources, options: UrlSyncOptions = {}): () => void {
  const win: UrlSyncWindow = options.window ?? window;
  const delay = options.debounceMs ?? URL_SYNC_DEBOUNCE_MS;
  const { training, page, tour } = sources;
  let timer: unknown = null;

  const write = () => {
    if (timer !== null) win.clearTimeout(timer);
    timer = null;
    const state = training.store.getState();
    const keep = state.experiment ? START_UP_KEYS : [...START_UP_KEYS, VERSION_KEY, ...EXPERIMENT_KEYS];
    const encoded = encodeState(liveUrlState(state, page.store.getState(), tour?.step() ?? null));
    const search = mergeSearch(win.location.search, encoded, keep);
    if (search === win.location.search || (search === '' && win.location.search === '?')) return;
    win.history.replaceState(win.history.state, '', `${win.location.pathname}${search}${win.location.hash}`);
  };
  const schedule = () => {
    if (timer !== null) win.clearTimeout(timer);
    timer = win.setTimeout(write, delay);
  };

  const stops = [
    training.store.subscribe((next, prev) => {
      if (
        next.experiment !== prev.experiment ||
        next.shownField !== prev.shownField ||
        next.sharedScale !== prev.sharedScale ||
        next.aggregate !== prev.aggregate
      )
        schedule();
    }),
    page.store.subscribe((next, prev) => {
      if (next.backend !== prev.backend || next.language !== prev.language) write();
      else if (next.sceneId !== prev.sceneId) schedule();
    }),
    ...(tour ? [tour.subscribe(write)] : []),
  ];
  write();

  return () => {
    for (const stop of stops) stop();
    if (timer !== null) win.clearTimeout(timer);
    timer = null;
  };
}
