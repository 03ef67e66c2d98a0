// Test helpers for the URL codec's tests (only tests import this file; it imports vitest): what a state
// means once resolved, a checked round trip, and every property the app relies on in a decoded state.
import { expect } from 'vitest';
import { sceneById } from '../../../engine/scenes';
import { TASK_KINDS } from '../../../engine/tasks/configs';
import { resolveSpec } from '../../../optim/spec';
import { canonicalExperiment } from '../canonical';
import { decodeState, encodeState, resolveUrlState, type UrlState } from '../codec';
import {
  AGGREGATES,
  BACKEND_PARAM,
  FIELD_KINDS,
  MAX_LABEL_LENGTH,
  RUN_ID,
  SEED_PARAMS,
  TASK_PARAMS,
} from '../schema';

/** What a state means once resolved: compared across encode → decode. */
export function meaning(state: UrlState) {
  const { scene, experiment } = resolveUrlState(state);
  return {
    sceneId: scene.id,
    experiment: canonicalExperiment(experiment),
    view: state.view,
    backend: state.backend ?? 'auto',
    page: state.page ?? {},
  };
}

export function roundTrip(state: UrlState): UrlState {
  const search = encodeState(state);
  const { state: decoded, notices } = decodeState(`?${search}`);
  expect(notices, `notices for ?${search}`).toEqual([]);
  expect(meaning(decoded), `?${search}`).toEqual(meaning(state));
  // Writing what was read gives the same link back.
  expect(encodeState(decoded)).toBe(search);
  return decoded;
}

/** Every property the app relies on, for any decoded state. */
export function expectValid(state: UrlState, search: string): void {
  const where = `decoding ${JSON.stringify(search.slice(0, 200))}`;
  if (state.sceneId !== undefined) expect(sceneById(state.sceneId), where).toBeDefined();
  const { experiment } = resolveUrlState(state);
  expect(experiment.runs.length, where).toBeGreaterThanOrEqual(1);
  expect(experiment.runs.length, where).toBeLessThanOrEqual(4);
  expect(new Set(experiment.runs.map((r) => r.id)).size, where).toBe(experiment.runs.length);
  for (const run of experiment.runs) {
    expect(run.id, where).toMatch(RUN_ID);
    expect(typeof run.label, where).toBe('string');
    expect(run.label.length, where).toBeLessThanOrEqual(MAX_LABEL_LENGTH);
    expect(() => resolveSpec(run.spec), where).not.toThrow();
  }
  const task = experiment.task as unknown as Record<string, unknown>;
  expect(TASK_KINDS, where).toContain(experiment.task.kind);
  for (const row of TASK_PARAMS) {
    if (!row.kinds.includes(experiment.task.kind)) continue;
    if (row.field === 'start' && task.start === undefined) continue;
    expect(
      row.type.accepts(task[row.field]),
      `${where}: ${row.field}=${JSON.stringify(task[row.field])}`,
    ).toBe(true);
  }
  for (const row of SEED_PARAMS) expect(row.type.accepts(experiment.seeds[row.field]), where).toBe(true);
  for (const change of experiment.schedule ?? []) {
    const run = experiment.runs.find((r) => r.id === change.runId);
    expect(run, where).toBeDefined();
    expect(
      () => resolveSpec({ ...resolveSpec(run?.spec ?? { name: 'adam' }), ...change.spec }),
      where,
    ).not.toThrow();
  }
  expect(FIELD_KINDS, where).toContain(state.view.shownField);
  expect(typeof state.view.sharedScale, where).toBe('boolean');
  expect(AGGREGATES, where).toContain(state.view.aggregate);
  if (state.backend !== undefined) expect(BACKEND_PARAM.type.accepts(state.backend), where).toBe(true);
  // Whatever was read can be written, and reads back without complaint.
  const again = decodeState(encodeState(state));
  expect(again.notices, where).toEqual([]);
  expect(meaning(again.state), where).toEqual(meaning(state));
}
