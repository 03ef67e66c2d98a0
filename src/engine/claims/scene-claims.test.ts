// Every scene carries a claim that can be checked: at least one check, and every run it names is one
// of the scene's runs (a typo would make the check fail for lack of data, never pass).
import { describe, expect, it } from 'vitest';
import { SCENES } from '../scenes';
import type { Claim, Quantity } from './claim';

function quantityRuns(q: Quantity): string[] {
  switch (q.kind) {
    case 'distance':
      return [...q.runs];
    case 'constant':
      return [];
    default:
      return [q.run];
  }
}

function claimRuns(c: Claim): string[] {
  switch (c.kind) {
    case 'compare':
    case 'near':
      return [...quantityRuns(c.left), ...quantityRuns(c.right)];
    case 'increasing':
      return c.quantities.flatMap(quantityRuns);
    case 'noDivergence':
      return c.runs;
    default:
      return [c.run];
  }
}

const SURFACE_ONLY = new Set(['x', 'y', 'alrX', 'alrY', 'alrRatio']);

describe('scene claims', () => {
  it('every scene states a claim with checks on its own runs', () => {
    for (const scene of SCENES) {
      expect(scene.claim.says.length, scene.id).toBeGreaterThan(10);
      expect(scene.claim.checks.length, scene.id).toBeGreaterThan(0);
      const ids = new Set(scene.experiment.runs.map((r) => r.id));
      for (const check of scene.claim.checks)
        for (const run of claimRuns(check)) expect(ids.has(run), `${scene.id}: run '${run}'`).toBe(true);
    }
  });

  it('only loss-surface scenes read points, and the fast set leaves out the big models', () => {
    for (const scene of SCENES) {
      const text = JSON.stringify(scene.claim.checks);
      const readsPoints =
        /"kind":"distance(To)?"/.test(text) || [...SURFACE_ONLY].some((s) => text.includes(`"stat":"${s}"`));
      if (readsPoints) expect(scene.experiment.task.kind, scene.id).toBe('surface');
    }
    const slow = SCENES.filter((s) => s.claim.cost === 'slow').map((s) => s.id);
    expect(slow).toEqual(expect.arrayContaining(['mnist-cnn', 'charlm-sonnets']));
    expect(
      SCENES.filter((s) => s.experiment.task.kind === 'surface').every((s) => s.claim.cost === 'fast'),
    ).toBe(true);
  });
});
