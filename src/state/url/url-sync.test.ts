import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackendPreference } from '../../engine/protocol';
import { sceneById } from '../../engine/scenes';
import { createPageStore } from '../page-store';
import { createTrainingStore } from '../training-store';
import { decodeState } from './codec';
import { START_UP_KEYS } from './schema';
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
    expect(mergeSearch('?x=2&scene=beale&lang=zh&run=a:adam&embed&z', 'v=1&scene=quadratic')).toBe(
      '?x=2&z&v=1&scene=quadratic',
    );
    expect(mergeSearch('?scene=beale', '')).toBe('');
    expect(mergeSearch('', '')).toBe('');
    expect(mergeSearch('?y=3&x=%E2%82', 'v=1&agg=min')).toBe('?y=3&x=%E2%82&v=1&agg=min');
  });

  it('leaves kept keys as found, and does not write a kept key twice', () => {
    expect(mergeSearch('?backend=cpu&scene=beale', 'v=1&scene=saddle', ['backend'])).toBe(
      '?backend=cpu&v=1&scene=saddle',
    );
    expect(mergeSearch('?backend=cpu&scene=beale', 'v=1&scene=saddle')).toBe('?v=1&scene=saddle');
    expect(mergeSearch('?v=1&run=a:adam', 'v=1&scene=saddle', ['v', 'run'])).toBe(
      '?v=1&run=a:adam&scene=saddle',
    );
    // A refused origin stays exactly as written: the app must keep failing closed after a reload.
    expect(mergeSearch('?embed=1&origin=evil&tour=1', 'v=1&scene=saddle', START_UP_KEYS)).toBe(
      '?embed=1&origin=evil&v=1&scene=saddle',
    );
  });
});

function stores(sceneId: string, backend: BackendPreference = 'auto') {
  return {
    training: createTrainingStore(),
    page: createPageStore({ sceneId, backend, language: null }),
  };
}

function loadScene(training: ReturnType<typeof createTrainingStore>, id: string): void {
  const scene = sceneById(id);
  if (!scene) throw new Error(`no scene ${id}`);
  training.setExperiment(structuredClone(scene.experiment));
}

describe('startUrlSync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes at once, keeps the link’s experiment until one is loaded, then follows edits debounced', () => {
    const win = fakeWindow('?x=1&scene=beale&run=a:adam,lr=0.5&embed=1&agg=min');
    const { training, page } = stores('beale');
    training.setView({ aggregate: 'min' });
    const stop = startUrlSync({ training, page }, { window: win });
    // Written at start: the run waits for its experiment, `embed` is a start-up key and `x` is not ours.
    expect(win.calls).toEqual(['/anisoscope/?x=1&run=a:adam,lr=0.5&embed=1&v=1&scene=beale&agg=min#top']);

    loadScene(training, 'beale');
    training.setShownField('sqrtSecondMoment');
    vi.advanceTimersByTime(299);
    expect(win.calls).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(win.location.search).toBe('?x=1&embed=1&v=1&scene=beale&field=sqrtSecondMoment&agg=min');

    // A run's lr changes: the link now carries the runs.
    const experiment = training.store.getState().experiment;
    if (!experiment) throw new Error('no experiment');
    training.setExperiment({
      ...experiment,
      runs: experiment.runs.map((r) => (r.id === 'adam' ? { ...r, spec: { ...r.spec, lr: 0.2 } } : r)),
    });
    vi.advanceTimersByTime(300);
    expect(win.calls).toHaveLength(3);
    const { state, notices } = decodeState(win.location.search);
    expect(notices).toEqual([]);
    expect(state.experiment?.runs.find((r) => r.id === 'adam')?.spec.lr).toBe(0.2);

    // Unchanged state: no write. After stop: nothing.
    training.setView({ aggregate: 'min' });
    vi.advanceTimersByTime(300);
    expect(win.calls).toHaveLength(3);
    stop();
    training.setView({ aggregate: 'mean' });
    page.setScene('saddle');
    vi.advanceTimersByTime(1000);
    expect(win.calls).toHaveLength(3);
  });

  it('writes the backend, language and tour at once, a new scene with its experiment', () => {
    const win = fakeWindow('?backend=webgl&scene=beale&present=1');
    const { training, page } = stores('beale', 'webgl');
    loadScene(training, 'beale');
    let step: number | null = null;
    const listeners = new Set<() => void>();
    const tour = {
      step: () => step,
      subscribe: (f: () => void) => {
        listeners.add(f);
        return () => listeners.delete(f);
      },
    };
    const stop = startUrlSync({ training, page, tour }, { window: win });
    expect(win.location.search).toBe('?present=1&v=1&scene=beale&backend=webgl');

    page.setBackend('auto');
    expect(win.location.search).toBe('?present=1&v=1&scene=beale');
    page.setLanguage('zh');
    expect(win.location.search).toBe('?present=1&v=1&scene=beale&lang=zh');
    step = 3;
    for (const f of listeners) f();
    expect(win.location.search).toBe('?present=1&v=1&scene=beale&tour=1&step=3&lang=zh');
    step = null;
    for (const f of listeners) f();
    expect(win.location.search).toBe('?present=1&v=1&scene=beale&lang=zh');
    // A new scene is written with its own experiment (which the controller sets as it loads it), never
    // with the last scene's runs.
    const calls = win.calls.length;
    page.setScene('saddle');
    vi.advanceTimersByTime(100);
    loadScene(training, 'saddle');
    expect(win.calls).toHaveLength(calls);
    vi.advanceTimersByTime(300);
    expect(win.calls).toHaveLength(calls + 1);
    expect(win.location.search).toBe('?present=1&v=1&scene=saddle&lang=zh');
    stop();
  });

  it('drops an unknown backend from the address bar at start', () => {
    const win = fakeWindow('?backend=tpu&x');
    const { training, page } = stores('fig1-mnist');
    const stop = startUrlSync({ training, page }, { window: win });
    expect(win.location.search).toBe('?x');
    stop();
  });
});
