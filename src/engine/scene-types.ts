// What a scene is: an experiment with its title, caption, cadence and claim. Apart from the scene table
// so that the table's parts (scenes-surfaces.ts, scenes-generalization.ts) can name the type without
// importing the table that imports them.
import type { SceneClaim } from './claims/claim';
import type { ExperimentConfig } from './experiment';

export interface Scene {
  id: string;
  title: string;
  /** Two short lines: what the scene shows, and where to look. */
  caption: [string, string];
  experiment: ExperimentConfig;
  /** Steps between snapshots (display cadence). */
  snapshotEvery: number;
  /** Steps the headless runner takes when --steps is not given. */
  defaultSteps: number;
  /** Steps per tick in the app: cheap tasks (surfaces, 2-D) run several between frames. */
  stepsPerTick?: number;
  /** What the caption says will be seen, as checks `npm run experiment -- --check` evaluates. */
  claim: SceneClaim;
  /**
   * Repeat the experiment over several seeds (new initial weights and batch order each; the data only
   * with `varyData`). The headless runner does so by default and checks the claim on every seed.
   */
  repeat?: { seeds: number; varyData?: boolean };
}
