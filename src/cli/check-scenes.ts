// `npm run experiment -- --check`: runs each scene headless at its default steps and seed, evaluates
// the claim it carries (src/engine/claims) and reports PASS/FAIL with the measured numbers.

import { evaluateClaim, formatClaimResult } from '../engine/claims/evaluate';
import { evaluateClaimOverSeeds } from '../engine/claims/over-seeds';
import type { AssetLoader } from '../engine/data/asset-loader';
import type { Scene } from '../engine/scenes';
import { runExperiment } from './run-experiment';
import { runSeeds } from './run-seeds';
import { formatSeedTable } from './seed-table';

/** Runs a scene at its defaults (over its seeds, if it repeats) and evaluates its claim. */
async function runAndCheck(scene: Scene, loader: AssetLoader) {
  const count = scene.repeat?.seeds ?? 1;
  if (count === 1) {
    const result = await runExperiment(scene, { loader });
    return { result, claim: evaluateClaim(scene.claim, result.runs), table: '' };
  }
  const result = await runSeeds(scene, { loader, seedCount: count });
  return {
    result,
    claim: evaluateClaimOverSeeds(
      scene.claim,
      result.repeats.map((r) => r.runs),
    ),
    table: formatSeedTable('', result.summary)
      .split('\n')
      .filter(Boolean)
      .map((line) => `    ${line}`)
      .join('\n'),
  };
}

/** The scenes a check covers: all, the fast ones, or the named ones (unknown names are an error). */
export function selectScenes(all: readonly Scene[], o: { fast?: boolean; scenes?: string[] }): Scene[] {
  if (o.scenes) {
    const unknown = o.scenes.filter((id) => !all.some((s) => s.id === id));
    if (unknown.length)
      throw new Error(`unknown scene ${unknown.join(', ')}; scenes: ${all.map((s) => s.id).join(', ')}`);
    return all.filter((s) => o.scenes?.includes(s.id));
  }
  return o.fast ? all.filter((s) => s.claim.cost === 'fast') : [...all];
}

export interface CheckOutcome {
  sceneId: string;
  pass: boolean;
  seconds: number;
  report: string;
}

/** Runs and checks each scene in turn; `write` gets each scene's report as soon as it is known. */
export async function checkScenes(
  scenes: readonly Scene[],
  loader: AssetLoader,
  write: (text: string) => void,
): Promise<CheckOutcome[]> {
  const outcomes: CheckOutcome[] = [];
  for (const scene of scenes) {
    const started = performance.now();
    let outcome: CheckOutcome;
    try {
      const { result, claim, table } = await runAndCheck(scene, loader);
      const seconds = (performance.now() - started) / 1000;
      const seeds = scene.repeat ? ` × ${scene.repeat.seeds} seeds` : '';
      outcome = {
        sceneId: scene.id,
        pass: claim.pass,
        seconds,
        report: `${formatClaimResult(scene.id, claim)}\n${table ? `${table}\n` : ''}    (${result.steps} steps${seeds} on ${result.backend}, ${seconds.toFixed(1)} s)`,
      };
    } catch (err) {
      const seconds = (performance.now() - started) / 1000;
      const message = err instanceof Error ? err.message : String(err);
      outcome = {
        sceneId: scene.id,
        pass: false,
        seconds,
        report: `FAIL  ${scene.id}: the run failed: ${message}`,
      };
    }
    outcomes.push(outcome);
    write(`${outcome.report}\n`);
  }
  const failed = outcomes.filter((o) => !o.pass).map((o) => o.sceneId);
  const total = outcomes.reduce((s, o) => s + o.seconds, 0);
  write(
    `${outcomes.length - failed.length}/${outcomes.length} scene claims hold (${total.toFixed(0)} s)${failed.length ? `; failed: ${failed.join(', ')}` : ''}\n`,
  );
  return outcomes;
}
