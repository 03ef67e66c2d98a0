// The address bar as the page opened with it, decoded once (codec.ts, one pass over every schema row).
// Every start-up reader asks here: the engine's first backend and data set, the first scene, experiment
// and view, the language, the tour, presentation, embedding and the debug hooks. Nothing else reads
// `location.search`; from then on the app writes the address bar through url-sync.ts alone.
import type { ExperimentConfig } from '../../engine/experiment';
import type { OverBudget } from '../../engine/model-size';
import type { BackendPreference } from '../../engine/protocol';
import { decodeState, resolveUrlState, type UrlPage, type UrlView } from './codec';
import { DEFAULT_BACKEND } from './schema';
import type { UrlNotice } from './url-notices';

export interface StartUrl {
  /** The scene to open (the default one when the link names none, or one we do not know). */
  sceneId: string;
  /** The link's experiment when it differs from the scene's, else null. */
  experiment: ExperimentConfig | null;
  /** The link's experiment was over the model-size budget: the scene's own runs instead. */
  refusal: OverBudget | null;
  view: UrlView;
  backend: BackendPreference;
  /** A `backend=` that names no backend, as written (the app says so and uses Auto). */
  refusedBackend: string | null;
  /** The page's own keys (tour, language, presentation, embedding, debug). */
  page: UrlPage;
  /** What was clamped or dropped, for the page's notice. */
  notices: UrlNotice[];
  /** The data set the first scene trains on, so the engine can fetch it early (null: none to fetch). */
  dataset: 'mnist' | 'sonnets' | null;
}

/** Decodes `search` as the page's first address (pure; never throws). */
export function readStartUrl(search: string): StartUrl {
  const { state, notices, refusedBackend } = decodeState(search);
  const { scene, experiment, refusal } = resolveUrlState(state);
  const kind = experiment.task.kind;
  return {
    sceneId: scene.id,
    experiment: state.experiment && !refusal ? experiment : null,
    refusal,
    view: state.view,
    backend: state.backend ?? DEFAULT_BACKEND,
    refusedBackend: refusedBackend ?? null,
    page: state.page ?? {},
    notices,
    dataset: kind === 'mnist' ? 'mnist' : kind === 'charlm' ? 'sonnets' : null,
  };
}

let start: StartUrl | null = null;

/** The page's first address, decoded the first time anyone asks (outside a browser: an empty one). */
export function startUrl(): StartUrl {
  start ??= readStartUrl(typeof window === 'undefined' ? '' : window.location.search);
  return start;
}
