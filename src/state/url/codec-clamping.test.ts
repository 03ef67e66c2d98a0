import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENE_ID } from '../../engine/scenes';
import { urlNoticeText } from '../../ui/i18n/url-notice-text';
import { decodeState, resolveUrlState } from './codec';
import { DEFAULT_VIEW, MAX_LABEL_LENGTH } from './schema';

/** The decode, its notices as typed (`codes`) and in English (`notices`, which pins the wording). */
function decode(search: string) {
  const decoded = decodeState(search);
  return { ...decoded, codes: decoded.notices, notices: decoded.notices.map((n) => urlNoticeText(n, 'en')) };
}

describe('clamping and reporting', () => {
  it('clamps β1 ≥ 1 to 0.999 and drops a negative lr to the default, saying so', () => {
    const { state, notices, codes } = decode('?scene=beale&run=adam:adam,lr=-3,beta1=1');
    const spec = state.experiment?.runs[0]?.spec;
    expect(spec?.lr).toBe(0.001);
    expect(spec?.beta1).toBe(0.999);
    expect(notices).toEqual([
      'lr=“-3” for run adam is out of range (expected a number in [0, 1000000]); using 0.001',
      'beta1=“1” for run adam is out of range (expected a number in [0, 1)); using 0.999',
    ]);
    expect(codes[1]).toEqual({
      kind: 'urlSpecValue',
      who: { in: 'run', id: 'adam' },
      key: 'beta1',
      text: '1',
      problem: { code: 'specRange', range: { min: 0, max: 1, maxOpen: true } },
      using: '0.999',
    });
  });

  it('refuses eps = 0 for Adam (√v + eps) with its own code, and keeps it for Sadam (no eps)', () => {
    const { state, codes, notices } = decode('?scene=beale&run=a:adam,eps=0&run=s:sadam,eps=0');
    expect(state.experiment?.runs[0]?.spec.eps).toBeGreaterThan(0);
    expect(state.experiment?.runs[1]?.spec.eps).toBe(0);
    expect(codes).toHaveLength(1);
    expect(codes[0]).toMatchObject({
      kind: 'urlSpecValue',
      key: 'eps',
      problem: { code: 'epsZero', optimizer: 'adam' },
    });
    expect(notices[0]).toContain('adam divides by √v + eps');
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
    const { state, notices, codes } = decode(
      '?run=x:adamz,lr=abc&run=a:adam&run=a:sadam&run=b:sgdm&run=c:yogi&run=d:adagrad&run=e:rmsprop',
    );
    expect(state.experiment?.runs.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(notices).toEqual([
      'run #1 (“x”): unknown optimizer “adamz” (expected one of adam, amsgrad, sadam, samsgrad, sgdm, adagrad, rmsprop, padam, adabound, amsbound, yogi, custom); run dropped',
      'run #3: a second run with id “a”; dropped',
      'run e: at most 4 runs; dropped',
    ]);
    expect(codes[1]).toEqual({ kind: 'urlRunDuplicate', n: 3, id: 'a' });
    expect(codes[2]).toEqual({ kind: 'urlTooManyRuns', id: 'e', max: 4 });
  });

  it('keeps the scene’s runs when none in the link is usable', () => {
    const { state, notices } = decode('?scene=beale&run=x:nope');
    expect(state.experiment?.runs.map((r) => r.id)).toEqual(['adam', 'sadam']);
    expect(notices).toHaveLength(2);
    expect(notices[1]).toBe('no usable run in the link; using the scene’s runs');
  });

  it('fixes bad ids, accepts a bare optimizer name and case', () => {
    const { state, notices, codes } = decode('?run=ADAM&run=bad%20id!:SAdam');
    expect(codes).toEqual([{ kind: 'urlBadRunId', n: 2, text: 'bad id!', using: 'run2' }]);
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
    const { state, notices, codes, refusedBackend } = decode(
      '?scene=nope&task=vision&field=x&scale=big&agg=avg&backend=quantum&start=9,9',
    );
    expect(state.sceneId).toBeUndefined();
    expect(state.view).toEqual(DEFAULT_VIEW);
    expect(state.backend).toBeUndefined();
    expect(resolveUrlState(state).scene.id).toBe(DEFAULT_SCENE_ID);
    expect(notices).toHaveLength(5);
    expect(notices[0]).toBe('scene=“nope” is not a scene we know; showing “fig1-mnist”');
    expect(codes.slice(1)).toEqual([
      {
        kind: 'urlUnknownTask',
        text: 'vision',
        expected: { kind: 'oneOf', values: expect.arrayContaining(['classify2d', 'surface']) },
        using: 'mnist',
      },
      {
        kind: 'urlValue',
        key: 'field',
        text: 'x',
        problem: expect.objectContaining({ code: 'invalid' }),
        using: 'adaptiveRate',
      },
      {
        kind: 'urlValue',
        key: 'scale',
        text: 'big',
        problem: expect.objectContaining({ code: 'invalid' }),
        using: 'shared',
      },
      {
        kind: 'urlValue',
        key: 'agg',
        text: 'avg',
        problem: expect.objectContaining({ code: 'invalid' }),
        using: 'max',
      },
    ]);
    // The backend has its own notice in the app (in the page's language): the value comes back as written.
    expect(refusedBackend).toBe('quantum');
  });

  it('guards against huge inputs', () => {
    const long = `?scene=beale&run=${'a'.repeat(5000)}`;
    const { state, notices } = decode(long);
    expect(state.sceneId).toBe('beale');
    expect(state.experiment).toBeUndefined();
    expect(notices).toEqual(['run= is too long (5000 characters; at most 2000); ignored']);
    expect(decode(long).codes).toEqual([{ kind: 'urlParamTooLong', key: 'run', length: 5000, max: 2000 }]);
    const huge = decode(`?${'x=1&'.repeat(100_000)}scene=beale`);
    expect(huge.state.sceneId).toBeUndefined();
    expect(huge.notices[0]).toMatch(/only the first 20000 are read/);
    const label = decode(`?run=a:adam,label=${'L'.repeat(100)}`);
    expect(label.state.experiment?.runs[0]?.label).toBe('L'.repeat(MAX_LABEL_LENGTH));
    expect(label.notices).toEqual([`the label of run a is cut to ${MAX_LABEL_LENGTH} characters`]);
  });

  it('caps the number of notices', () => {
    const search = `?${Array.from({ length: 30 }, (_, i) => `run=r${i}:bad${i}`).join('&')}`;
    const { notices, codes } = decode(search);
    expect(notices).toHaveLength(13);
    expect(codes[12]).toEqual({ kind: 'urlMore', count: expect.any(Number) });
    expect(notices[12]).toMatch(/^…and \d+ more problems in the link$/);
  });
});
