// Links in the formats the app has written and read so far decode, in one pass, to the state that each
// key's own reader gave before they became schema rows (the backend picker's, the tour's, the language
// store's, the embed parameters', and `present` and `debug` read inline): the expected values below are
// what those readers returned. Then every page key round-trips through the schema.
import { describe, expect, it } from 'vitest';
import { urlNoticeText } from '../../ui/i18n/url-notice-text';
import { embedParams } from '../embed/embed-params';
import { decodeState, encodeState, type UrlPage, type UrlState } from './codec';
import { DEFAULT_VIEW, PAGE_PARAMS } from './schema';
import { readStartUrl } from './start-url';
import { roundTrip } from './testing/codec-checks';

/** Every key in one link, as the app wrote them: the URL writer, the tour, the language and backend pickers. */
const EVERY_KEY =
  '?v=1&scene=rosenbrock&task=surface&surface=beale&start=1,-2&data_seed=3&init_seed=4&batch_seed=5' +
  '&run=a:adam,lr=0.01,label=Fast%20Adam&run=b:sadam,beta=20&at=50:b:samsgrad' +
  '&field=sqrtSecondMoment&scale=own&agg=mean&backend=wasm&tour=1&step=3&lang=zh&present=1&debug=1' +
  '&embed=1&hide=curves,task&show=numbers&layout=full&origin=https://slides.example.org/';

describe('links in today’s format', () => {
  it('every key at once: the same state as each key’s old reader gave, and no notice', () => {
    const start = readStartUrl(EVERY_KEY);
    expect(start.notices).toEqual([]);
    expect(start.sceneId).toBe('rosenbrock');
    expect(start.refusal).toBeNull();
    expect(start.experiment).toMatchObject({
      task: { kind: 'surface', surface: 'beale', start: [1, -2] },
      seeds: { data: 3, init: 4, batches: 5 },
      runs: [
        { id: 'a', label: 'Fast Adam', spec: { name: 'adam', lr: 0.01 } },
        { id: 'b', spec: { name: 'sadam', softplusBeta: 20 } },
      ],
      schedule: [{ atStep: 50, runId: 'b', spec: { name: 'samsgrad' } }],
    });
    expect(start.view).toEqual({ shownField: 'sqrtSecondMoment', sharedScale: false, aggregate: 'mean' });
    expect(start.backend).toBe('wasm');
    expect(start.refusedBackend).toBeNull();
    expect(start.dataset).toBeNull();
    expect(start.page).toEqual({
      tour: true,
      step: 3,
      lang: 'zh',
      present: true,
      debug: true,
      embed: true,
      hide: ['curves', 'task'],
      show: ['numbers'],
      layout: 'full',
      origin: 'https://slides.example.org',
    });
    expect(embedParams(start.page)).toEqual({
      embed: true,
      hidden: new Set(['settings', 'add', 'curves', 'task']),
      shown: new Set(['numbers']),
      layout: 'full',
      origin: 'https://slides.example.org',
      refusedOrigin: null,
    });
  });

  it('a link with nothing in it: the default scene, Auto, no tour, the browser’s language, no embedding', () => {
    const start = readStartUrl('');
    expect(start).toMatchObject({
      sceneId: 'fig1-mnist',
      experiment: null,
      backend: 'auto',
      refusedBackend: null,
      page: {},
      notices: [],
      dataset: 'mnist',
      view: DEFAULT_VIEW,
    });
    expect(embedParams(start.page)).toEqual({
      embed: false,
      hidden: new Set(),
      shown: new Set(),
      layout: 'auto',
      origin: null,
      refusedOrigin: null,
    });
  });

  it('as URLSearchParams wrote them (the old tour, language and backend writers, the old share dialog)', () => {
    const start = readStartUrl(
      '?scene=charlm-sonnets&run=a%3Aadam%2Clr%3D0.01&backend=WebGPU&tour=1&step=2&lang=en' +
        '&embed=1&hide=curves%2Ctask&origin=https%3A%2F%2Fslides.example.org&layout=full',
    );
    expect(start.notices).toEqual([]);
    expect(start.experiment?.runs).toMatchObject([
      { id: 'a', label: 'Adam', spec: { name: 'adam', lr: 0.01 } },
    ]);
    expect(start.backend).toBe('webgpu');
    expect(start.dataset).toBe('sonnets');
    expect(start.page).toEqual({
      tour: true,
      step: 2,
      lang: 'en',
      embed: true,
      hide: ['curves', 'task'],
      origin: 'https://slides.example.org',
      layout: 'full',
    });
  });

  it('each old reader’s fallbacks hold', () => {
    // The backend: an unknown backend is Auto, named back for the notice; an empty one is Auto.
    expect(readStartUrl('?backend=tpu&x=1')).toMatchObject({ backend: 'auto', refusedBackend: 'tpu' });
    expect(readStartUrl('?backend=')).toMatchObject({ backend: 'auto', refusedBackend: null });
    // The tour: only tour=1 opens; no step is step 1.
    expect(readStartUrl('?tour=1').page).toEqual({ tour: true });
    expect(readStartUrl('?tour=0&step=3').page).toEqual({ tour: false, step: 3 });
    // The language: an empty lang is the browser's.
    expect(readStartUrl('?lang=').page).toEqual({});
    // Embedding: an empty origin is any parent; a bad one fails closed, as written.
    expect(embedParams(readStartUrl('?embed=1&origin=').page).origin).toBeNull();
    const refused = embedParams(readStartUrl('?embed=1&origin=https://x.test/deck').page);
    expect(refused).toMatchObject({ origin: null, refusedOrigin: 'https://x.test/deck' });
    expect(readStartUrl('?embed=1&origin=https://x.test/deck').notices).toEqual([]); // the app's own notice
    // present / debug: only 1 turns them on.
    expect(readStartUrl('?present=1&debug=1').page).toEqual({ present: true, debug: true });
  });

  it('what the old readers ignored in silence is now clamped or dropped with a notice, never a throw', () => {
    const { page, notices } = readStartUrl(
      '?tour=yes&step=0&lang=fr&present=on&embed=1&hide=curves,bogus&show=nothing&layout=wide',
    );
    expect(page).toEqual({ step: 1, embed: true, hide: ['curves'] });
    expect(notices.map((n) => urlNoticeText(n, 'en'))).toEqual([
      'tour=“yes” is not valid (expected 1 or 0); ignored',
      'step=“0”: expected a whole number from 1 to 99; using 1',
      'lang=“fr” is not valid (expected one of en, zh); ignored',
      'present=“on” is not valid (expected 1 or 0); ignored',
      'hide=“curves,bogus”: unknown names are left out (expected names from caption, settings, heatmaps, charts, numbers, edit, curves, softplus, task, add, histogram, separated by commas); using curves',
      'show=“nothing” is not valid (expected names from caption, settings, heatmaps, charts, numbers, edit, curves, softplus, task, add, histogram, separated by commas); ignored',
      'layout=“wide” is not valid (expected one of auto, full); ignored',
    ]);
  });
});

