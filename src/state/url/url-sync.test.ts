import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sceneById } from '../../engine/scenes';
import { createTrainingStore } from '../training-store';
import { decodeState } from './codec';
import { mergeSearch, startUrlSync, type UrlSyncWindow } from './url-sync';

function fakeWindow(search: string) {
  const calls: string[] = [];
  const win: UrlSyncWindow & { calls: string[] } = {
    calls,
    location: { pathname: '/anisoscope/', search, hash: '#top' },
    history: {
      state: { keep: true },
      replaceState(data: unknown, _unused: string, url?: string | URL | null) {
        expect(data).toEqual({ keep: true });
        const u = new URL(String(url), 'https://x.test');
        win.location.search = u.search;
        calls.push(String(url));
      },
    },
    setTimeout: (handler, ms) => setTimeout(handler, ms),
    clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
  };
  return win;
}

describe('mergeSearch', () => {
  it('replaces our parameters and keeps the others verbatim, in order', () => {
    expect(mergeSearch('?tour=2&scene=beale&lang=zh&run=a:adam&embed', 'v=1&scene=quadratic')).toBe(
      '?tour=2&lang=zh&embed&v=1&scene=quadratic',
    );
    expect(mergeSearch('?scene=beale', '')).toBe('');
    expect(mergeSearch('', '')).toBe('');
    expect(mergeSearch('?step=3&x=%E2%82', 'v=1&agg=min')).toBe('?step=3&x=%E2%82&v=1&agg=min');
  });

  it('leaves `backend` alone when asked to', () => {
    expect(mergeSearch('?backend=cpu&scene=beale', 'v=1&scene=saddle', ['backend'])).toBe(
      '?backend=cpu&v=1&scene=saddle',
    );
    expect(mergeSearch('?backend=cpu&scene=beale', 'v=1&scene=saddle')).toBe('?v=1&scene=saddle');
  });
});

describe('startUrlSync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes once, debounced, with replaceState, keeping unrelated parameters', () => {
    const win = fakeWindow('?tour=1&lang=zh&backend=webgl');
    const training = createTrainingStore();
    let sceneId = 'beale';
    const stop = startUrlSync(training, () => sceneId, { window: win });
    // Nothing before an experiment is loaded: a link's own settings must survive start-up.
    training.setView({ aggregate: 'min' });
    vi.advanceTimersByTime(1000);
    expect(win.calls).toEqual([]);

    const beale = sceneById('beale');
    if (!beale) throw new Error('scene');
    training.setExperiment(structuredClone(beale.experiment));
    training.setShownField('sqrtSecondMoment');
    vi.advanceTimersByTime(299);
    expect(win.calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(win.calls).toEqual([
      '/anisoscope/?tour=1&lang=zh&backend=webgl&v=1&scene=beale&field=sqrtSecondMoment&agg=min#top',
    ]);

    // A run's lr changes: the link now carries the runs.
    const experiment = training.store.getState().experiment;
    if (!experiment) throw new Error('no experiment');
    training.setExperiment({
      ...experiment,
      runs: experiment.runs.map((r) => (r.id === 'adam' ? { ...r, spec: { ...r.spec, lr: 0.2 } } : r)),
    });
    vi.advanceTimersByTime(300);
    expect(win.calls).toHaveLength(2);
    const { state, notices } = decodeState(win.location.search);
    expect(notices).toEqual([]);
    expect(state.experiment?.runs.find((r) => r.id === 'adam')?.spec.lr).toBe(0.2);
    expect(win.location.search).toContain('tour=1&lang=zh&backend=webgl');

    // Unchanged state: no write. A new scene: written. After stop: nothing.
    training.setView({ aggregate: 'min' });
    vi.advanceTimersByTime(300);
    expect(win.calls).toHaveLength(2);
    sceneId = 'saddle';
    const saddle = sceneById('saddle');
    if (!saddle) throw new Error('scene');
    training.setExperiment(structuredClone(saddle.experiment));
    vi.advanceTimersByTime(300);
    expect(win.location.search).toBe(
      '?tour=1&lang=zh&backend=webgl&v=1&scene=saddle&field=sqrtSecondMoment&agg=min',
    );
    stop();
    training.setView({ aggregate: 'mean' });
    vi.advanceTimersByTime(1000);
    expect(win.calls).toHaveLength(3);
  });

  it('owns `backend` when given a getter, and writes a scene loaded before it started', () => {
    const win = fakeWindow('?backend=webgl&scene=beale');
    const training = createTrainingStore();
    const beale = sceneById('beale');
    if (!beale) throw new Error('scene');
    training.setExperiment(structuredClone(beale.experiment));
    const stop = startUrlSync(training, () => 'beale', { window: win, getBackend: () => 'auto' });
    vi.advanceTimersByTime(300);
    expect(win.location.search).toBe('?v=1&scene=beale');
    stop();
  });
});
