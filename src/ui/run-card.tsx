// One run's numbers: the headline anisotropy (max/min A-LR in orders of magnitude), the A-LR range,
// loss and accuracy, divergence, and the optimizer, switchable live.

import { type CSSProperties, lazy, memo, Suspense, useState } from 'react';
import type { RunSnapshot } from '../engine/session/snapshot-types';
import { adaptiveRateCeiling, RULES } from '../optim/rules';
import { OPTIMIZER_NAMES } from '../optim/spec';
import { controller } from '../state/app-state';
import {
  AlrHistogram as AlrHistogramChart,
  AnisotropyChart as AnisotropyChartView,
  runColor,
  runTextColor,
  useSharedAlrDomain,
} from './charts';
import { useShown } from './embed-context';
import { EvaluatedAt } from './evaluated-at';
import { type Domain, Legend as LegendBar, RunHeatmaps as RunHeatmapsView, useSharedDomain } from './heatmap';
import { fieldLabel } from './heatmap/labels';
import { formulaText, useLanguage, useT } from './i18n';
import { awaitsFirstStep } from './run-status';
import { sameProps } from './same-props';
import { useSlide } from './slide-layout';
import { useTraining } from './use-training';

// A snapshot re-renders the card's numbers; these parts draw from the store themselves (in animation
// frames) or depend only on props that rarely change, so they skip those renders.
const AlrHistogram = memo(AlrHistogramChart, sameProps);
const AnisotropyChart = memo(AnisotropyChartView, sameProps);
const Legend = memo(LegendBar, sameProps);
const RunHeatmaps = memo(RunHeatmapsView, sameProps);
// The settings form sits in a closed <details>: a lazy part, fetched just after the first render.
const SpecEditor = memo(
  lazy(() => import('./spec-editor').then((m) => ({ default: m.SpecEditor }))),
  sameProps,
);

const fmt = (v: number | undefined, digits = 3) =>
  v === undefined || !Number.isFinite(v) ? '—' : v.toPrecision(digits);
const sci = (v: number) => (Number.isFinite(v) ? v.toExponential(1) : '—');

