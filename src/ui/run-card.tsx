// One run's numbers: the headline anisotropy (max/min A-LR in orders of magnitude), the A-LR range,
// loss and accuracy, divergence, and the optimizer, switchable live.

import { type CSSProperties, useState } from 'react';
import type { RunSnapshot } from '../engine/session/snapshot-types';
import { adaptiveRateCeiling, RULES } from '../optim/rules';
import { OPTIMIZER_NAMES } from '../optim/spec';
import { controller } from '../state/app-state';
import { AlrHistogram, AnisotropyChart, runColor, useSharedAlrDomain } from './charts';
import { useShown } from './embed-context';
import { type Domain, Legend, RunHeatmaps, useSharedDomain } from './heatmap';
import { SpecEditor } from './spec-editor';
import { useTraining } from './use-training';

const SHOWN_LABELS = {
  adaptiveRate: 'A-LR',
  effectiveStep: 'effective step',
  sqrtSecondMoment: '√v',
  absFirstMoment: '|m|',
} as const;

const fmt = (v: number | undefined, digits = 3) =>
  v === undefined || !Number.isFinite(v) ? '—' : v.toPrecision(digits);
const sci = (v: number) => (Number.isFinite(v) ? v.toExponential(1) : '—');

export function RunCard({ run, index, removable }: { run: RunSnapshot; index: number; removable: boolean }) {
  const rule = RULES[run.spec.name];
  const orders = run.ordersOfMagnitude;
  const sharedScale = useTraining((s) => s.sharedScale);
  const aggregate = useTraining((s) => s.aggregate);
  const shownField = useTraining((s) => s.shownField);
  const heatmapDomain = useSharedDomain();
  const alrDomain = useSharedAlrDomain();
  const [ownDomain, setOwnDomain] = useState<Domain | null>(null);
  const legendDomain = sharedScale ? heatmapDomain : ownDomain;
  const usesSoftplus = rule.denominator === 'softplus';
  const showHeatmaps = useShown('heatmaps');
  const showCharts = useShown('charts');
  const showNumbers = useShown('numbers');
  const showEdit = useShown('edit');
  return (
    <article
      className="card run-card"
      data-testid={`run-${run.runId}`}
      data-optimizer={run.spec.name}
      style={{ '--run-color': runColor(index) } as CSSProperties}
    >
      <header className="run-card__header">
        <h3>{run.label}</h3>
        <label className="field field--inline">
          <span className="sr-only">Optimizer of {run.label}</span>
          <select
            data-testid={`optimizer-${run.runId}`}
            value={run.spec.name}
            onChange={(e) =>
              void controller.setSpec(run.runId, { name: e.target.value as RunSnapshot['spec']['name'] })
            }
          >
            {OPTIMIZER_NAMES.map((name) => (
              <option key={name} value={name}>
                {RULES[name].label}
              </option>
            ))}
          </select>
        </label>
        {removable && (
          <button
            type="button"
            className="icon-button"
            data-testid={`remove-${run.runId}`}
            aria-label={`Remove the run ${run.label}`}
            title="Remove this run"
            onClick={() => void controller.removeRun(run.runId)}
          >
            ✕
          </button>
        )}
      </header>
      <p
        className="run-card__headline"
        title="log10 of max/min A-LR: how many orders of magnitude the per-parameter step sizes span"
      >
        max/min A-LR{' '}
        <strong data-testid={`orders-${run.runId}`}>
          {Number.isFinite(orders) ? (
            <>
              10<sup>{orders.toFixed(1)}</sup>
            </>
          ) : (
            '—'
          )}
        </strong>
      </p>
      {showHeatmaps && (
        <RunHeatmaps
          runId={run.runId}
          domain={sharedScale && heatmapDomain ? heatmapDomain : 'own'}
          aggregate={aggregate}
          onDomain={setOwnDomain}
        />
      )}
      {showHeatmaps && legendDomain && (
        <Legend
          domain={legendDomain}
          label={SHOWN_LABELS[shownField]}
          {...(shownField === 'adaptiveRate'
            ? usesSoftplus
              ? { softplusBeta: run.spec.softplusBeta }
              : rule.denominator === 'sqrt-eps'
                ? { eps: run.spec.eps }
                : {}
            : {})}
        />
      )}
      {showCharts && <AnisotropyChart runId={run.runId} yDomain={alrDomain} />}
      {showCharts && <AlrHistogram runId={run.runId} domain={alrDomain} />}
      <dl className="run-card__numbers" hidden={!showNumbers}>
        <dt>A-LR range</dt>
        <dd data-testid={`alr-range-${run.runId}`}>
          {sci(run.alrStats.min)} … <span data-testid={`alr-max-${run.runId}`}>{sci(run.alrStats.max)}</span>
        </dd>
        <dt>A-LR ceiling</dt>
        <dd
          data-testid={`ceiling-${run.runId}`}
          title="the largest A-LR this rule can reach: 1/ε, β/ln 2, ε^(−2p) or 1"
        >
          {sci(adaptiveRateCeiling(run.spec))}
        </dd>
        <dt>median A-LR</dt>
        <dd>{sci(run.alrStats.p50)}</dd>
        <dt>train loss</dt>
        <dd data-testid={`loss-${run.runId}`}>{fmt(run.trainLoss)}</dd>
        {run.testLoss !== undefined && (
          <>
            <dt>test loss</dt>
            <dd>{fmt(run.testLoss)}</dd>
          </>
        )}
        {run.accuracy !== undefined && (
          <>
            <dt>test accuracy</dt>
            <dd data-testid={`accuracy-${run.runId}`}>{(100 * run.accuracy).toFixed(1)}%</dd>
          </>
        )}
      </dl>
      <p className="muted small">{rule.formula}</p>
      <details className="run-card__edit" hidden={!showEdit}>
        <summary data-testid={`edit-${run.runId}`}>Edit hyperparameters</summary>
        <SpecEditor runId={run.runId} spec={run.spec} />
      </details>
      {run.divergedAt !== null && (
        <p className="error" data-testid={`diverged-${run.runId}`}>
          Diverged at step {run.divergedAt} (loss became NaN/∞). The other runs go on; Reset brings this one
          back.
        </p>
      )}
    </article>
  );
}
