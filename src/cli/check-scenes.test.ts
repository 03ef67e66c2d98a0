import { beforeAll, describe, expect, it } from 'vitest';
import { nodeAssetLoader, projectPublicDir } from '../engine/data/node-asset-loader';
import { SCENES, type Scene, sceneById } from '../engine/scenes';
import { useBackend } from '../optim/testing/node-backends';
import { checkScenes, selectScenes } from './check-scenes';

const loader = nodeAssetLoader(projectPublicDir());

function scene(id: string): Scene {
  const found = sceneById(id);
  if (!found) throw new Error(`no scene ${id}`);
  return found;
}

describe('scene checks', () => {
  beforeAll(() => useBackend('wasm'));

  it('selects all scenes, the fast ones, or the named ones', () => {
    expect(selectScenes(SCENES, {})).toHaveLength(SCENES.length);
    const fast = selectScenes(SCENES, { fast: true });
    expect(fast.length).toBeLessThan(SCENES.length);
    expect(fast.every((s) => s.claim.cost === 'fast')).toBe(true);
    expect(selectScenes(SCENES, { scenes: ['plateau', 'fig1-mnist'] }).map((s) => s.id)).toEqual([
      'fig1-mnist',
      'plateau',
    ]);
    expect(() => selectScenes(SCENES, { scenes: ['nope'] })).toThrow(/unknown scene nope/);
  });

  it('the calibration surfaces pass at their defaults; a false claim fails, with its numbers', async () => {
    const falseClaim: Scene = {
      ...scene('noisy-valley'),
      claim: {
        says: 'Sadam wanders as far as Adam',
        checks: [
          {
            kind: 'compare',
            left: { kind: 'extreme', run: 'sadam', stat: 'y', abs: true, extreme: 'max' },
            op: '>=',
            right: { kind: 'constant', value: 0.5, name: '' },
          },
        ],
        cost: 'fast',
      },
    };
    const lines: string[] = [];
    const outcomes = await checkScenes([scene('two-scales'), falseClaim], loader, (t) => lines.push(t));
    expect(outcomes.map((o) => o.pass)).toEqual([true, false]);
    const report = lines.join('');
    expect(report).toMatch(/^PASS {2}two-scales: /m);
    expect(report).toMatch(/^FAIL {2}noisy-valley: Sadam wanders as far as Adam/m);
    expect(report).toMatch(/✗ Sadam β=10's highest \|y\| over the run \(0\.0\d+\) ≥ 0\.5/);
    expect(report).toMatch(/1\/2 scene claims hold .*failed: noisy-valley/);
  });

  it('checks a scene that repeats over seeds on every seed, and prints its table', async () => {
    const moons = scene('race-moons');
    const repeated: Scene = {
      ...moons,
      defaultSteps: 20,
      repeat: { seeds: 2 },
      claim: {
        says: 'Adam beats a coin on every seed',
        checks: [
          {
            kind: 'compare',
            left: { kind: 'stat', run: 'adam', stat: 'accuracy' },
            op: '>',
            right: { kind: 'constant', value: 0.5, name: '' },
          },
          // Never true: fails on both seeds, and the report says so.
          {
            kind: 'compare',
            left: { kind: 'stat', run: 'adam', stat: 'accuracy' },
            op: '>',
            right: { kind: 'constant', value: 1, name: '' },
          },
        ],
        cost: 'fast',
      },
    };
    const lines: string[] = [];
    const [outcome] = await checkScenes([repeated], loader, (t) => lines.push(t));
    expect(outcome?.pass).toBe(false);
    const report = lines.join('');
    expect(report).toMatch(
      /✓ seed 1: Adam's test accuracy at the end \(0\.\d+\) > 0\.5 \[holds on 2\/2 seeds; over the seeds 0\.\d+–0\.\d+\]/,
    );
    expect(report).toMatch(
      /✗ seed 1: Adam's test accuracy .* > 1 \[holds on 0\/2 seeds; over the seeds 0\.\d+–0\.\d+\]/,
    );
    expect(report).toMatch(/^ {4}optimizer\s+test acc\. %/m);
    expect(report).toMatch(/^ {4}S-Momentum\s+\d+\.\d\d ± \d+\.\d\d/m);
    expect(report).toContain('(20 steps × 2 seeds on wasm');
  });
});
