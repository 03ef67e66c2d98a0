// The paper's Table 1, live (issue #15): per optimizer, final test accuracy and loss over the seeds as
// mean ± sd and the seed-to-seed range, updated with every snapshot. The numbers and the verdict come from
// stats/seed-summary.ts (the headless runner's table uses the same), and the sentence under the table names
// a leader only when it is better on every seed — otherwise it says the numbers show no winner.
import { useDeferredValue, useMemo } from 'react';
import type { RunSnapshot } from '../../engine/session/snapshot-types';
import {
  accuracyCells,
  lossCells,
  type RunSummary,
  seedVerdict,
  summarizeFinals,
  type Verdict,
} from '../../stats/seed-summary';
import { useT } from '../i18n';
import './seeds.css';
import { useTraining } from '../use-training';
import '../i18n/later-strings'; // seedTable.* (strings-en-later.ts)

interface TableData {
  step: number;
  /** The step the test numbers were evaluated at (earlier while training plays). */
  evaluatedAt: number | null;
  seedCount: number;
  rows: RunSummary[];
  hasAccuracy: boolean;
  hasTestLoss: boolean;
  verdict: Verdict;
}

export function tableData(seedRuns: readonly RunSnapshot[][], labelled: readonly RunSnapshot[]): TableData {
  const finals = (runId: string) =>
    seedRuns.flatMap((runs) => {
      const r = runs.find((x) => x.runId === runId);
      if (!r) return [];
      return [
        {
          ...(r.accuracy !== undefined ? { accuracy: r.accuracy } : {}),
          ...(r.testLoss !== undefined ? { testLoss: r.testLoss } : {}),
          trainLoss: r.trainLoss,
          diverged: r.divergedAt !== null,
        },
      ];
    });
  const rows = labelled.map((r) => summarizeFinals(r.runId, r.label, finals(r.runId)));
  const hasAccuracy = rows.some((r) => r.accuracy);
  const hasTestLoss = rows.some((r) => r.testLoss);
  const metric = hasAccuracy ? 'accuracy' : 'loss';
  const values = labelled.map((r) =>
    finals(r.runId).map((f) =>
      hasAccuracy ? (f.accuracy ?? Number.NaN) : hasTestLoss ? (f.testLoss ?? Number.NaN) : f.trainLoss,
    ),
  );
  const first = seedRuns[0]?.[0];
  return {
    step: first?.step ?? 0,
    evaluatedAt: first?.evaluatedAt ?? null,
    seedCount: seedRuns.length,
    rows,
    hasAccuracy,
    hasTestLoss,
    verdict: seedVerdict(
      labelled.map((r) => r.label),
      values,
      metric,
    ),
  };
}

export function SeedTable() {
  const t = useT();
  const seedRuns = useDeferredValue(useTraining((s) => s.seeds?.runs ?? null));
  const labelled = useTraining((s) => s.snapshot?.runs ?? null);
  const data = useMemo(
    () => (seedRuns && labelled ? tableData(seedRuns, labelled) : null),
    [seedRuns, labelled],
  );
  if (!data) return null;
  const lossName = data.hasTestLoss ? t('seedTable.testLoss') : t('seedTable.trainLoss');
  const anyDiverged = data.rows.some((r) => r.diverged > 0);
  const metric = t(
    data.verdict.kind !== 'tooFew' && data.verdict.metric === 'accuracy'
      ? 'seedTable.metricAccuracy'
      : 'seedTable.metricLoss',
  );
  const vars = { n: String(data.seedCount), step: String(data.step), metric };
  return (
    <section className="card seed-table" aria-labelledby="seed-table-title" data-testid="seed-table">
      <h3 id="seed-table-title">
        {t('seedTable.title', { n: String(data.seedCount), step: String(data.step) })}
      </h3>
      {/* Scrolls sideways on a narrow screen; focusable so that the keyboard can scroll it too. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="seed-table__scroll" tabIndex={0} aria-labelledby="seed-table-title">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('seedTable.optimizer')}</th>
              {data.hasAccuracy && <th scope="col">{t('seedTable.accuracy')}</th>}
              {data.hasAccuracy && <th scope="col">{t('seedTable.range')}</th>}
              <th scope="col">{lossName}</th>
              <th scope="col">{t('seedTable.range')}</th>
              <th scope="col">{t('seedTable.seeds')}</th>
              {anyDiverged && <th scope="col">{t('seedTable.diverged')}</th>}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => {
              const [acc, accRange] = accuracyCells(r.accuracy);
              const [loss, lossRange] = lossCells(data.hasTestLoss ? r.testLoss : r.trainLoss);
              return (
                <tr key={r.id} data-run={r.id}>
                  <th scope="row">{r.label}</th>
                  {data.hasAccuracy && <td data-testid={`seed-table-acc-${r.id}`}>{acc}</td>}
                  {data.hasAccuracy && <td>{accRange}</td>}
                  <td>{loss}</td>
                  <td>{lossRange}</td>
                  <td>{r.seedCount}</td>
                  {anyDiverged && <td>{r.diverged}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <p className="seed-table__verdict" data-testid="seed-table-verdict" data-verdict={data.verdict.kind}>
        {data.verdict.kind === 'ahead'
          ? t('seedTable.ahead', { ...vars, leader: data.verdict.leader })
          : data.verdict.kind === 'none'
            ? t('seedTable.none', vars)
            : t('seedTable.tooFew')}
      </p>
      <p className="muted seed-table__note">
        {data.evaluatedAt !== null && data.evaluatedAt < data.step
          ? `${t('seedTable.evaluatedAt', { step: String(data.evaluatedAt) })} `
          : ''}
        {t('seedTable.sdNote')}
      </p>
    </section>
  );
}
