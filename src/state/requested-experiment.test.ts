import { describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../engine/experiment';
import { sceneById } from '../engine/scenes';
import { createRequestedExperiment, type ExperimentChange } from './requested-experiment';

const moons = sceneById('race-moons')?.experiment;
const beale = sceneById('beale')?.experiment;
if (!moons || !beale) throw new Error('scene missing');

const lrOf = (e: ExperimentConfig | null, runId: string) => e?.runs.find((r) => r.id === runId)?.spec.lr;
const setLr =
  (runId: string, lr: number): ExperimentChange =>
  (e) => ({ ...e, runs: e.runs.map((r) => (r.id === runId ? { ...r, spec: { ...r.spec, lr } } : r)) });
const labelOf = (e: ExperimentConfig | null, runId: string) => e?.runs.find((r) => r.id === runId)?.label;

function tracker() {
  const published: { experiment: ExperimentConfig; notice: unknown }[] = [];
  const requested = createRequestedExperiment((experiment, notice) => published.push({ experiment, notice }));
  return { requested, published };
}

describe('the experiment as asked for', () => {
  it('shows an edit at once, and keeps it once taken; the engine’s copy follows only then', () => {
    const { requested, published } = tracker();
    requested.replace(moons).settle(true);
    const edit = requested.edit(setLr('adam', 0.02), { kind: 'newSeeds' });
    expect(lrOf(requested.requested(), 'adam')).toBe(0.02);
    expect(lrOf(requested.taken(), 'adam')).not.toBe(0.02);
    expect(published.at(-1)?.notice).toBeUndefined(); // asked: the notice on screen stays
    edit.settle(true);
    expect(lrOf(requested.taken(), 'adam')).toBe(0.02);
    expect(published.at(-1)).toMatchObject({ notice: { kind: 'newSeeds' } });
  });

  it('drops a refused edit and applies the edits after it again on what the engine has', () => {
    const { requested } = tracker();
    requested.replace(moons).settle(true);
    const refused = requested.edit(setLr('adam', 0.02));
    const other = requested.edit(setLr('sgdm', 0.3));
    refused.settle(false);
    expect(lrOf(requested.requested(), 'adam')).toBe(lrOf(moons, 'adam'));
    expect(lrOf(requested.requested(), 'sgdm')).toBe(0.3);
    other.settle(true);
    expect(requested.requested()).toEqual(requested.taken());
    refused.settle(true); // a second answer changes nothing
    expect(lrOf(requested.taken(), 'adam')).toBe(lrOf(moons, 'adam'));
  });

  it('a new scene replaces edits asked before it; refused, the earlier experiment is asked for again', () => {
    const { requested } = tracker();
    requested.replace(moons).settle(true);
    const edit = requested.edit(setLr('adam', 0.02));
    const load = requested.replace(beale);
    expect(requested.requested()).toEqual(beale);
    edit.settle(true); // the old session took it just before the load
    expect(requested.requested()).toEqual(beale);
    load.settle(false);
    expect(lrOf(requested.requested(), 'adam')).toBe(0.02);
    expect(requested.requested()?.task).toEqual(moons.task);
  });

  it('a page-only change (a label) holds for the engine’s copy and for edits in flight', () => {
    const { requested } = tracker();
    requested.replace(moons).settle(true);
    const run = { ...(moons.runs[0] as ExperimentConfig['runs'][number]), id: 'extra', label: 'Extra' };
    const adding = requested.edit((e) => ({ ...e, runs: [...e.runs, run] }));
    const label =
      (id: string, text: string): ExperimentChange =>
      (e) => ({
        ...e,
        runs: e.runs.map((r) => (r.id === id ? { ...r, label: text, labelTyped: true } : r)),
      });
    requested.local(label('extra', 'mine'));
    requested.local(label('adam', 'A'));
    expect(labelOf(requested.requested(), 'extra')).toBe('mine');
    expect(labelOf(requested.taken(), 'adam')).toBe('A');
    adding.settle(true);
    expect(labelOf(requested.taken(), 'extra')).toBe('mine');
    expect(labelOf(requested.taken(), 'adam')).toBe('A');
  });

  it('publishes nothing and changes nothing before a first experiment', () => {
    const { requested, published } = tracker();
    requested.edit(setLr('adam', 0.02)).settle(true);
    requested.local(setLr('adam', 0.5));
    expect(requested.requested()).toBeNull();
    expect(published).toEqual([]);
  });
});
