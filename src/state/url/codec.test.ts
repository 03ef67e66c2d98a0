import { describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../engine/experiment';
import { createRandom } from '../../engine/random';
import { DEFAULT_SCENE_ID, SCENES, sceneById } from '../../engine/scenes';
import { resolveSpec } from '../../optim/spec';
import { canonicalExperiment } from './canonical';
import { decodeState, encodeState, migrate, resolveUrlState, type UrlState } from './codec';
import { splitQuery } from './query';
import {
  AGGREGATES,
  BACKEND_PARAM,
  DEFAULT_VIEW,
  FIELD_KINDS,
  MAX_LABEL_LENGTH,
  OWNED_KEYS,
  RUN_ID,
  SEED_PARAMS,
  TASK_KINDS,
  TASK_PARAMS,
} from './schema';

/** What a state means once resolved: compared across encode → decode. */
function meaning(state: UrlState) {
  const { scene, experiment } = resolveUrlState(state);
  return {
    sceneId: scene.id,
    experiment: canonicalExperiment(experiment),
    view: state.view,
    backend: state.backend ?? 'auto',
  };
}

function roundTrip(state: UrlState): UrlState {
  const search = encodeState(state);
  const { state: decoded, notices } = decodeState(`?${search}`);
  expect(notices, `notices for ?${search}`).toEqual([]);
  expect(meaning(decoded), `?${search}`).toEqual(meaning(state));
  // Writing what was read gives the same link back.
  expect(encodeState(decoded)).toBe(search);
  return decoded;
}

/** Every property the app relies on, for any decoded state. */
function expectValid(state: UrlState, search: string): void {
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
    if (e.task.kind === 'charlm') e.task = { ...e.task, hidden: 32, embedding: 8, sequenceLength: 16 };
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
      { id: 'adam', label: 'A b', spec: expect.objectContaining({ name: 'adam', lr: 0.05 }) },
    ]);
    expect(state.backend).toBe('cpu');
  });
});