export function RunCard({ run, index, removable }: { run: RunSnapshot; index: number; removable: boolean }) {
  const rule = RULES[run.spec.name];
  const t = useT();
  const language = useLanguage();
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
  const showHistogram = useShown('histogram');
  const showFormula = useShown('caption');
  const slide = useSlide();
  // Before the first step there is no A-LR and no training loss yet: said in words, not as a dash.
  const untrained = awaitsFirstStep(run);
  const notYet = <span className="run-card__not-yet">{t('run.notYet')}</span>;
  return (
    <article
      className="card run-card"
      id={`run-${run.runId}`}
      data-testid={`run-${run.runId}`}
      data-optimizer={run.spec.name}
      style={{ '--run-color': runColor(index), '--run-text': runTextColor(index) } as CSSProperties}
    >
      {/* One box for name and readout: a row that wraps in the slide layout, invisible otherwise. */}
      <div className="run-card__top">
        <header className="run-card__header">
          <h3>{run.label}</h3>
          <label className="field field--inline" hidden={!showEdit}>
            <span className="sr-only">{t('run.optimizerOf', { label: run.label })}</span>
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
          {removable && showEdit && (
            <button
              type="button"
              className="icon-button"
              data-testid={`remove-${run.runId}`}
              aria-label={t('run.remove', { label: run.label })}
              title={t('run.removeTitle')}
              onClick={() => void controller.removeRun(run.runId)}
            >
              ✕
            </button>
          )}
        </header>
        <p className="run-card__headline" title={t('run.ordersTitle')}>
          {t('run.maxMin')}{' '}
          <strong
            id={`orders-${run.runId}`}
            data-testid={`orders-${run.runId}`}
            data-orders={Number.isFinite(orders) ? orders : undefined}
            data-alr-max={Number.isFinite(run.alrStats.max) ? run.alrStats.max : undefined}
          >
            {Number.isFinite(orders) ? (
              <>
                10<sup>{orders.toFixed(1)}</sup>
              </>
            ) : untrained ? (
              notYet
            ) : (
              '—'
            )}
          </strong>
        </p>
      </div>
      {untrained && showHeatmaps && (
        <p className="run-card__before-first muted small" data-testid={`before-first-step-${run.runId}`}>
          {t('run.beforeFirstStep')}
        </p>
      )}
      {showHeatmaps && (
        <RunHeatmaps
          runId={run.runId}
          domain={sharedScale && heatmapDomain ? heatmapDomain : 'own'}
          aggregate={aggregate}
          onDomain={setOwnDomain}
          fill={slide}
        />
      )}
      {showHeatmaps && legendDomain && (
        <Legend
          domain={legendDomain}
          label={fieldLabel(shownField)}
          {...(shownField === 'adaptiveRate'
            ? usesSoftplus
              ? { softplusBeta: run.spec.softplusBeta }
              : rule.denominator === 'sqrt-eps'
                ? { eps: run.spec.eps }
                : {}
            : {})}
        />
      )}
      {showCharts &&
        (slide ? (
          <AnisotropyChart runId={run.runId} yDomain={alrDomain} height="fill" showTails={false} />
        ) : (
          <AnisotropyChart runId={run.runId} yDomain={alrDomain} />
        ))}
      {showCharts && showHistogram && <AlrHistogram runId={run.runId} domain={alrDomain} />}
      <dl className="run-card__numbers" hidden={!showNumbers}>
        <dt>{t('run.alrRange')}</dt>
        <dd data-testid={`alr-range-${run.runId}`}>
          {untrained ? (
            notYet
          ) : (
            <>
              {sci(run.alrStats.min)} …{' '}
              <span data-testid={`alr-max-${run.runId}`}>{sci(run.alrStats.max)}</span>
            </>
          )}
        </dd>
        <dt>{t('run.ceiling')}</dt>
        <dd id={`ceiling-${run.runId}`} data-testid={`ceiling-${run.runId}`} title={t('run.ceilingTitle')}>
          {sci(adaptiveRateCeiling(run.spec))}
        </dd>
        <dt>{t('run.median')}</dt>
        <dd>{untrained ? notYet : sci(run.alrStats.p50)}</dd>
        <dt>{t('run.trainLoss')}</dt>
        <dd data-testid={`loss-${run.runId}`}>
          {untrained && !Number.isFinite(run.trainLoss) ? notYet : fmt(run.trainLoss)}
        </dd>
        {run.testLoss !== undefined && (
          <>
            <dt>{t('run.testLoss')}</dt>
            <dd data-testid={`test-loss-${run.runId}`}>
              {fmt(run.testLoss)}
              <EvaluatedAt run={run} what="loss" />
            </dd>
          </>
        )}
        {run.accuracy !== undefined && (
          <>
            <dt>{t('run.testAccuracy')}</dt>
            <dd>
              <span data-testid={`accuracy-${run.runId}`}>{(100 * run.accuracy).toFixed(1)}%</span>
              <EvaluatedAt run={run} what="accuracy" />
            </dd>
          </>
        )}
      </dl>
      {showFormula && (
        <p className="muted small">
          {rule.denominator === 'custom'
            ? `A-LR = 1/φ(√v), φ(z) = ${run.spec.phi}`
            : formulaText(rule, language)}
        </p>
      )}
      <details className="run-card__edit" hidden={!showEdit}>
        <summary id={`edit-${run.runId}`} data-testid={`edit-${run.runId}`}>
          {t('run.edit')}
        </summary>
        <Suspense fallback={<p className="muted small">{t('run.editLoading')}</p>}>
          <SpecEditor runId={run.runId} spec={run.spec} />
        </Suspense>
      </details>
      {run.divergedAt !== null && (
        <p className="error" data-testid={`diverged-${run.runId}`}>
          {t('run.diverged', { step: run.divergedAt })}
        </p>
      )}
    </article>
  );
}
