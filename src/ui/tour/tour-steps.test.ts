import { describe, expect, it } from 'vitest';
import { SCENES, sceneById } from '../../engine/scenes';
import '../i18n/later-strings'; // the tour's step words, as tour.tsx loads them
import { loadLanguage } from '../i18n/translate';
import { isKnownTarget, TOUR_STEP_IDS, TOUR_STEPS } from './tour-steps';
import { tourText } from './tour-text';

describe('tour steps', () => {
  it('has five to eight steps with unique ids', () => {
    expect(TOUR_STEPS.length).toBeGreaterThanOrEqual(5);
    expect(TOUR_STEPS.length).toBeLessThanOrEqual(8);
    expect(new Set(TOUR_STEPS.map((s) => s.id)).size).toBe(TOUR_STEPS.length);
  });

  it('shows only scenes that exist', () => {
    const ids = new Set(SCENES.map((s) => s.id));
    for (const step of TOUR_STEPS) expect(ids, step.id).toContain(step.sceneId);
  });

  it('outlines only known test ids, and run ids of its own scene', () => {
    for (const step of TOUR_STEPS) {
      expect(isKnownTarget(step.target), step.target).toBe(true);
      const runId =
        /^(?:run|heatmaps|orders|anisotropy-chart|alr-histogram|ceiling|edit|softplusBeta)-(.+)$/.exec(
          step.target,
        )?.[1];
      const heatmapRun = /^heatmap-([A-Za-z0-9_]+)-/.exec(step.target)?.[1];
      const run = heatmapRun ?? runId;
      if (run !== undefined) {
        const runs = sceneById(step.sceneId)?.experiment.runs.map((r) => r.id) ?? [];
        expect(runs, `${step.id}: ${step.target}`).toContain(run);
      }
    }
  });

  it('rejects targets outside the patterns', () => {
    expect(isKnownTarget('orders-adam')).toBe(true);
    expect(isKnownTarget('heatmap-adam-dense1/kernel')).toBe(true);
    expect(isKnownTarget('softplus-inset')).toBe(true);
    expect(isKnownTarget('nonsense')).toBe(false);
    expect(isKnownTarget('orders-')).toBe(false);
    expect(isKnownTarget('verify-button')).toBe(false);
  });

  it('finds every word in the string tables, two or three sentences a caption', async () => {
    await loadLanguage('zh');
    const en = tourText('en');
    const zh = tourText('zh');
    for (const step of TOUR_STEPS) {
      const text = en.steps[step.id];
      expect(text.title.length, step.id).toBeGreaterThan(0);
      expect(text.look.length, step.id).toBeGreaterThan(0);
      // Sentence ends: a full stop / colon-free count of ". " plus the final one (decimals like "1.4" don't count).
      const sentences = text.caption.split(/[.!?](?:\s|$)/).filter((s) => s.trim().length > 0);
      expect(sentences.length, `${step.id}: ${text.caption}`).toBeGreaterThanOrEqual(2);
      expect(sentences.length, `${step.id}: ${text.caption}`).toBeLessThanOrEqual(3);
      // The Chinese tour is its own text, not the English one fallen back to.
      for (const part of ['title', 'caption', 'look'] as const)
        expect(zh.steps[step.id][part], `${step.id}.${part}`).not.toBe(text[part]);
    }
    expect(TOUR_STEPS.map((s) => s.id)).toEqual([...TOUR_STEP_IDS]);
    expect(en.stepOf(3, 8)).toBe('Step 3 of 8');
    expect(zh.stepOf(3, 8)).toBe('第 3 步，共 8 步');
  });

  it('states the bounds the app draws: 1/ε and β/ln 2', () => {
    expect(1 / 1e-8).toBe(1e8);
    expect(1 / 1e-3).toBeCloseTo(1e3, 9);
    const ceiling = (beta: number) => beta / Math.LN2;
    expect(ceiling(50).toFixed(0)).toBe('72');
    expect([1, 10, 50, 100].map((b) => Number(ceiling(b).toPrecision(2)))).toEqual([1.4, 14, 72, 140]);
    expect(tourText('en').steps.beta.caption).toContain('1.4, 14, 72 and 144');
    expect(ceiling(100).toFixed(0)).toBe('144');
  });
});