describe('clamping and reporting', () => {
  const decode = (search: string) => decodeState(search);

  it('clamps β1 ≥ 1 to 0.999 and drops a negative lr to the default, saying so', () => {
    const { state, notices } = decode('?scene=beale&run=adam:adam,lr=-3,beta1=1');
    const spec = state.experiment?.runs[0]?.spec;
    expect(spec?.lr).toBe(0.001);
    expect(spec?.beta1).toBe(0.999);
    expect(notices).toEqual([
      'lr=“-3” for run adam is out of range (lr must be a finite number in [0, 1000000]; got -3); using 0.001',
      'beta1=“1” for run adam is out of range (beta1 must be a finite number in [0, 1); got 1); using 0.999',
    ]);
  });

  it('reports numbers that are not numbers, and unknown run settings', () => {
    const { state, notices } = decode('?run=s:sadam,lr=abc,beta=NaN,eps=,lrr=3');
    const spec = state.experiment?.runs[0]?.spec;
    expect(spec?.lr).toBe(0.01);
    expect(spec?.softplusBeta).toBe(50);
    expect(spec?.eps).toBe(1e-8);
    expect(notices).toEqual([
      'lr=“abc” for run s is not a number; using 0.01',
      'beta=“NaN” for run s is not a number; using 50',
      'eps=“” for run s is not a number; using 1e-8',
      'unknown setting “lrr” for run s; ignored',
    ]);
  });

  it('clamps huge values to the top of the range', () => {
    const { state, notices } = decode('?run=a:adam,lr=1e300,eps=Infinity,beta2=7&run=p:padam,partial=0.9');
    expect(state.experiment?.runs[0]?.spec).toMatchObject({ lr: 1e6, eps: 1e6, beta2: 0.999 });
    expect(state.experiment?.runs[1]?.spec).toMatchObject({ partial: 0.5 });
    expect(notices).toHaveLength(4);
    expect(notices[0]).toMatch(/^lr=“1e300” for run a is out of range .*; using 1000000$/);
  });

  it('drops runs with an unknown optimizer, duplicates, and runs past four', () => {
    const { state, notices } = decode(
      '?run=x:adamz,lr=abc&run=a:adam&run=a:sadam&run=b:sgdm&run=c:yogi&run=d:adagrad&run=e:rmsprop',
    );
    expect(state.experiment?.runs.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(notices).toEqual([
      'run #1 (“x”): unknown optimizer “adamz” (expected one of adam, amsgrad, sadam, samsgrad, sgdm, adagrad, rmsprop, padam, adabound, amsbound, yogi); run dropped',
      'run #3: a second run with id “a”; dropped',
      'run e: at most 4 runs; dropped',
    ]);
  });

  it('keeps the scene’s runs when none in the link is usable', () => {
    const { state, notices } = decode('?scene=beale&run=x:nope');
    expect(state.experiment?.runs.map((r) => r.id)).toEqual(['adam', 'sadam']);
    expect(notices).toHaveLength(2);
    expect(notices[1]).toBe('no usable run in the link; using the scene’s runs');
  });

  it('fixes bad ids, accepts a bare optimizer name and case', () => {
    const { state, notices } = decode('?run=ADAM&run=bad%20id!:SAdam');
    expect(state.experiment?.runs.map((r) => [r.id, r.spec.name])).toEqual([
      ['ADAM', 'adam'],
      ['run2', 'sadam'],
    ]);
    expect(notices).toEqual(['run #2: id “bad id!” must be 1–32 letters, digits, - or _; using “run2”']);
  });

  it('clamps task settings and seeds, ignores what does not apply to the task', () => {
    const { state, notices } = decode(
      '?scene=race-moons&hidden=0-2000-3-4-5&batch=32.4&noise=-1&train=abc&surface=beale&data_seed=-5&act=Relu',
    );
    expect(state.experiment?.task).toEqual({
      kind: 'classify2d',
      dataset: 'moons',
      hidden: [1, 1024, 3, 4],
      activation: 'relu',
      batchSize: 32,
      noise: 0,
      trainSize: 400,
    });
    expect(state.experiment?.seeds).toEqual({ data: 0, init: 1, batches: 1 });
    expect(notices).toEqual([
      'hidden=“0-2000-3-4-5”: only the first 4 layers are kept; each layer needs a whole number from 1 to 1024; using 1-1024-3-4',
      'batch=“32.4”: expected a whole number from 1 to 1024; using 32',
      'noise=“-1”: expected a number from 0 to 5; using 0',
      'train=“abc” is not a number (expected a whole number from 10 to 10000); ignored',
      'data_seed=“-5”: expected a whole number from 0 to 4294967295; using 0',
    ]);
  });

  it('an unknown scene, task, view option or backend falls back and says so', () => {
    const { state, notices } = decode(
      '?scene=nope&task=vision&field=x&scale=big&agg=avg&backend=quantum&start=9,9',
    );
    expect(state.sceneId).toBeUndefined();
    expect(state.view).toEqual(DEFAULT_VIEW);
    expect(state.backend).toBeUndefined();
    expect(resolveUrlState(state).scene.id).toBe(DEFAULT_SCENE_ID);
    expect(notices).toHaveLength(6);
    expect(notices[0]).toBe('scene=“nope” is not a scene we know; showing “fig1-mnist”');
    expect(notices[5]).toBe(
      'Unknown backend “quantum” in the URL (expected auto, webgpu, webgl, wasm or cpu); using Auto.',
    );
  });

  it('guards against huge inputs', () => {
    const long = `?scene=beale&run=${'a'.repeat(5000)}`;
    const { state, notices } = decode(long);
    expect(state.sceneId).toBe('beale');
    expect(state.experiment).toBeUndefined();
    expect(notices).toEqual(['run= is too long (5000 characters; at most 2000); ignored']);
    const huge = decode(`?${'x=1&'.repeat(100_000)}scene=beale`);
    expect(huge.state.sceneId).toBeUndefined();
    expect(huge.notices[0]).toMatch(/only the first 20000 are read/);
    const label = decode(`?run=a:adam,label=${'L'.repeat(100)}`);
    expect(label.state.experiment?.runs[0]?.label).toBe('L'.repeat(MAX_LABEL_LENGTH));
    expect(label.notices).toEqual([`the label of run a is cut to ${MAX_LABEL_LENGTH} characters`]);
  });

  it('caps the number of notices', () => {
    const search = `?${Array.from({ length: 30 }, (_, i) => `run=r${i}:bad${i}`).join('&')}`;
    const { notices } = decode(search);
    expect(notices).toHaveLength(13);
    expect(notices[12]).toMatch(/^…and \d+ more problems in the link$/);
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
    expect(decodeState('?v=2&scene=beale').notices).toEqual([
      'this link was made by a newer version (v=2); some settings may be ignored',
    ]);
    expect(decodeState('?v=2&scene=beale').state.sceneId).toBe('beale');
    expect(decodeState('?v=x&scene=beale').notices).toEqual([
      'v=“x” is not a link version; reading it as v=1',
    ]);
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
      'data_seed',
      'init_seed',
      'batch_seed',
      'run',
      'at',
      'field',
      'scale',
      'agg',
      'backend',
    ]);
  });
});

