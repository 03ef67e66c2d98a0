// Loss and accuracy of all runs on shared axes (pure render). Train loss solid, test loss dashed,
// accuracy in its own 0–1 panel beside (or, when narrow, under) the loss panel. A diverged run's lines
// end at its divergence step, marked with a ×.

import { area, axisLeft, line, scaleLinear, scaleLog, select } from 'd3';
import { t } from '../i18n/translate';
import { type AxisChoice, type Band, type CurveRun, hasAccuracy } from './curves-data';
import {
  type AnySelection,
  drawLogYAxis,
  drawStepAxis,
  forgetDrawnAxis,
  keepAttr,
  keepText,
  layer,
  type Margin,
  stepDomain,
} from './svg-layers';

export interface CurvesOptions {
  width: number;
  /** Height of one panel. */
  panelHeight: number;
  lossAxis: AxisChoice;
  clipId: string;
  /** Side by side from this width on; stacked below it (default 560). */
  sideBySideFrom?: number;
}

const MARGIN: Margin = { top: 18, right: 12, bottom: 22, left: 46 };

interface Panel {
  cls: string;
  title: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface LineSpec {
  key: string;
  color: string;
  /** Earlier runs wider, so coinciding curves all stay visible. */
  width: number;
  dashed: boolean;
  /** Sampled at some steps only (test loss, accuracy): NaN means "not measured here", not a gap. */
  sparse: boolean;
  steps: number[];
  values: number[];
  /** Several seeds: the min–max band drawn under the mean line. */
  band?: Band;
}

export function renderCurves(svgEl: SVGSVGElement, runs: readonly CurveRun[], o: CurvesOptions): void {
  const withAccuracy = hasAccuracy(runs);
  const side = o.width >= (o.sideBySideFrom ?? 560);
  const panels: Panel[] = [];
  const loss = t('chart.loss');
  const accuracy = t('chart.testAccuracy');
  if (!withAccuracy) {
    panels.push({ cls: 'panel-loss', title: loss, x: 0, y: 0, width: o.width, height: o.panelHeight });
  } else if (side) {
    const lw = Math.round(o.width * 0.58);
    panels.push({ cls: 'panel-loss', title: loss, x: 0, y: 0, width: lw, height: o.panelHeight });
    panels.push({
      cls: 'panel-accuracy',
      title: accuracy,
      x: lw,
      y: 0,
      width: o.width - lw,
      height: o.panelHeight,
    });
  } else {
    panels.push({ cls: 'panel-loss', title: loss, x: 0, y: 0, width: o.width, height: o.panelHeight });
    panels.push({
      cls: 'panel-accuracy',
      title: accuracy,
      x: 0,
      y: o.panelHeight,
      width: o.width,
      height: o.panelHeight,
    });
  }
  const totalHeight = Math.max(...panels.map((p) => p.y + p.height));
  const svg = select(svgEl).call(keepAttr, 'width', o.width).call(keepAttr, 'height', totalHeight);
  svg.call(keepAttr, 'viewBox', `0 0 ${o.width} ${totalHeight}`);
  svg
    .selectAll<SVGGElement, Panel>(':scope > g.panel')
    .data(panels, (p) => p.cls)
    .join('g')
    .call(keepAttr, 'class', (p) => `panel ${p.cls}`)
    .call(keepAttr, 'transform', (p) => `translate(${p.x + MARGIN.left},${p.y + MARGIN.top})`)
    .each(function (p) {
      const g = select(this);
      const isLoss = p.cls === 'panel-loss';
      const lines: LineSpec[] = [];
      for (const [i, r] of runs.entries()) {
        const width = 1.4 + 1.1 * (runs.length - 1 - i);
        if (isLoss) {
          lines.push({
            key: `${r.runId}-train`,
            color: r.color,
            width,
            dashed: false,
            sparse: false,
            steps: r.steps,
            values: r.train,
            ...(r.bands ? { band: r.bands.train } : {}),
          });
          lines.push({
            key: `${r.runId}-test`,
            color: r.color,
            width: Math.max(1.2, width - 0.6),
            dashed: true,
            sparse: true,
            steps: r.steps,
            values: r.test,
            ...(r.bands ? { band: r.bands.test } : {}),
          });
        } else {
          lines.push({
            key: `${r.runId}-acc`,
            color: r.color,
            width,
            dashed: false,
            sparse: true,
            steps: r.steps,
            values: r.accuracy,
            ...(r.bands ? { band: r.bands.accuracy } : {}),
          });
        }
      }
      drawPanel(
        g,
        p,
        lines,
        runs,
        isLoss ? o.lossAxis : { type: 'linear', domain: [0, 1] },
        `${o.clipId}-${p.cls}`,
      );
    });
}

function drawPanel(
  g: AnySelection,
  p: Panel,
  lines: LineSpec[],
  runs: readonly CurveRun[],
  axis: AxisChoice,
  clipId: string,
): void {
  const w = Math.max(10, p.width - MARGIN.left - MARGIN.right);
  const h = Math.max(10, p.height - MARGIN.top - MARGIN.bottom);
  const x = scaleLinear()
    .domain(stepDomain(runs.flatMap((r) => r.steps)))
    .range([0, w]);
  const log = axis.type === 'log';
  const y = log
    ? scaleLog().domain(axis.domain).range([h, 0])
    : scaleLinear().domain(axis.domain).range([h, 0]);
  // On a log axis an exact 0 sits on the floor (drawn at the bottom edge), not in a gap.
  const drawable = log ? (v: number) => v >= 0 && v < Infinity : Number.isFinite;
  const yOf = log ? (v: number) => (v > 0 ? y(v) : h) : (v: number) => y(v);

  layer<SVGTextElement>(g, 'text', 'panel-title')
    .call(keepAttr, 'x', 0)
    .call(keepAttr, 'y', -6)
    .call(keepText, log ? t('chart.logTitle', { title: p.title }) : p.title);
  const yAxis = layer(g, 'g', 'axis axis--y');
  const grid = layer(g, 'g', 'grid');
  if (log) drawLogYAxis(yAxis, grid, y, w);
  else {
    forgetDrawnAxis(yAxis);
    const ticks = y.ticks(Math.max(2, Math.floor(h / 40)));
    yAxis.call(axisLeft(y).tickValues(ticks).tickSizeOuter(0).tickFormat(y.tickFormat(ticks.length, '~g')));
    grid
      .selectAll('line')
      .data(ticks)
      .join('line')
      .call(keepAttr, 'x1', 0)
      .call(keepAttr, 'x2', w)
      .call(keepAttr, 'y1', (t) => y(t))
      .call(keepAttr, 'y2', (t) => y(t));
  }
  drawStepAxis(layer(g, 'g', 'axis axis--x'), x, w, h);

  const clip = layer(g, 'clipPath', 'clip').call(keepAttr, 'id', clipId);
  layer<SVGRectElement>(clip, 'rect', 'clip-rect')
    .call(keepAttr, 'y', -4)
    .call(keepAttr, 'width', w)
    .call(keepAttr, 'height', h + 8);
  // Seed bands first, under every line: min–max over the seeds (the legend says so).
  const bands = lines.filter((l): l is LineSpec & { band: Band } => l.band !== undefined);
  layer(g, 'g', 'bands')
    .call(keepAttr, 'clip-path', `url(#${clipId})`)
    .selectAll<SVGPathElement, LineSpec & { band: Band }>('path.curve-band')
    .data(bands, (l) => l.key)
    .join('path')
    .call(keepAttr, 'class', (l) => `curve-band${l.dashed ? ' curve-band--test' : ''}`)
    .call(keepAttr, 'data-key', (l) => l.key)
    .call(keepAttr, 'fill', (l) => l.color)
    .call(keepAttr, 'd', (l) => {
      const { lo, hi } = l.band;
      const idx = lo.map((_, i) => i).filter((i) => drawable(lo[i] as number) && drawable(hi[i] as number));
      return (
        area<number>()
          .x((i) => x(l.steps[i] as number))
          .y0((i) => yOf(lo[i] as number))
          .y1((i) => yOf(hi[i] as number))(idx) ?? ''
      );
    });
  const linesG = layer(g, 'g', 'lines').call(keepAttr, 'clip-path', `url(#${clipId})`);
  linesG
    .selectAll<SVGPathElement, LineSpec>('path.curve')
    .data(lines, (l) => l.key)
    .join('path')
    .call(keepAttr, 'class', (l) => `curve${l.dashed ? ' curve--test' : ''}`)
    .call(keepAttr, 'data-key', (l) => l.key)
    .call(keepAttr, 'stroke', (l) => l.color)
    .call(keepAttr, 'stroke-width', (l) => l.width)
    .call(keepAttr, 'd', (l) => {
      const all = l.values.map((_, i) => i);
      const idx = l.sparse ? all.filter((i) => !Number.isNaN(l.values[i])) : all;
      return (
        line<number>()
          .defined((i) => drawable(l.values[i] as number))
          .x((i) => x(l.steps[i] as number))
          .y((i) => yOf(l.values[i] as number))(idx) ?? ''
      );
    });

  // Divergence marks: on the loss panel at the last finite loss, on the accuracy panel at the bottom.
  const isLoss = p.cls === 'panel-loss';
  const marks = runs
    .filter((r) => r.divergence !== null)
    .map((r) => {
      const d = r.divergence as { step: number; loss: number };
      const yv = isLoss && drawable(d.loss) ? yOf(d.loss) : isLoss ? 6 : h - 6;
      return { key: r.runId, color: r.color, x: x(d.step), y: yv, step: d.step };
    });
  const markG = g
    .selectAll<SVGGElement, (typeof marks)[number]>('g.diverged')
    .data(marks, (m) => m.key)
    .join((enter) => {
      const m = enter.append('g').call(keepAttr, 'class', 'diverged');
      m.append('path').call(keepAttr, 'd', 'M-5,-5L5,5M-5,5L5,-5');
      m.append('text').call(keepAttr, 'y', 4);
      m.append('title');
      return m;
    })
    .call(keepAttr, 'data-run', (m) => m.key)
    .call(
      keepAttr,
      'transform',
      (m) => `translate(${Math.min(w, Math.max(0, m.x))},${Math.min(h, Math.max(0, m.y))})`,
    );
  markG.select('path').call(keepAttr, 'stroke', (m) => m.color);
  // The label beside the × (left of it near the right edge), never over the panel title.
  markG
    .select('text')
    .call(keepAttr, 'x', (m) => (m.x > w - 60 ? -8 : 8))
    .call(keepAttr, 'text-anchor', (m) => (m.x > w - 60 ? 'end' : 'start'))
    .call(keepAttr, 'fill', (m) => m.color)
    .call(keepText, isLoss ? t('chart.diverged') : '');
  markG.select('title').call(keepText, (m) => t('chart.divergedAt', { step: m.step }));
}
