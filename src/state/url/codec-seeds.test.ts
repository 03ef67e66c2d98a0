// The `seeds` row of the URL schema (issue #15): how many seeds every run trains on.
import { describe, expect, it } from 'vitest';
import { sceneById } from '../../engine/scenes';
import { urlNoticeText } from '../../ui/i18n/url-notice-text';
import { decodeState, encodeState, resolveUrlState } from './codec';
import { DEFAULT_VIEW } from './schema';

describe('seeds in the link', () => {
  it('round-trips a seed count, and writes nothing for one seed', () => {
    const { state, notices } = decodeState('?v=1&seeds=3');
    expect(notices).toEqual([]);
    expect(state.experiment?.seedCount).toBe(3);
    expect(encodeState(state)).toBe('v=1&seeds=3');
    expect(decodeState(`?${encodeState(state)}`).state).toEqual(state);
    const one = decodeState('?seeds=1').state;
    expect(one.experiment?.seedCount).toBeUndefined();
    expect(encodeState(one)).toBe('');
  });

  it('keeps the generalization scene’s own 5 seeds unwritten, and writes a change from them', () => {
    const scene = sceneById('generalization-mnist');
    expect(scene?.experiment.seedCount).toBe(5);
    const own = { sceneId: 'generalization-mnist', experiment: scene?.experiment, view: DEFAULT_VIEW };
    expect(encodeState(own)).toBe('v=1&scene=generalization-mnist');
    const fewer = decodeState('?scene=generalization-mnist&seeds=2').state;
    expect(fewer.experiment?.seedCount).toBe(2);
    expect(encodeState(fewer)).toBe('v=1&scene=generalization-mnist&seeds=2');
    const single = decodeState('?scene=generalization-mnist&seeds=1').state;
    expect(single.experiment?.seedCount).toBeUndefined();
    expect(encodeState(single)).toBe('v=1&scene=generalization-mnist&seeds=1');
  });

  it('clamps out-of-range counts into 1–5 and ignores bad ones, with a notice each', () => {
    const high = decodeState('?seeds=40');
    expect(high.state.experiment?.seedCount).toBe(5);
    expect(high.notices).toEqual([
      {
        kind: 'urlValue',
        key: 'seeds',
        text: '40',
        problem: { code: 'outOfRange', expected: { kind: 'number', min: 1, max: 5, integer: true } },
        using: '5',
      },
    ]);
    expect(high.notices.map((n) => urlNoticeText(n, 'en'))).toEqual([
      'seeds=“40”: expected a whole number from 1 to 5; using 5',
    ]);
    const low = decodeState('?seeds=0');
    expect(low.state.experiment?.seedCount).toBeUndefined();
    expect(low.notices.map((n) => urlNoticeText(n, 'en'))).toEqual([
      'seeds=“0”: expected a whole number from 1 to 5; using 1',
    ]);
    const bad = decodeState('?seeds=many');
    expect(bad.state.experiment?.seedCount).toBeUndefined();
    expect(bad.notices.map((n) => urlNoticeText(n, 'en'))).toEqual([
      'seeds=“many” is not a number (expected a whole number from 1 to 5); using 1',
    ]);
    expect(decodeState('?seeds=2.6').state.experiment?.seedCount).toBe(3);
  });

  it('refuses a seed count the model-size budget does not allow, saying seeds are counted', () => {
    const { state } = decodeState(
      '?task=mnist&hidden=1024-256&run=a:adam&run=b:adam&run=c:adam&run=d:adam&seeds=3',
    );
    const { refusal, experiment } = resolveUrlState(state);
    expect(refusal?.size.seeds).toBe(3);
    expect(experiment.seedCount).toBeUndefined(); // the scene's own experiment instead
    // The same link on one seed fits.
    const one = decodeState('?task=mnist&hidden=1024-256&run=a:adam&run=b:adam&run=c:adam&run=d:adam');
    expect(resolveUrlState(one.state).refusal).toBeNull();
  });
});
