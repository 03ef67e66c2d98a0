// " · at step 120" after a test number (or a prediction strip) evaluated before the current step.
import type { RunSnapshot } from '../engine/session/snapshot-types';
import { useT } from './i18n';
import { staleEvaluation } from './run-status';

export function EvaluatedAt({
  run,
  what,
}: {
  run: Pick<RunSnapshot, 'runId' | 'step' | 'evaluatedAt'>;
  /** Which number it qualifies, for the test id (`evaluated-at-<what>-<runId>`). */
  what: string;
}) {
  const t = useT();
  const at = staleEvaluation(run);
  if (at === null) return null;
  return (
    <span
      className="evaluated-at muted small"
      data-testid={`evaluated-at-${what}-${run.runId}`}
      data-step={at}
      title={t('run.atStepTitle', { step: at })}
    >
      {t('run.atStep', { step: at })}
    </span>
  );
}
