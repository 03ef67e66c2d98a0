// Builds a snapshot: queue every tensor the display needs, read them all back in one batched await,
// then compute statistics in plain TypeScript (stats/).

import * as tf from '@tensorflow/tfjs-core';
import type { StateField } from '../../optim/spec';
import { ordersOfMagnitude } from '../../stats/anisotropy';
import { fieldSummary } from '../../stats/field-summary';
import type { EvaluationTensors, Task } from '../tasks/task';
import { type QueuedField, type QueueRead, queueField } from './field-read';
import type { Run } from './run';
import type { LayerSlice, RunSnapshot, Snapshot } from './snapshot-types';

/** The last evaluation of each run, repeated by snapshots that skip it (typed arrays copied as read). */
interface Evaluated {
  step: number;
  testLoss?: number;
  accuracy?: number;
  view?: Float32Array;
}
const lastEvaluation = new WeakMap<Run, Evaluated>();

// One selection buffer for every snapshot's percentiles (a field is 100k–1M floats: no new one each time).
let scratch = new Float32Array(0);
function scratchFor(n: number): Float32Array {
  if (scratch.length < n) scratch = new Float32Array(n);
  return scratch;
}

function layoutOf(task: Task): LayerSlice[] {
  let offset = 0;
  return task.params.map((p) => {
    const size = p.values.length;
    const slice: LayerSlice = {
      name: p.name,
      shape: p.shape,
      offset,
      size,
      ...(p.display ? { display: p.display } : {}),
    };
    offset += size;
    return slice;
  });
}

interface Pending {
  run: Run;
  steps: number[];
  alr: QueuedField;
  shown?: QueuedField;
  /** Its evaluation is an earlier run's (the same initial weights): its view array is copied. */
  sharesEvaluation: boolean;
  slots: {
    losses?: number;
    trace?: number;
    testLoss?: number;
    accuracy?: number;
    view?: number;
  };
}

/**
 * Reads every run's snapshot in one batched await. `shown` picks the field the heatmaps draw
 * (A-LR by default; also effective step, √v or |m|); statistics are always of the A-LR. Without
 * `evaluate`, a run that has been evaluated before repeats that evaluation (test loss, accuracy, view).
 */
export async function readSnapshot(
  task: Task,
  runs: Run[],
  step: number,
  shown: StateField = 'adaptiveRate',
  evaluate = true,
): Promise<Snapshot> {
  const layout = layoutOf(task);
  const toRead: tf.Tensor[] = [];
  const add: QueueRead = (t) => toRead.push(t) - 1;
  // Runs still at the shared initial weights (a scene's step 0) score the same: one evaluation for all.
  let initialWeightsSlots: Pending['slots'] | null = null;
  const pending: Pending[] = runs.map((run) => {
    const { steps, losses, trace } = run.drainPending();
    // Before the first step there is no A-LR yet: the field is NaN (drawn as "no data").
    const alr = queueField(run, 'adaptiveRate', add);
    const shownField = shown !== 'adaptiveRate' ? queueField(run, shown, add) : undefined;
    const fresh = evaluate || !lastEvaluation.has(run);
    const slots: Pending['slots'] = {};
    if (losses) slots.losses = add(losses);
    if (trace) slots.trace = add(trace);
    const shared = fresh && run.atInitialWeights ? initialWeightsSlots : null;
    if (shared) {
      const { testLoss, accuracy, view } = shared;
      Object.assign(slots, { testLoss, accuracy, view });
    } else if (fresh) {
      const evaluation = tf.tidy(() => task.evaluate(run.params) as tf.NamedTensorMap) as EvaluationTensors;
      if (evaluation.testLoss) slots.testLoss = add(evaluation.testLoss);
      if (evaluation.accuracy) slots.accuracy = add(evaluation.accuracy);
      if (evaluation.view) slots.view = add(evaluation.view);
      if (run.atInitialWeights) initialWeightsSlots = slots;
    }
    return {
      run,
      steps,
      alr,
      ...(shownField ? { shown: shownField } : {}),
      slots,
      sharesEvaluation: !!shared,
    };
  });

  let values: tf.TypedArray[];
  try {
    values = await Promise.all(toRead.map((t) => t.data()));
  } finally {
    tf.dispose(toRead);
  }

  const runSnapshots = pending.map(
    ({ run, steps, alr: alrField, shown: shownField, slots, sharesEvaluation }): RunSnapshot => {
      const at = (slot: number | undefined) =>
        slot === undefined ? undefined : (values[slot] as Float32Array);
      const alr = alrField.finish(values);
      const losses = at(slots.losses) ?? new Float32Array();
      const firstBad = losses.findIndex((l) => !Number.isFinite(l));
      if (firstBad >= 0 && run.divergedAt === null) run.divergedAt = steps[firstBad] ?? step;
      const finiteLosses = firstBad >= 0 ? losses.subarray(0, firstBad) : losses;
      if (finiteLosses.length)
        run.lastTrainLoss = finiteLosses.reduce((a, b) => a + b, 0) / finiteLosses.length;
      const { percentiles: alrStats, histogram } = fieldSummary(alr, scratchFor(alr.length));
      const evaluated: Evaluated =
        slots.testLoss !== undefined || slots.accuracy !== undefined || slots.view !== undefined
          ? {
              step,
              ...(slots.testLoss !== undefined ? { testLoss: at(slots.testLoss)?.[0] } : {}),
              ...(slots.accuracy !== undefined ? { accuracy: at(slots.accuracy)?.[0] } : {}),
              ...(slots.view !== undefined
                ? { view: sharesEvaluation ? at(slots.view)?.slice() : at(slots.view) }
                : {}),
            }
          : (lastEvaluation.get(run) ?? { step });
      lastEvaluation.set(run, evaluated);
      const { testLoss, accuracy } = evaluated;
      return {
        runId: run.id,
        label: run.config.label,
        spec: run.optimizer.spec,
        step,
        epoch: step / task.stepsPerEpoch,
        trainLoss: run.lastTrainLoss,
        lossSteps: Int32Array.from(steps),
        losses,
        ...(testLoss !== undefined ? { testLoss } : {}),
        ...(accuracy !== undefined ? { accuracy } : {}),
        evaluatedAt: evaluated.step,
        divergedAt: run.divergedAt,
        alr,
        shown: { kind: shown, values: shownField?.finish(values) ?? alr },
        layout,
        alrStats,
        ordersOfMagnitude: ordersOfMagnitude(alrStats.min, alrStats.max),
        histogram,
        view: task.decodeView(evaluated.view, at(slots.trace)),
      };
    },
  );
  return { step, backend: tf.getBackend(), taskTitle: task.title, runs: runSnapshots };
}

/** The typed arrays of a snapshot, for postMessage's transfer list (no copies). */
export function transferables(snapshot: Snapshot): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  // A seed group's first seed is both `runs` and `seedRuns[0]`: the set lists each buffer once.
  for (const run of [...snapshot.runs, ...(snapshot.seedRuns?.flat() ?? [])]) {
    for (const array of [
      run.alr,
      run.losses,
      run.lossSteps,
      run.histogram.counts,
      run.histogram.edgesLog10,
    ]) {
      buffers.add(array.buffer as ArrayBuffer);
    }
  }
  return [...buffers];
}
