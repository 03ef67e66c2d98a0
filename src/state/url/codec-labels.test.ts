// Run labels in links: a link stores a label only when it was typed (or when the spec alone would not
// give it back); a derived label comes back from the spec; old links with default-looking labels work.
import { describe, expect, it } from 'vitest';
import type { ExperimentConfig, RunConfig } from '../../engine/experiment';
import { sceneById } from '../../engine/scenes';
import { decodeState, encodeState } from './codec';
import { DEFAULT_VIEW } from './schema';

const view = { ...DEFAULT_VIEW };

function sceneWith(id: string, change: (runs: RunConfig[]) => RunConfig[]): ExperimentConfig {
  const scene = sceneById(id);
  if (!scene) throw new Error(id);
  const e = structuredClone(scene.experiment);
  return { ...e, runs: change(e.runs) };
}

const runsOf = (search: string) => decodeState(search).state.experiment?.runs ?? [];

describe('run labels in links', () => {
  it('writes no label for a label that follows the spec, and reads it back from the spec', () => {
    const e = sceneWith('fig1-mnist', ([adam, sadam]) => [
      adam as RunConfig,
      {
        ...(sadam as RunConfig),
        label: 'Sadam β=52.5',
        spec: { ...(sadam as RunConfig).spec, softplusBeta: 52.5 },
      },
    ]);
    const search = encodeState({ experiment: e, view });
    expect(search).not.toContain('label');
    expect(runsOf(search).map((r) => [r.label, r.labelTyped])).toEqual([
      ['Adam', undefined],
      ['Sadam β=52.5', undefined],
    ]);
  });

  it('keeps a scene’s own wording for runs of that scene', () => {
    const e = sceneWith('eps-matters', ([a, b]) => [
      { ...(a as RunConfig), spec: { ...(a as RunConfig).spec, lr: 0.002 } },
      b as RunConfig,
    ]);
    const search = encodeState({ sceneId: 'eps-matters', experiment: e, view });
    expect(search).toContain('run=eps8:adam,lr=2e-3');
    expect(search).not.toContain('label');
    expect(runsOf(search).map((r) => r.label)).toEqual(['Adam ε=1e-8', 'Adam ε=1e-3']);
    const sw = sceneWith('switch-adam-sadam', ([a, b]) => [
      a as RunConfig,
      { ...(b as RunConfig), spec: { ...(b as RunConfig).spec, lr: 0.002 } },
    ]);
    const switched = encodeState({ sceneId: 'switch-adam-sadam', experiment: sw, view });
    expect(switched).not.toContain('label');
    expect(runsOf(switched).map((r) => r.label)).toEqual(['Adam', 'Adam → Sadam']);
  });

  it('stores a typed label, which comes back typed', () => {
    const e = sceneWith('fig1-mnist', ([adam, sadam]) => [
      { ...(adam as RunConfig), label: 'Adam (paper)', labelTyped: true },
      sadam as RunConfig,
    ]);
    const search = encodeState({ experiment: e, view });
    expect(search).toContain('label=Adam%20(paper)');
    const [adam] = runsOf(search);
    expect(adam).toMatchObject({ id: 'adam', label: 'Adam (paper)', labelTyped: true });
  });

  it('never splits an emoji at the length limit, and writes a lone surrogate from a link as U+FFFD', () => {
    const long = `${'a'.repeat(59)}😀 and more`; // the emoji's pair straddles unit 60
    const e = sceneWith('fig1-mnist', ([adam, sadam]) => [
      { ...(adam as RunConfig), label: long, labelTyped: true },
      sadam as RunConfig,
    ]);
    const search = encodeState({ experiment: e, view });
    expect(runsOf(search)[0]?.label).toBe('a'.repeat(59));
    // A lone surrogate can reach a label through a link; writing the link again must not throw.
    const odd = decodeState(`run=adam:adam,label=${encodeURIComponent('x')}\ud800`).state;
    expect(() => encodeState({ ...odd, view })).not.toThrow();
    expect(odd.experiment?.runs[0]?.label).toBe('x\uFFFD');
  });

  it('reads old links that carry a default-looking label as following the spec', () => {
    const [, sadam] = runsOf('?run=adam:adam,label=Adam&run=sadam:sadam,beta=50,label=Sadam%20%CE%B2%3D50');
    expect(sadam).toMatchObject({ label: 'Sadam β=50' });
    expect(sadam?.labelTyped).toBeUndefined();
    // A label that no longer matches its spec is kept as it is (the link says so).
    const [stale] = runsOf('?run=sadam:sadam,beta=52.5,label=Sadam%20%CE%B2%3D50');
    expect(stale).toMatchObject({ label: 'Sadam β=50', labelTyped: true });
  });

  it('names an added run as the app does: default label and its number', () => {
    expect(runsOf('?run=adam:adam&run=run3:samsgrad').map((r) => r.label)).toEqual([
      'Adam',
      'SAMSGrad β=50 (#3)',
    ]);
  });
});
