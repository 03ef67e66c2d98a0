// The runs a headless experiment trains: the scene's, or those given with --run (the link's run=
// syntax, read by the URL codec's reader so both accept the same specs), with --phi setting the
// formula of every custom run (a custom run is added when there is none). Strict, unlike a link:
// anything the reader would clamp, drop or replace is an error that names it.

import { type ExperimentConfig, MAX_RUNS } from '../engine/experiment';
import { checkFormula } from '../optim/formula/evaluate';
import { describeFormulaProblem } from '../optim/formula/messages';
import { defaultSpec } from '../optim/spec';
import { Notices } from '../state/url/query';
import { parseRun } from '../state/url/run-spec';
import { urlNoticeText } from '../ui/i18n/url-notice-text';

export function experimentWithRuns(
  experiment: ExperimentConfig,
  runs: readonly string[] | undefined,
  phi: string | undefined,
): ExperimentConfig {
  const notices = new Notices();
  const parsed = (runs ?? []).map((raw, i) => parseRun(raw, i, notices));
  const problems = notices.done();
  if (problems.length) throw new Error(`--run: ${problems.map((n) => urlNoticeText(n, 'en')).join('; ')}`);
  const out: ExperimentConfig = structuredClone(experiment);
  if (parsed.length) out.runs = parsed.filter((r) => r !== null);
  if (out.runs.length > MAX_RUNS) throw new Error(`--run: at most ${MAX_RUNS} runs`);
  const ids = new Set<string>();
  for (const run of out.runs) {
    if (ids.has(run.id)) throw new Error(`--run: two runs have the id ${run.id}`);
    ids.add(run.id);
  }
  if (phi === undefined) return out;
  const checked = checkFormula(phi);
  if (!checked.ok) throw new Error(`--phi is refused: ${describeFormulaProblem(checked.problem)}`);
  const custom = out.runs.filter((r) => r.spec.name === 'custom');
  if (custom.length === 0 && out.runs.length >= MAX_RUNS)
    throw new Error(
      `--phi: the scene already has ${MAX_RUNS} runs; choose them with --run, one of them custom`,
    );
  if (custom.length === 0)
    out.runs.push({ id: 'custom', label: `φ = ${checked.formula.expression}`, spec: defaultSpec('custom') });
  for (const run of out.runs) if (run.spec.name === 'custom') run.spec = { ...run.spec, phi };
  return out;
}
