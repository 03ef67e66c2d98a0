// One canonical form per experiment, so that two configurations that train the same compare equal
// (the URL writer omits what equals the scene's own).

import { type ExperimentConfig, seedCountOf } from '../../engine/experiment';
import { type OptimizerSpec, type OptimizerSpecInput, resolveSpec } from '../../optim/spec';

function resolvedOrRaw(spec: OptimizerSpecInput): OptimizerSpec | OptimizerSpecInput {
  try {
    return resolveSpec(spec);
  } catch {
    return spec;
  }
}

/**
 * One canonical form per meaning: specs resolved (defaults filled), partial schedule specs without nulls,
 * the schedule absent when empty. Two experiments that train the same compare deep-equal here.
 */
export function canonicalExperiment(e: ExperimentConfig): ExperimentConfig {
  const out: ExperimentConfig = {
    task: structuredClone(e.task),
    runs: e.runs.map((r) => ({ id: r.id, label: r.label, spec: resolvedOrRaw(r.spec) })),
    seeds: { data: e.seeds.data, init: e.seeds.init, batches: e.seeds.batches },
  };
  // One seed is the same experiment whether or not it says so.
  if (seedCountOf(e) > 1) out.seedCount = seedCountOf(e);
  if (out.task.kind === 'surface' && out.task.start === undefined) delete out.task.start;
  // A char-LM without a cell (configs from before the choice) is the GRU.
  if (out.task.kind === 'charlm' && out.task.cell === undefined) out.task.cell = 'gru';
  // A change for a run that is no longer there is moot.
  const schedule = (e.schedule ?? [])
    .filter((c) => e.runs.some((r) => r.id === c.runId))
    .map((c) => ({
      atStep: c.atStep,
      runId: c.runId,
      spec: Object.fromEntries(
        Object.entries(c.spec).filter(([, v]) => v !== undefined && v !== null),
      ) as Partial<OptimizerSpecInput>,
    }));
  if (schedule.length > 0) out.schedule = schedule;
  return out;
}

/** JSON with sorted keys, so that key order never makes two equal values differ. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export const same = (a: unknown, b: unknown): boolean => stableJson(a) === stableJson(b);
