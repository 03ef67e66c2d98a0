// Turns a self-check report into what the Verify panel says. Pure, so the wording rules are unit-tested.
import type { SelfCheckReport } from '../optim/self-check';

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
    .map(
      (c) =>
        `${c.id}: max parameter error ${formatError(c.maxParamAbsErr)}, ` +
        `max A-LR relative error ${formatError(c.maxAlrRelErr)}`,
    );
  if (total === 0) problems.push('the self-check ran no cases');
  if (report.tensorsLeaked !== 0) problems.push(`${report.tensorsLeaked} tensor(s) leaked`);
  if (!report.passed && problems.length === 0) problems.push('the self-check reported a failure');
  return {
    passed: problems.length === 0,
    headline: `${good}/${total} checks passed on ${backendLabel}`,
    problems,
  };
}

function formatError(x: number): string {
  return Number.isFinite(x) ? x.toExponential(2) : String(x);
}
