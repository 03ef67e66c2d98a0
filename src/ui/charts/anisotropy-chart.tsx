// Figure 1 for one run, live: a thin wrapper that reads the run's history from the training store and
// redraws the SVG in an animation frame when a snapshot lands.
import { useRef } from 'react';
import { useStore } from 'zustand';
import { training } from '../../state/app-state';
import { useT } from '../i18n';
import { alrSeries, sharedAlrDomain } from './alr-series';
import { renderAnisotropy } from './anisotropy-render';
import { alrBound } from './bound';
import './charts.css';
import { findRun } from './run-lookup';
import { useClipId } from './use-clip-id';
import { useElementHeight, useElementWidth } from './use-element-width';
import { CHART_REDRAW_MS, useStoreRedraw } from './use-store-redraw';

export interface AnisotropyChartProps {
  runId: string;
  /** Shared log y-domain [lo, hi] in A-LR units (see useSharedAlrDomain); else fitted to this run. */
  yDomain?: [number, number];
  /** Thin p1 / p99 lines (default true). */
  showTails?: boolean;
  /** Height in CSS px, or 'fill': the height CSS gives the chart's box (the slide layout). */
  height?: number | 'fill';
}

export function AnisotropyChart({
  runId,
  yDomain,
  showTails = true,
  height: heightProp = 200,
}: AnisotropyChartProps) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const width = useElementWidth(box);
  const boxHeight = useElementHeight(box, 160);
  const height = heightProp === 'fill' ? boxHeight : heightProp;
  const clipId = useClipId('alr-clip');
  const seedCount = useStore(training.store, (s) => s.seeds?.count ?? 1);
  const [lo, hi] = yDomain ?? [NaN, NaN];
  useStoreRedraw(
    (state) => {
      const el = svg.current;
      const found = findRun(state, runId);
      if (!el || !found) return;
      const data = alrSeries(state.history[runId]?.points() ?? []);
      const bound = alrBound(found.run.spec);
      renderAnisotropy(el, data, {
        width,
        height,
        yDomain: yDomain ?? sharedAlrDomain([data], [bound.value]),
        color: found.color,
        bound,
        runId,
        clipId,
        showTails,
      });
      el.dataset.points = String(data.steps.length);
      // The step of the last point drawn: tests wait on it to know the chart shows the snapshot on screen.
      el.dataset.lastStep = String(data.steps.at(-1) ?? '');
      box.current?.parentElement?.style.setProperty('--run-color', found.color);
    },
    `${runId}|${width}|${height}|${lo}|${hi}|${showTails}`,
    CHART_REDRAW_MS,
  );
  return (
    <figure
      className={
        heightProp === 'fill' ? 'chart anisotropy-chart anisotropy-chart--fill' : 'chart anisotropy-chart'
      }
      id={`anisotropy-chart-${runId}`}
      data-testid={`anisotropy-chart-${runId}`}
    >
      <div ref={box} className="chart__box">
        <svg ref={svg} className="chart__svg" role="img" aria-label={t('chart.alrAria')} />
      </div>
      <figcaption className="chart__legend">
        <span className="chart__legend-title">{t('chart.alrLegend')}</span>
        <span className="key key--median">{t('chart.median')}</span>
        <span className="key key--band">25–75 %</span>
        <span className="key key--extreme">{t('chart.minMax')}</span>
        {showTails && <span className="key key--tail">p1 / p99</span>}
        <span className="key key--bound">{t('chart.ceiling')}</span>
        {seedCount > 1 && (
          <span className="key key--seed-median">{t('chart.seedMedianBand', { n: String(seedCount) })}</span>
        )}
      </figcaption>
    </figure>
  );
}
