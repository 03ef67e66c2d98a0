import { describe, expect, it } from 'vitest';
import { atLeast, constant, stat } from './build';
import type { ClaimRun, SceneClaim } from './claim';
import { evaluateClaimOverSeeds } from './over-seeds';

const ALR = { min: 1, p1: 1, p25: 1, p50: 1, p75: 1, p99: 1, max: 1 };
const seed = (accuracy: number): ClaimRun[] => [
  {
    id: 'adam',
    label: 'Adam',
    divergedAt: null,
    snapshots: [{ step: 10, loss: 0.3, accuracy, alr: ALR, ordersOfMagnitude: 0 }],
  },
];
const claim: SceneClaim = {
  says: 'Adam reaches 90 %',
  checks: [atLeast(stat('adam', 'accuracy'), constant(0.9))],
  cost: 'fast',
};

describe('claims over seeds', () => {
  it('holds only when every seed holds, and says how many did', () => {
    const all = evaluateClaimOverSeeds(claim, [seed(0.95), seed(0.93), seed(0.91)]);
    expect(all.pass).toBe(true);
    expect(all.checks[0]?.words).toMatch(
      /^seed 1: .*0\.95.*\[holds on 3\/3 seeds; over the seeds 0\.91–0\.95\]$/,
    );
    const one = evaluateClaimOverSeeds(claim, [seed(0.95), seed(0.85), seed(0.91)]);
    expect(one.pass).toBe(false);
    // The words are those of the failing seed, with its number.
    expect(one.checks[0]?.words).toMatch(
      /^seed 2: .*0\.85.*\[holds on 2\/3 seeds; over the seeds 0\.85–0\.95\]$/,
    );
  });

  it('never passes without seeds', () => {
    expect(evaluateClaimOverSeeds(claim, []).pass).toBe(false);
  });
});
