// "Figure 1" in the paper's style (Tong, Liang & Bi, arXiv 1908.00700): one panel per run with the A-LR
// percentiles over steps on one shared log y-axis — min and max dashed, the 25–75 % band filled, the
// median solid — titled by the optimizer. Drawn with d3 into an offscreen SVG whose every mark carries
// its own attributes (no page CSS), so the string is a standalone figure for a paper or slides.
// Over 300 lines because it is one figure: panels, shared axis, legend and titles are drawn together.

import { area, line, type Selection, scaleLinear, scaleLog, select } from 'd3';
import { RULES } from '../../optim/rules';
import type { TrainingState } from '../../state/training-store';
import { type AlrSeries, alrSeries, sharedAlrDomain } from '../charts/alr-series';
import { onLogAxis } from '../charts/gaps';
import { logTicks } from '../charts/log-axis';
import { runColor } from '../charts/palette';
import { formatStep, stepDomain } from '../charts/svg-layers';
import { t } from '../i18n';
import { SVG_NS, serializeSvg } from './svg-export';

export interface Figure1Run {
  runId: string;
  /** Panel title: the optimizer, e.g. "Adam" or "Sadam (β = 50)". */
  title: string;
  color: string;
  series: AlrSeries;
}

export interface Figure1Options {
  panelWidth?: number;
  panelHeight?: number;
  /** Panels per row; default: all in one row up to 3, else 2 per row. */
  columns?: number;
  /** A caption line under the panels (e.g. the task); none by default. */
  caption?: string;
  /** Shared log y-domain; default fitted to every run's min … max in whole decades. */
  yDomain?: [number, number];
}

export const FIGURE_FONT = "'DejaVu Sans', 'Helvetica Neue', Helvetica, Arial, sans-serif";
const INK = '#111111';
const GRID = '#e3e3e3';
const MARGIN = { top: 30, right: 14, bottom: 40, left: 58 };
const LEGEND_H = 30;
const CAPTION_H = 20;

/** The optimizer as a panel title: the rule's name, with β for the softplus rules and φ for a custom one. */
export function optimizerTitle(spec: {
  name: keyof typeof RULES;
  softplusBeta?: number;
  eps?: number;
  phi?: string;
}): string {
  const rule = RULES[spec.name];
  if (rule.denominator === 'softplus' && spec.softplusBeta !== undefined)
    return `${rule.label} (β = ${spec.softplusBeta})`;
  if (rule.denominator === 'custom' && spec.phi !== undefined) {
    const phi = spec.phi.length > 48 ? `${spec.phi.slice(0, 47)}…` : spec.phi;
    return `φ(z) = ${phi}`;
  }
  return rule.label;
}

/** The runs of the latest snapshot with their A-LR history, coloured as on screen. */
export function figure1Runs(state: Pick<TrainingState, 'snapshot' | 'history'>): Figure1Run[] {
  if (!state.snapshot) return [];
  const titles = state.snapshot.runs.map((r) => optimizerTitle(r.spec));
  return state.snapshot.runs.map((run, i) => {
    // Two runs of the same optimizer: their own labels tell them apart.
    const title = titles.filter((t) => t === titles[i]).length > 1 ? run.label : (titles[i] as string);
    return {
      runId: run.runId,
      title,
      color: runColor(i),
      series: alrSeries(state.history[run.runId]?.points() ?? []),
    };
  });
}

export interface Figure1Layout {
  width: number;
  height: number;
  columns: number;
  rows: number;
  panelWidth: number;
  panelHeight: number;
}

/** Size and grid of the figure for n panels. Pure. */
export function figure1Layout(n: number, o: Figure1Options = {}): Figure1Layout {
  const panelWidth = o.panelWidth ?? 330;
  const panelHeight = o.panelHeight ?? 250;
  const count = Math.max(1, n);
  const columns = Math.max(1, Math.min(count, o.columns ?? (count <= 3 ? count : 2)));
  const rows = Math.ceil(count / columns);
  return {
    width: columns * panelWidth,
    height: rows * panelHeight + LEGEND_H + (o.caption ? CAPTION_H : 0),
    columns,
    rows,
    panelWidth,
    panelHeight,
  };
}

/** The shared x (step) domain of the runs. */
function sharedSteps(runs: readonly Figure1Run[]): [number, number] {
  return stepDomain(runs.flatMap((r) => [r.series.steps[0] ?? NaN, r.series.steps.at(-1) ?? NaN]));
}

