// What the engine sends at display cadence: plain data (typed arrays are transferred, not copied).
// No tfjs here, so the store and the UI can import these types.

import type { OptimizerSpec, StateField } from '../../optim/spec';
import type { LayerSlice as FieldSlice } from '../../stats/field-layout';
import type { LogHistogram } from '../../stats/histogram';
import type { Percentiles } from '../../stats/percentiles';
import type { ParamDisplay } from '../tasks/param-display';
import type { TaskView } from '../tasks/task-view';

/** Where one parameter tensor sits in a run's flat field, and how the visualizer may arrange it. */
export interface LayerSlice extends FieldSlice {
  display?: ParamDisplay;
}

/** What a heatmap can show per parameter (issue #4's switch): the optimizer's own StateField. */
export type FieldKind = StateField;

export interface RunSnapshot {
  runId: string;
  label: string;
  spec: OptimizerSpec;
  step: number;
  epoch: number;
  /** Mean training loss over the steps since the previous snapshot (the previous value if none). */
  trainLoss: number;
  /** Per-step training losses since the previous snapshot, with their step numbers. */
  lossSteps: Int32Array;
  losses: Float32Array;
  testLoss?: number;
  accuracy?: number;
  /**
   * The step at which testLoss, accuracy and the task view were computed: `step`, or earlier while
   * training plays and the evaluation is budgeted (session/eval-budget.ts).
   */
  evaluatedAt?: number;
  divergedAt: number | null;
  /** The whole A-LR field (1/denom), flat in layout order. */
  alr: Float32Array;
  /** The field the heatmaps draw: the A-LR itself (same array) or effective step lr·bias·A-LR, √v, |m|. */
  shown: { kind: FieldKind; values: Float32Array };
  layout: LayerSlice[];
  alrStats: Percentiles;
  /** log10(max/min) of the A-LR: the headline anisotropy number. */
  ordersOfMagnitude: number;
  histogram: LogHistogram;
  view: TaskView;
}

export interface Snapshot {
  step: number;
  backend: string;
  taskTitle: string;
  /** Every run, of the first seed when the experiment trains on several. */
  runs: RunSnapshot[];
  /**
   * Only when the experiment trains on several seeds (docs/seeds.md): every seed's runs, seed k at index
   * k, all at the same step (`seedRuns[0]` is `runs`). Absent for a single seed.
   */
  seedRuns?: RunSnapshot[][];
}
