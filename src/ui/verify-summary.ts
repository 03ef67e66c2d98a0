// Turns a self-check report into what the Verify panel says, in the current language (call it at render
// time). Pure otherwise, so the wording rules are unit-tested.
import type { SelfCheckReport } from '../optim/self-check-types';
import { t } from './i18n';
import './i18n/later-strings'; // this part's English strings (strings-en-later.ts)

export interface VerifySummary {
  passed: boolean;
  headline: string;
  /** One line per problem: a failing case with its errors, leaked tensors, an empty report. */
  problems: string[];
}

export function summariseReport(report: SelfCheckReport, backendLabel: string): VerifySummary {
  const total = report.cases.length;
  const good = report.cases.filter((c) => c.passed).length;
  const problems = report.cases
    .filter((c) => !c.passed)
    .map((c) =>
      t('verify.caseProblem', {
        id: c.id,
        param: formatError(c.maxParamAbsErr),
        alr: formatError(c.maxAlrRelErr),
      }),
    );
  if (total === 0) problems.push(t('verify.noCases'));
  if (report.tensorsLeaked !== 0) problems.push(t('verify.leaked', { count: report.tensorsLeaked }));
  if (report.stepLeak !== 0) problems.push(t('verify.leaked', { count: report.stepLeak }));
  if (!report.passed && problems.length === 0) problems.push(t('verify.reportedFailure'));
  return {
    passed: problems.length === 0,
    headline: t('verify.headline', { good, total, backend: backendLabel }),
    problems,
  };
}

function formatError(x: number): string {
  return Number.isFinite(x) ? x.toExponential(2) : String(x);
}
