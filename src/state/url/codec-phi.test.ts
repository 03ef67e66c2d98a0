// The custom rule's φ formula in links: stored, restored, length-limited, and refused with a notice
// (the run keeps the default φ) when it does not parse or is not positive.
import { describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../engine/experiment';
import { sceneById } from '../../engine/scenes';
import { DEFAULT_PHI } from '../../optim/spec';
import { urlNoticeText } from '../../ui/i18n/url-notice-text';
import { decodeState, encodeState, resolveUrlState, type UrlState } from './codec';
import { DEFAULT_VIEW } from './schema';
import { roundTrip } from './testing/codec-checks';

function withCustom(phi: string | undefined): UrlState {
  const scene = sceneById('fig1-mnist');
  if (!scene) throw new Error('scene');
  const experiment: ExperimentConfig = structuredClone(scene.experiment);
  experiment.runs.push({
    id: 'mine',
    label: 'Custom φ',
    spec: phi === undefined ? { name: 'custom' } : { name: 'custom', phi },
  });
  return { sceneId: 'fig1-mnist', experiment, view: { ...DEFAULT_VIEW } };
}

function customPhi(search: string) {
  const { state, notices } = decodeState(search);
  const run = resolveUrlState(state).experiment.runs.find((r) => r.id === 'mine');
  return { phi: run?.spec.phi, notices: notices.map((n) => urlNoticeText(n, 'en')) };
}

describe('φ formulas in links', () => {
  it.each([
    'log(1 + exp(b*z))/b; b = 7',
    'max(z, 1e-2)',
    '(z+1e-8)^0.25',
    'z + eps; eps = 1e-8',
    'min(exp(b*z), 10) + 1, ; b=2'.replace(', ;', ';'),
  ])('round-trips %s exactly', (phi) => {
    const search = encodeState(withCustom(phi));
    expect(search).toContain('phi=');
    roundTrip(withCustom(phi));
    expect(customPhi(`?${search}`)).toEqual({ phi, notices: [] });
  });

  it('writes nothing for the default φ', () => {
    expect(encodeState(withCustom(undefined))).not.toContain('phi=');
    expect(encodeState(withCustom(DEFAULT_PHI))).not.toContain('phi=');
    roundTrip(withCustom(undefined));
  });

  it('refuses a formula that does not parse, keeping the run with the default φ', () => {
    const search = encodeState(withCustom('max(z, 1e-2)')).replace(
      /phi=[^&,]*/,
      `phi=${encodeURIComponent('z + * 2')}`,
    );
    const { phi, notices } = customPhi(`?${search}`);
    expect(phi).toBe(DEFAULT_PHI);
    expect(decodeState(`?${search}`).notices).toContainEqual({
      kind: 'urlPhiRefused',
      who: { in: 'run', id: 'mine' },
      problem: expect.objectContaining({ code: 'unexpectedToken', at: 4 }),
      usingDefault: true,
    });
    expect(notices.join('\n')).toContain(
      'the φ formula of run mine is refused: at column 5: expected a number, z, a name or “(”, found “*”; using the default φ',
    );
  });

  it('refuses a φ that is not > 0, naming the z', () => {
    const search = encodeState(withCustom('max(z, 1e-2)')).replace(/phi=[^&,]*/, 'phi=z-1');
    const { phi, notices } = customPhi(`?${search}`);
    expect(phi).toBe(DEFAULT_PHI);
    expect(notices.join('\n')).toContain('φ(0) = -1: φ must be > 0');
  });

  it('refuses an over-long formula with the limit in the notice', () => {
    const long = encodeURIComponent(`${'z+'.repeat(200)}1`);
    const search = encodeState(withCustom('max(z, 1e-2)')).replace(/phi=[^&,]*/, `phi=${long}`);
    const { phi, notices } = customPhi(`?${search}`);
    expect(phi).toBe(DEFAULT_PHI);
    expect(notices.join('\n')).toContain('at most 300 are allowed');
  });

  it('carries a scheduled change of φ', () => {
    const state = withCustom('max(z, 1e-2)');
    state.experiment?.schedule?.splice(0);
    if (state.experiment)
      state.experiment.schedule = [{ atStep: 50, runId: 'mine', spec: { phi: 'z + 1e-3' } }];
    const search = encodeState(state);
    expect(search).toContain('at=50:mine,phi=z%20%2B%201e-3');
    roundTrip(state);
  });
});
