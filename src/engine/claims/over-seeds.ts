// A scene repeated over several seeds carries the same kind of claim as any other, and it must hold on
// every seed: each check is evaluated on each seed's runs and passes only if it passes on all of them.
// Its words are those of the first seed where it fails (else of the first seed), with the count.

import type { ClaimRun, SceneClaim } from './claim';
import { type CheckResult, type ClaimResult, evaluateCheck } from './evaluate';

export function evaluateClaimOverSeeds(
  claim: SceneClaim,
  seedRuns: readonly (readonly ClaimRun[])[],
): ClaimResult {
  const n = seedRuns.length;
  const checks = claim.checks.map((check): CheckResult => {
    const perSeed = seedRuns.map((runs) => evaluateCheck(check, runs));
    const holding = perSeed.filter((r) => r.pass).length;
    const failedAt = perSeed.findIndex((r) => !r.pass);
    const shown = perSeed[Math.max(failedAt, 0)];
    const where = failedAt >= 0 ? `seed ${failedAt + 1}: ` : n > 1 ? 'seed 1: ' : '';
    return {
      pass: n > 0 && holding === n,
      words: `${where}${shown?.words ?? 'no seed was run'} [holds on ${holding}/${n} seeds]`,
    };
  });
  return { pass: checks.length > 0 && checks.every((c) => c.pass), says: claim.says, checks };
}