/** Draws the figure into a new SVG element of `doc` (not attached). */
export function renderFigure1(
  runs: readonly Figure1Run[],
  o: Figure1Options = {},
  doc: Document = document,
): SVGSVGElement {
  const L = figure1Layout(runs.length, o);
  const svgEl = doc.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  const svg = select(svgEl)
    .attr('width', L.width)
    .attr('height', L.height)
    .attr('viewBox', `0 0 ${L.width} ${L.height}`)
    .attr('font-family', FIGURE_FONT)
    .attr('font-size', 11)
    .attr('fill', INK);
  svg.append('title').text(o.caption ? `${t('chart.alrAria')} — ${o.caption}` : t('chart.alrAria'));
  svg.append('rect').attr('width', L.width).attr('height', L.height).attr('fill', '#ffffff');

  const yDomain =
    o.yDomain ??
    sharedAlrDomain(
      runs.map((r) => r.series),
      [],
    );
  const xDomain = sharedSteps(runs);
  const w = L.panelWidth - MARGIN.left - MARGIN.right;
  const h = L.panelHeight - MARGIN.top - MARGIN.bottom;
  const x = scaleLinear().domain(xDomain).range([0, w]);
  const y = scaleLog().domain(yDomain).range([h, 0]);
  const ticks = logTicks(yDomain, 6);
  const xTicks = x.ticks(Math.max(2, Math.floor(w / 70)));

  runs.forEach((run, i) => {
    const col = i % L.columns;
    const row = Math.floor(i / L.columns);
    const g = svg
      .append('g')
      .attr('class', 'panel')
      .attr('data-run', run.runId)
      .attr(
        'transform',
        `translate(${col * L.panelWidth + MARGIN.left},${row * L.panelHeight + MARGIN.top})`,
      );
    // Grid at whole decades, behind the data.
    g.append('g')
      .attr('stroke', GRID)
      .attr('stroke-width', 0.8)
      .selectAll('line')
      .data(ticks.filter((t) => t.major))
      .join('line')
      .attr('x1', 0)
      .attr('x2', w)
      .attr('y1', (t) => y(t.value))
      .attr('y2', (t) => y(t.value));

    const clipId = `fig1-clip-${i}`;
    g.append('clipPath').attr('id', clipId).append('rect').attr('width', w).attr('height', h);
    const plot = g.append('g').attr('clip-path', `url(#${clipId})`).attr('fill', 'none');
    drawSeries(plot, run, x, y);

    // Frame (all four sides, as in the paper) and outward ticks.
    g.append('rect')
      .attr('width', w)
      .attr('height', h)
      .attr('fill', 'none')
      .attr('stroke', INK)
      .attr('stroke-width', 0.9);
    const yAxis = g.append('g').attr('class', 'y-ticks');
    for (const t of ticks) {
      const ty = y(t.value);
      yAxis
        .append('line')
        .attr('x1', -(t.major ? 4 : 2.5))
        .attr('x2', 0)
        .attr('y1', ty)
        .attr('y2', ty)
        .attr('stroke', INK)
        .attr('stroke-width', 0.8);
      if (t.major || ticks.length <= 6) {
        yAxis
          .append('text')
          .attr('x', -7)
          .attr('y', ty)
          .attr('dy', '0.35em')
          .attr('text-anchor', 'end')
          .text(t.label);
      }
    }
    const xAxis = g.append('g').attr('class', 'x-ticks').attr('transform', `translate(0,${h})`);
    for (const v of xTicks) {
      const tx = x(v);
      xAxis
        .append('line')
        .attr('x1', tx)
        .attr('x2', tx)
        .attr('y1', 0)
        .attr('y2', 4)
        .attr('stroke', INK)
        .attr('stroke-width', 0.8);
      xAxis.append('text').attr('x', tx).attr('y', 15).attr('text-anchor', 'middle').text(formatStep(v));
    }
    g.append('text')
      .attr('class', 'x-label')
      .attr('x', w / 2)
      .attr('y', h + 32)
      .attr('text-anchor', 'middle')
      .attr('font-size', 11.5)
      .text('step');
    if (col === 0) {
      g.append('text')
        .attr('class', 'y-label')
        .attr('transform', `translate(${-44},${h / 2}) rotate(-90)`)
        .attr('text-anchor', 'middle')
        .attr('font-size', 11.5)
        .text('A-LR (log)');
    }
    g.append('text')
      .attr('class', 'panel-title')
      .attr('x', w / 2)
      .attr('y', -11)
      .attr('text-anchor', 'middle')
      .attr('font-size', 13)
      .attr('font-weight', 600)
      .text(run.title);
    if (!run.series.steps.some((_, k) => onLogAxis(run.series.p50[k] as number))) {
      g.append('text')
        .attr('x', w / 2)
        .attr('y', h / 2)
        .attr('text-anchor', 'middle')
        .attr('fill', '#777777')
        .text('no A-LR yet (train a step)');
    }
  });

  drawLegend(svg, L, o.caption);
  return svgEl;
}