describe('fuzz: malformed links never throw and always give a valid state', () => {
  const random = createRandom(20240611);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const keys = [...OWNED_KEYS, 'tour', 'step', 'lang', 'embed', 'Scene', 'runs', '', '%', '%E0%A4%A', 'ü'];
  const words = [
    ...SCENES.map((s) => s.id),
    'adam',
    'sadam',
    'nope',
    'rosenbrock',
    'mlp',
    'cnn',
    'relu',
    'own',
    'min',
    'webgl',
    'mnist',
    'surface',
    'charlm',
    'classify2d',
    'none',
    'default',
  ];
  const numbers = [
    '0',
    '-0',
    '1',
    '-1',
    '1e-3',
    '1e308',
    '-1e308',
    'NaN',
    'Infinity',
    '-Infinity',
    '0x1f',
    '1e',
    '.',
    '3.7',
    '4294967296',
    '999999999999999999999',
    '1,2',
    '-3,4e9',
    '128-64',
    '1-2-3-4-5-6',
  ];
  const junk = [
    '%',
    '%%',
    '%ZZ',
    '%E2%82',
    '+',
    '&&',
    '==',
    ':::',
    ',,,',
    '🙂',
    'β',
    'Ω≈ç√',
    '\u0000',
    '\ud800',
    '<script>',
    '"\'`',
    ' ',
    '%20',
    '%2C',
    '%3A',
    '%3D',
  ];
  const specKeys = [
    'lr',
    'beta1',
    'beta2',
    'eps',
    'beta',
    'wd',
    'partial',
    'final_lr',
    'gamma',
    'conv',
    'label',
    'x',
    '',
  ];

  function token(): string {
    const r = random();
    if (r < 0.3) return pick(words);
    if (r < 0.6) return pick(numbers);
    if (r < 0.85) return pick(junk);
    return Array.from({ length: Math.floor(random() * 12) }, () =>
      String.fromCharCode(Math.floor(random() * 0x3000)),
    ).join('');
  }

  function runValue(): string {
    const head =
      random() < 0.8
        ? `${pick(['a', 'b', 'adam', token()])}:${pick(['adam', 'sadam', 'yogi', 'padam', token()])}`
        : token();
    const pairs = Array.from({ length: Math.floor(random() * 6) }, () =>
      random() < 0.9 ? `${pick(specKeys)}=${random() < 0.5 ? pick(numbers) : token()}` : token(),
    );
    return [head, ...pairs].join(',');
  }

  function atValue(): string {
    return [
      `${pick(['0', '10', '-1', 'x', '1e9'])}:${pick(['a', 'adam', 'switch', 'b'])}${random() < 0.5 ? `:${pick(['sadam', 'nope'])}` : ''}`,
      ...Array.from({ length: Math.floor(random() * 3) }, () => `${pick(specKeys)}=${pick(numbers)}`),
    ].join(',');
  }

  /** encodeURIComponent, except that a lone surrogate (which it refuses) goes in raw. */
  function safeEncode(text: string): string {
    try {
      return encodeURIComponent(text);
    } catch {
      return text;
    }
  }

  function query(): string {
    const n = Math.floor(random() * 14);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      const key = random() < 0.15 ? 'run' : pick(keys);
      let value: string;
      if (key === 'run') value = runValue();
      else if (key === 'at') value = random() < 0.2 ? 'none' : atValue();
      else if (random() < 0.03) value = token().repeat(3000);
      else value = random() < 0.5 ? pick(words) : random() < 0.5 ? pick(numbers) : token();
      const encode = random() < 0.3 ? safeEncode : (s: string) => s;
      parts.push(random() < 0.05 ? key : `${key}=${encode(value)}`);
    }
    return (random() < 0.5 ? '?' : '') + parts.join(pick(['&', '&', '&', '&&', ';']));
  }

  it('600 generated queries', () => {
    let withRuns = 0;
    let withNotices = 0;
    for (let i = 0; i < 600; i++) {
      const search = query();
      let result: ReturnType<typeof decodeState> | undefined;
      expect(() => {
        result = decodeState(search);
      }, search).not.toThrow();
      if (!result) throw new Error('no result');
      expect(Array.isArray(result.notices)).toBe(true);
      for (const n of result.notices) expect(n.length, search).toBeLessThan(400);
      expectValid(result.state, search);
      if (result.state.experiment && search.includes('run=')) withRuns++;
      if (result.notices.length > 0) withNotices++;
    }
    // The generator reaches the interesting paths, not just the empty link.
    expect(withRuns).toBeGreaterThan(100);
    expect(withNotices).toBeGreaterThan(300);
  });

  it('non-string and pathological inputs', () => {
    for (const search of [
      '?',
      '&',
      '=',
      '?=&=',
      '?run',
      '?run=',
      '?at=',
      '?v',
      '%',
      '?%=%',
      `?run=${'a:adam,'.repeat(300)}`,
    ]) {
      const { state } = decodeState(search);
      expectValid(state, search);
    }
    expect(() => decodeState(undefined as unknown as string)).not.toThrow();
  });
});
