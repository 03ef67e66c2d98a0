// Live histogram of log10 A-LR for one run: redraws from the latest snapshot in an animation frame.
import { useRef } from 'react';
import { useT } from '../i18n';
import { awaitsFirstStep } from '../run-status';
import { alrBound } from './bound';
import './charts.css';
import { barsExtent, histogramBars, outsideNote } from './histogram-bars';
import { renderHistogram } from './histogram-render';
import { decadeDomain, positiveExtent } from './log-axis';
import { findRun } from './run-lookup';
import { useClipId } from './use-clip-id';
import { useElementWidth } from './use-element-width';
import { CHART_REDRAW_MS, useStoreRedraw } from './use-store-redraw';

export interface AlrHistogramProps {
  runId: string;
  /** Shared log x-domain [lo, hi] in A-LR units (see useSharedAlrDomain); else fitted to this run. */
  domain?: [number, number];
  height?: number;
}

export function AlrHistogram({ runId, domain, height = 130 }: AlrHistogramProps) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const note = useRef<HTMLSpanElement>(null);
  const width = useElementWidth(box);
  const clipId = useClipId('hist-clip');
  const [lo, hi] = domain ?? [NaN, NaN];
  const beforeFirstStep = t('chart.histBeforeFirstStep');
  useStoreRedraw(
    (state) => {
      const el = svg.current;
      const found = findRun(state, runId);
      if (!el || !found) return;
      const h = found.run.histogram;
      const bars = histogramBars(h);
      const bound = alrBound(found.run.spec);
      const fitted = barsExtent(bars);
      const extent = positiveExtent([...(fitted ?? []), bound.value]);
      renderHistogram(el, bars, {
        width,
        height,
        domain: domain ?? decadeDomain(extent, 0.3),
        color: found.color,
        bound,
        clipId,
      });
      el.dataset.bars = String(bars.share.length);
      const edges = h.edgesLog10;
      if (note.current) {
        // Before the first step every value is NaN because there is no A-LR yet, not because it broke.
        const before = awaitsFirstStep(found.run);
        note.current.textContent = before
          ? beforeFirstStep
          : outsideNote(bars, {
              minExp: Math.round(edges[0] ?? 0),
              maxExp: Math.round(edges[edges.length - 1] ?? 0),
            });
        note.current.classList.toggle('chart__note--plain', before);
      }
    },
    `${runId}|${width}|${height}|${lo}|${hi}`,
    CHART_REDRAW_MS,
  );
  return (
    <figure
      className="chart alr-histogram"
      id={`alr-histogram-${runId}`}
      data-testid={`alr-histogram-${runId}`}
    >
      <div ref={box} className="chart__box">
        <svg ref={svg} className="chart__svg" role="img" aria-label={t('chart.histAria')} />
      </div>
      <figcaption className="chart__legend">
        <span>{t('chart.histLegend')}</span>
        <span ref={note} className="chart__note" data-testid={`hist-note-${runId}`} />
      </figcaption>
    </figure>
  );
}