describe('page keys round-trip through the schema', () => {
  const view = { ...DEFAULT_VIEW };
  const pages: UrlPage[] = [
    { tour: true, step: 5 },
    { tour: true },
    { lang: 'zh' },
    { present: true, debug: true },
    {
      embed: true,
      hide: ['curves', 'task'],
      show: ['numbers'],
      layout: 'full',
      origin: 'https://a.test:8080',
    },
    { embed: true, refusedOrigin: 'https://a.test/deck?x=1&y=%' },
    { tour: false, step: 99, lang: 'en', present: false, embed: false, layout: 'auto' },
  ];

  it.each(pages.map((p) => [JSON.stringify(p), p] as const))('%s', (_name, page) => {
    const state: UrlState = { sceneId: 'beale', view, page };
    const decoded = roundTrip(state);
    expect(decoded.page).toEqual(page);
  });

  it('the link written for every page key reads back the same, in the schema’s order', () => {
    const search = encodeState(decodeState(EVERY_KEY).state);
    // `task=surface` is left out: the scene's task is a surface already.
    expect(search).toBe(
      'v=1&scene=rosenbrock&surface=beale&start=1,-2&data_seed=3&init_seed=4&batch_seed=5' +
        '&run=a:adam,lr=0.01,label=Fast%20Adam&run=b:sadam,beta=20&at=50:b:samsgrad' +
        '&field=sqrtSecondMoment&scale=own&agg=mean&backend=wasm&tour=1&step=3&lang=zh&present=1&debug=1' +
        '&embed=1&hide=curves,task&show=numbers&layout=full&origin=https:%2F%2Fslides.example.org',
    );
    expect(readStartUrl(`?${search}`)).toEqual(readStartUrl(EVERY_KEY));
  });

  it('every page row is in the link above (a new row needs a case here)', () => {
    const keys = new Set(
      EVERY_KEY.slice(1)
        .split('&')
        .map((pair) => pair.split('=')[0]),
    );
    for (const row of PAGE_PARAMS) expect(keys.has(row.key), row.key).toBe(true);
  });
});