type G = Selection<SVGGElement, unknown, null, undefined>;
type Root = Selection<SVGSVGElement, unknown, null, undefined>;

function drawSeries(plot: G, run: Figure1Run, x: (v: number) => number, y: (v: number) => number): void {
  const d = run.series;
  const idx = d.steps.map((_, i) => i);
  const xs = (i: number) => x(d.steps[i] as number);
  const band = area<number>()
    .defined((i) => onLogAxis(d.p25[i] as number) && onLogAxis(d.p75[i] as number))
    .x(xs)
    .y0((i) => y(d.p25[i] as number))
    .y1((i) => y(d.p75[i] as number));
  plot
    .append('path')
    .attr('class', 'band')
    .attr('d', band(idx) ?? '')
    .attr('fill', run.color)
    .attr('fill-opacity', 0.22)
    .attr('stroke', 'none');
  const lineOf = (values: number[]) =>
    line<number>()
      .defined((i) => onLogAxis(values[i] as number))
      .x(xs)
      .y((i) => y(values[i] as number))(idx) ?? '';
  for (const key of ['min', 'max'] as const) {
    plot
      .append('path')
      .attr('class', `extreme extreme--${key}`)
      .attr('d', lineOf(d[key]))
      .attr('stroke', run.color)
      .attr('stroke-width', 1.3)
      .attr('stroke-dasharray', '5 3');
  }
  plot
    .append('path')
    .attr('class', 'median')
    .attr('d', lineOf(d.p50))
    .attr('stroke', run.color)
    .attr('stroke-width', 2)
    .attr('stroke-linejoin', 'round');
  // A single defined median (e.g. one step trained) draws no line: mark it.
  const defined = idx.filter((i) => onLogAxis(d.p50[i] as number));
  if (defined.length === 1) {
    const i = defined[0] as number;
    plot
      .append('circle')
      .attr('cx', xs(i))
      .attr('cy', y(d.p50[i] as number))
      .attr('r', 2.5)
      .attr('fill', run.color);
  }
}

function drawLegend(svg: Root, L: Figure1Layout, caption?: string): void {
  const legendY = L.rows * L.panelHeight + 10;
  const items: { label: string; draw: (g: G) => void }[] = [
    {
      label: 'median',
      draw: (g) => g.append('line').attr('x2', 22).attr('stroke', INK).attr('stroke-width', 2),
    },
    {
      label: '25–75 %',
      draw: (g) =>
        g
          .append('rect')
          .attr('y', -5)
          .attr('width', 22)
          .attr('height', 10)
          .attr('fill', INK)
          .attr('fill-opacity', 0.22),
    },
    {
      label: 'min / max',
      draw: (g) =>
        g
          .append('line')
          .attr('x2', 22)
          .attr('stroke', INK)
          .attr('stroke-width', 1.3)
          .attr('stroke-dasharray', '5 3'),
    },
  ];
  const itemW = 110;
  const left = (L.width - items.length * itemW) / 2;
  const legend = svg.append('g').attr('class', 'legend').attr('transform', `translate(${left},${legendY})`);
  items.forEach((item, i) => {
    const g = legend.append('g').attr('transform', `translate(${i * itemW},0)`);
    item.draw(g);
    g.append('text').attr('x', 28).attr('dy', '0.35em').text(item.label);
  });
  if (caption) {
    svg
      .append('text')
      .attr('class', 'caption')
      .attr('x', L.width / 2)
      .attr('y', legendY + LEGEND_H)
      .attr('text-anchor', 'middle')
      .attr('fill', '#555555')
      .text(caption);
  }
}

/** The figure as a standalone SVG document string, with its size. */
export function figure1Svg(
  runs: readonly Figure1Run[],
  o: Figure1Options = {},
  doc: Document = document,
): { svg: string; width: number; height: number } {
  const el = renderFigure1(runs, o, doc);
  const L = figure1Layout(runs.length, o);
  return { svg: serializeSvg(el), width: L.width, height: L.height };
}
