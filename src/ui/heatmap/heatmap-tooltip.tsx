// What one cell holds: layer, tensor index (and the tile reading), the value now, and the sparkline of
// its A-LR over time. Mounted only while a cell is pointed at or focused, so its per-snapshot
// re-render is the only React work the live heatmaps cause.

import { useLayoutEffect, useRef } from 'react';
import { runOf } from '../../state/run-selectors';
import { useT } from '../i18n';
import { useTraining } from '../use-training';
import type { AggregateOp } from './aggregate';
import { describeCell } from './arrange';
import { fieldLabel, formatValue, opLabel } from './labels';
import type { LayerPlan } from './painter';
import { Sparkline } from './sparkline';

export interface TooltipCell {
  x: number;
  y: number;
  flat: number;
}

export interface HeatmapTooltipProps {
  id: string;
  runId: string;
  plan: LayerPlan;
  cell: TooltipCell;
  op: AggregateOp;
  /** The canvas the cell is drawn on (to place the tooltip next to the cell). */
  canvas: HTMLCanvasElement | null;
}

export function HeatmapTooltip({ id, runId, plan, cell, op, canvas }: HeatmapTooltipProps) {
  const run = useTraining((s) => runOf(s, runId));
  const history = useTraining((s) => s.fieldHistory[runId]);
  const ref = useRef<HTMLDivElement>(null);
  const t = useT();

  // Next to the cell, flipped to its left or above when the viewport ends; follows scrolling.
  useLayoutEffect(() => {
    const place = () => {
      const el = ref.current;
      if (!el || !canvas) return;
      const r = canvas.getBoundingClientRect();
      const { fit } = plan;
      const cw = r.width / (fit.imageWidth * fit.factor);
      const ch = r.height / (fit.imageHeight * fit.factor);
      const left = r.left + cell.x * cw;
      const top = r.top + cell.y * ch;
      const gap = 12;
      const w = el.offsetWidth;
      const h = el.offsetHeight;
      let x = left + Math.max(cw, 1) + gap;
      if (x + w > window.innerWidth - 4) x = left - w - gap;
      let y = top - h / 2;
      y = Math.min(window.innerHeight - h - 4, Math.max(4, y));
      el.style.transform = `translate(${Math.round(Math.max(4, x))}px, ${Math.round(y)}px)`;
    };
    place();
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  });

  const series = history ? history.series(cell.flat) : new Float32Array(0);
  const steps = history ? history.steps() : [];
  if (!run) return null;
  const kind = run.shown.kind;
  const value = run.shown.values[cell.flat] ?? Number.NaN;
  const alr = run.alr[cell.flat] ?? Number.NaN;
  const { index, detail } = describeCell(plan.slice, cell.flat);
  const { factor } = plan.fit;

  return (
    <div id={id} ref={ref} className="heatmap-tooltip" role="tooltip" data-testid="heatmap-tooltip">
      <div className="heatmap-tooltip__head">
        <strong data-testid="heatmap-tooltip-layer">{plan.slice.name}</strong>{' '}
        <span className="heatmap-tooltip__index">{index}</span>
      </div>
      {detail && <div className="heatmap-tooltip__detail">{detail}</div>}
      <dl className="heatmap-tooltip__values">
        <dt>{fieldLabel(kind)}</dt>
        <dd data-testid="heatmap-tooltip-value">{formatValue(value)}</dd>
        {kind !== 'adaptiveRate' && (
          <>
            <dt>A-LR</dt>
            <dd>{formatValue(alr)}</dd>
          </>
        )}
      </dl>
      {factor > 1 && (
        <div className="heatmap-tooltip__note">
          {t('heatmap.eachPixel', { op: opLabel(op), n: factor })}
          {op === 'mean' ? '' : t('heatmap.setsIt')}
        </div>
      )}
      <div className="heatmap-tooltip__spark-title">{t('heatmap.sparkTitle')}</div>
      <Sparkline steps={steps} values={series} />
    </div>
  );
}
