// Train / test loss and accuracy of all runs on shared axes, with a legend of the run labels. The SVG
// redraws from the store in an animation frame; React only renders the legend.
import { type CSSProperties, useRef } from 'react';
import { useStore } from 'zustand';
import { training } from '../../state/app-state';
import type { TrainingState } from '../../state/training-store';
import { useT } from '../i18n';
import './charts.css';
import { curveRun, hasTestLoss, lossAxis } from './curves-data';
import { renderCurves } from './curves-render';
import { runColor } from './palette';
import { useClipId } from './use-clip-id';
import { useElementWidth } from './use-element-width';
import { CHART_REDRAW_MS, useStoreRedraw } from './use-store-redraw';

export interface TrainingCurvesProps {
  /** Height of one panel (loss, accuracy); they stack when the chart is narrow. */
  panelHeight?: number;
}

export function curveRuns(state: TrainingState) {
  return (state.snapshot?.runs ?? []).map((r, i) =>
    curveRun(state.history[r.runId]?.points() ?? [], {
      runId: r.runId,
      label: r.label,
      color: runColor(i),
      divergedAt: meanDivergedAt(state, r.runId, r.divergedAt),
    }),
  );
}

/**
 * Several seeds: the mean line ends only when every seed has diverged (a seed's NaN is left out of the
 * mean until then); one seed: the run's own divergence.
 */
function meanDivergedAt(state: TrainingState, runId: string, own: number | null): number | null {
  if (!state.seeds) return own;
  const at = state.seeds.runs.map((runs) => runs.find((r) => r.runId === runId)?.divergedAt ?? null);
  return at.every((a) => a !== null) ? Math.max(...(at as number[])) : null;
}

// A stable string for the legend (labels, divergence, test loss present), so React re-renders rarely.
const legendKey = (s: TrainingState) =>
  (s.snapshot?.runs ?? [])
    .map(
      (r) =>
        `${r.runId}\t${r.label}\t${meanDivergedAt(s, r.runId, r.divergedAt) ?? ''}\t${r.testLoss !== undefined ? 1 : 0}`,
    )
    .join('\n');

export function TrainingCurves({ panelHeight = 190 }: TrainingCurvesProps) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const width = useElementWidth(box, 600);
  const clipId = useClipId('curves-clip');
  const legend = useStore(training.store, legendKey);
  const seedCount = useStore(training.store, (s) => s.seeds?.count ?? 1);
  useStoreRedraw(
    (state) => {
      const el = svg.current;
      if (!el) return;
      const runs = curveRuns(state);
      renderCurves(el, runs, { width, panelHeight, lossAxis: lossAxis(runs), clipId });
      el.dataset.runs = String(runs.length);
      el.dataset.testLoss = String(hasTestLoss(runs));
      el.dataset.bands = String(runs.filter((r) => r.bands !== null).length);
    },
    `${width}|${panelHeight}`,
    CHART_REDRAW_MS,
  );
  const entries = legend ? legend.split('\n').map((line) => line.split('\t')) : [];
  const anyTest = entries.some((e) => e[3] === '1');
  return (
    <figure className="chart training-curves" id="training-curves" data-testid="training-curves">
      <div ref={box} className="chart__box">
        <svg ref={svg} className="chart__svg" role="img" aria-label={t('chart.curvesAria')} />
      </div>
      <figcaption className="chart__legend">
        {entries.map(([runId, label, diverged], i) => (
          <span key={runId} className="key key--run" style={{ '--run-color': runColor(i) } as CSSProperties}>
            {label}
            {diverged ? (
              <em className="chart__diverged">{t('chart.divergedLegend', { step: diverged })}</em>
            ) : null}
          </span>
        ))}
        <span className="key key--line">{t('chart.train')}</span>
        {anyTest && <span className="key key--dashed">{t('chart.test')}</span>}
        {seedCount > 1 && (
          <span className="key key--seed-band" data-testid="curves-seed-band">
            {t('chart.seedBand', { n: String(seedCount) })}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
