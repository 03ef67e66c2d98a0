import { describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../engine/experiment';
import { DEFAULT_SCENE_ID, SCENES, sceneById } from '../../engine/scenes';
import { urlNoticeText } from '../../ui/i18n/url-notice-text';
import { decodeState, encodeState, migrate, type UrlState } from './codec';
import { splitQuery } from './query';
import { DEFAULT_VIEW, OWNED_KEYS } from './schema';
import { roundTrip } from './testing/codec-checks';
import type { UrlNotice } from './url-notices';

const view = { ...DEFAULT_VIEW };

describe('round trip encode → decode', () => {
  it('writes nothing for the default scene with default view', () => {
    expect(encodeState({ sceneId: DEFAULT_SCENE_ID, view })).toBe('');
    expect(encodeState({ view })).toBe('');
    expect(decodeState('')).toEqual({ state: { view }, notices: [] });
  });

  it.each(SCENES.map((s) => [s.id]))('scene %s as it is', (id) => {
    const scene = sceneById(id);
    if (!scene) throw new Error(id);
    const state: UrlState = { sceneId: id, experiment: structuredClone(scene.experiment), view };
    roundTrip(state);
    expect(encodeState(state)).toBe(id === DEFAULT_SCENE_ID ? '' : `v=1&scene=${id}`);
  });

  it.each(SCENES.map((s) => [s.id]))('scene %s with every kind of change', (id) => {
    const scene = sceneById(id);
    if (!scene) throw new Error(id);
    const e: ExperimentConfig = structuredClone(scene.experiment);
    const [first] = e.runs;
    if (!first) throw new Error('no runs');
    first.spec = { ...first.spec, lr: 0.0042, beta1: 0.8, convention: 'textbook' };
    first.label = 'Fast, “odd” label: β=7 & 100% + more';
    e.seeds = { data: 7, init: 4294967295, batches: 0 };
    if (e.task.kind === 'surface') e.task = { ...e.task, start: [0.25, -1.5] };
    if (e.task.kind === 'classify2d') e.task = { ...e.task, hidden: [8, 4, 2], noise: 0.1, trainSize: 200 };
    if (e.task.kind === 'mnist') e.task = { ...e.task, hidden: [32], activation: 'tanh', batchSize: 16 };
    if (e.task.kind === 'charlm')
      e.task = {
        ...e.task,
        cell: e.task.cell === 'lstm' ? 'gru' : 'lstm',
        hidden: 32,
        embedding: 8,
        sequenceLength: 16,
      };
    while (e.runs.length < 4)
      e.runs.push({
        id: `r${e.runs.length}`,
        label: 'Yogi',
        spec: { name: 'yogi', eps: 1e-4, softplusBeta: 3 },
      });
    const state: UrlState = {
      sceneId: id,
      experiment: e,
      view: { shownField: 'effectiveStep', sharedScale: false, aggregate: 'mean' },
      backend: 'wasm',
    };
    roundTrip(state);
  });

  it('the char-LM cell: absent is the GRU (older links), `cell=lstm` the LSTM, anything else a notice', () => {
    const cellOf = (query: string) => {
      const { state } = decodeState(query);
      // Without experiment keys a link means the scene's experiment as it is.
      const task = (state.experiment ?? sceneById(state.sceneId ?? DEFAULT_SCENE_ID)?.experiment)?.task;
      return task?.kind === 'charlm' ? (task.cell ?? 'gru') : null;
    };
    expect(cellOf('v=1&scene=charlm-sonnets')).toBe('gru');
    expect(cellOf('v=1&scene=charlm-sonnets&cell=lstm')).toBe('lstm');
    expect(cellOf('task=charlm&cell=LSTM')).toBe('lstm');
    const wrong = decodeState('v=1&scene=charlm-sonnets&cell=rnn');
    expect(wrong.notices.map((n) => urlNoticeText(n, 'en')).join(' ')).toMatch(
      /cell=“rnn” is not valid \(expected one of gru, lstm\); ignored/,
    );
  });

  it('switching the task kind, clearing a start point and a schedule', () => {
    const rosen = sceneById('rosenbrock');
    const switcher = sceneById('switch-adam-sadam');
    if (!rosen || !switcher) throw new Error('scenes');
    roundTrip({
      sceneId: 'rosenbrock',
      experiment: {
        ...structuredClone(rosen.experiment),
        task: { kind: 'charlm', hidden: 8, embedding: 4, sequenceLength: 8, batchSize: 2 },
      },
      view,
    });
    roundTrip({
      sceneId: 'fig1-mnist',
      experiment: {
        ...structuredClone(rosen.experiment),
        task: { kind: 'surface', surface: 'beale', start: [1, 2] },
      },
      view,
    });
    const moved = {
      ...rosen,
      id: 'x',
      experiment: {
        ...rosen.experiment,
        task: { kind: 'surface' as const, surface: 'rosenbrock' as const, start: [1, 1] as [number, number] },
      },
    };
    expect(moved.experiment.task.start).toEqual([1, 1]);
    const noSchedule = { ...structuredClone(switcher.experiment) };
    delete noSchedule.schedule;
    expect(encodeState({ sceneId: switcher.id, experiment: noSchedule, view })).toBe(
      'v=1&scene=switch-adam-sadam&at=none',
    );
    roundTrip({ sceneId: switcher.id, experiment: noSchedule, view });
    const later = structuredClone(switcher.experiment);
    later.schedule = [
      { atStep: 10, runId: 'adam', spec: { lr: 0.5 } },
      { atStep: 300, runId: 'switch', spec: { name: 'samsgrad', softplusBeta: 5 } },
    ];
    roundTrip({ sceneId: switcher.id, experiment: later, view });
  });

  it('custom 2-D points cannot ride in a link: the link keeps the scene’s data set and says nothing wrong', () => {
    const scene = sceneById('race-moons');
    if (!scene) throw new Error('scene');
    const e = structuredClone(scene.experiment) as unknown as { task: Record<string, unknown> };
    e.task = { ...e.task, dataset: 'custom', points: { xy: [0, 0, 1, 1], labels: [0, 1], classes: 2 } };
    const search = encodeState({ sceneId: 'race-moons', experiment: e as unknown as ExperimentConfig, view });
    expect(search).toBe('v=1&scene=race-moons');
    expect(decodeState(search).notices).toEqual([]);
  });

  it('writes runs readably, in a stable order', () => {
    const scene = sceneById('rosenbrock');
    if (!scene) throw new Error('scene');
    const e = structuredClone(scene.experiment);
    e.runs = [
      { id: 'adam', label: 'Adam', spec: { name: 'adam', lr: 1e-3, eps: 1e-8 } },
      { id: 'sadam', label: 'Sadam β=50', spec: { name: 'sadam', lr: 1e-2, softplusBeta: 20 } },
    ];
    expect(encodeState({ sceneId: 'rosenbrock', experiment: e, view: { ...view, aggregate: 'min' } })).toBe(
      'v=1&scene=rosenbrock&run=adam:adam&run=sadam:sadam,beta=20,label=Sadam%20%CE%B2%3D50&agg=min',
    );
  });

  it('reads runs as the brief writes them', () => {
    const { state, notices } = decodeState(
      '?scene=beale&run=adam:adam,lr=1e-3,eps=1e-8&run=sadam:sadam,lr=1e-2,beta=50,label=Sadam%20fast',
    );
    expect(notices).toEqual([]);
    expect(state.sceneId).toBe('beale');
    expect(state.experiment?.runs.map((r) => [r.id, r.label, r.spec.name, r.spec.lr])).toEqual([
      ['adam', 'Adam', 'adam', 1e-3],
      ['sadam', 'Sadam fast', 'sadam', 1e-2],
    ]);
    expect(state.experiment?.runs[1]?.spec.softplusBeta).toBe(50);
    // The scene gives the rest.
    expect(state.experiment?.task).toEqual({ kind: 'surface', surface: 'beale' });
  });

  it('reads a run value that something re-encoded with URLSearchParams', () => {
    const url = new URL('https://x.test/?scene=beale&run=adam:adam,lr=0.05,label=A%20b');
    url.searchParams.set('backend', 'cpu'); // re-serialises every value: ':' ',' '=' become %3A %2C %3D
    expect(url.search).toContain('adam%3Aadam');
    const { state, notices } = decodeState(url.search);
    expect(notices).toEqual([]);
    expect(state.experiment?.runs).toEqual([
      {
        id: 'adam',
        label: 'A b',
        labelTyped: true,
        spec: expect.objectContaining({ name: 'adam', lr: 0.05 }),
      },
    ]);
    expect(state.backend).toBe('cpu');
  });
});

describe('versions and old links', () => {
  it('a link without v is version 1', () => {
    const old = '?scene=beale&run=adam:adam,lr=0.1&agg=min';
    expect(decodeState(old)).toEqual(decodeState(`${old}&v=1`));
    expect(decodeState(old).notices).toEqual([]);
    expect(decodeState('?backend=webgl')).toEqual({ state: { view, backend: 'webgl' }, notices: [] });
  });

  it('a newer or broken version is read as well as we can, with a notice', () => {
    const newer = decodeState('?v=2&scene=beale').notices;
    expect(newer).toEqual([{ kind: 'urlNewerVersion', version: 2 }]);
    expect(urlNoticeText(newer[0] as UrlNotice, 'en')).toBe(
      'this link was made by a newer version (v=2); some settings may be ignored',
    );
    expect(decodeState('?v=2&scene=beale').state.sceneId).toBe('beale');
    expect(decodeState('?v=x&scene=beale').notices).toEqual([{ kind: 'urlBadVersion', text: 'x' }]);
  });

  it('migrate is the identity for version 1', () => {
    const params = splitQuery('?scene=beale&run=a:adam');
    expect(migrate(1, params)).toEqual(params);
  });

  it('the schema owns a known set of keys', () => {
    expect(OWNED_KEYS).toEqual([
      'v',
      'scene',
      'task',
      'dataset',
      'surface',
      'start',
      'model',
      'hidden',
      'act',
      'batch',
      'noise',
      'train',
      'emb',
      'seq',
      'cell',
      'data_seed',
      'init_seed',
      'batch_seed',
      'seeds',
      'run',
      'at',
      'field',
      'scale',
      'agg',
      'backend',
      'tour',
      'step',
      'lang',
      'present',
      'debug',
      'embed',
      'hide',
      'show',
      'layout',
      'origin',
    ]);
  });
});
