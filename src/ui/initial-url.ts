// What the address bar asks for at start-up: a scene, maybe an experiment that differs from it (a
// shared link), view options, and notices for anything that had to be clamped or dropped.
import type { ExperimentConfig } from '../engine/experiment';
import type { OverBudget } from '../engine/model-size';
import { decodeState, resolveUrlState, type UrlView } from '../state/url/codec';

export interface InitialUrl {
  sceneId: string;
  /** The link's experiment when it differs from the scene's, else null. */
  experiment: ExperimentConfig | null;
  view: UrlView;
  notices: string[];
  /** The link's experiment was over the model-size budget: the scene's own runs instead. */
  refusal: OverBudget | null;
}

export function readInitialUrl(search: string): InitialUrl {
  const { state, notices } = decodeState(search);
  const { scene, experiment, refusal } = resolveUrlState(state);
  return {
    sceneId: scene.id,
    experiment: state.experiment && !refusal ? experiment : null,
    refusal,
    view: state.view,
    // The backend parameter has its own notice (backend-param.ts).
    notices: notices.filter((n) => !/backend/i.test(n)),
  };
}

/** The data set the first scene trains on (null: none to fetch), so the engine fetches it early. */
export function initialDataset(search: string): 'mnist' | 'sonnets' | null {
  try {
    const kind = resolveUrlState(decodeState(search).state).experiment.task.kind;
    return kind === 'mnist' ? 'mnist' : kind === 'charlm' ? 'sonnets' : null;
  } catch {
    return null; // a hint only: the page reports a bad address itself
  }
}
