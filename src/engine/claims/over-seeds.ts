// A scene repeated over several seeds carries the same kind of claim as any other, and it must hold on
// every seed: each check is evaluated on each seed's runs and passes only if it passes on all of them.
// Its words are those of the first seed where it fails (else of the first seed), with the count and,
// for a comparison, the range of its left side over the seeds (the worst seed is then in view too).

import type { Claim, ClaimRun, SceneClaim } from './claim';
import { type CheckResult, type ClaimResult, evaluateCheck, measure } from './evaluate';
import { formatNumber } from './format';

/** `; over the seeds lo–hi` for a compare / near check (its left side on each seed), else ''. */
function leftRange(check: Claim, seedRuns: readonly (readonly ClaimRun[])[]): string {
  if (check.kind !== 'compare' && check.kind !== 'near') return '';
  const values = seedRuns.map((runs) => measure(check.left, runs));
  if (values.length < 2 || values.some(Number.isNaN)) return '';
  return `; over the seeds ${formatNumber(Math.min(...values))}–${formatNumber(Math.max(...values))}`;
}

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
      words: `${where}${shown?.words ?? 'no seed was run'} [holds on ${holding}/${n} seeds${leftRange(check, seedRuns)}]`,
    };
  });
  return { pass: checks.length > 0 && checks.every((c) => c.pass), says: claim.says, checks };
}
