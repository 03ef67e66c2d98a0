// Live histogram of log10 A-LR (pure render): bars over the fixed log edges, decade ticks, and the
// rule's ceiling as a vertical marker, so Adam's spike at 1/ε and Sadam's wall at β/ln 2 show.

import { axisLeft, format, scaleLinear, scaleLog, select } from 'd3';
import type { AlrBound } from './bound';
import type { HistogramBars } from './histogram-bars';
import { logTicks } from './log-axis';
import { BOUND_COLOR } from './palette';
import { layer, type Margin } from './svg-layers';

export interface HistogramOptions {
  width: number;
  height: number;
  /** x domain in A-LR units (log axis). */
  domain: [number, number];
  color: string;
  bound: AlrBound | null;
  /** Unique id for the clip path (one per mounted chart). */
  clipId: string;
}

const MARGIN: Margin = { top: 14, right: 12, bottom: 22, left: 46 };

export function renderHistogram(svgEl: SVGSVGElement, bars: HistogramBars, o: HistogramOptions): void {
  const w = Math.max(10, o.width - MARGIN.left - MARGIN.right);
  const h = Math.max(10, o.height - MARGIN.top - MARGIN.bottom);
  const svg = select(svgEl).attr('width', o.width).attr('height', o.height);
  svg.attr('viewBox', `0 0 ${o.width} ${o.height}`);
  const x = scaleLog().domain(o.domain).range([0, w]);
  // No bars (before the first step): a plain 0–100 % axis rather than "0%" three times.
  const maxShare = bars.share.length > 0 ? Math.max(1e-9, ...bars.share) : 1;
  const y = scaleLinear().domain([0, maxShare]).nice(4).range([h, 0]);
  const root = layer(svg, 'g', 'plot').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);

  const ticks = logTicks(o.domain, Math.max(3, Math.floor(w / 50)));
  const xAxis = layer(root, 'g', 'axis axis--x').attr('transform', `translate(0,${h})`);
  xAxis
    .selectAll('line.tick-line')
    .data([null])
    .join('line')
    .attr('class', 'tick-line domain-line')
    .attr('x1', 0)
    .attr('x2', w);
  const tickG = xAxis
    .selectAll<SVGGElement, (typeof ticks)[number]>('g.tick')
    .data(ticks.filter((t) => t.major))
    .join((enter) => {
      const g = enter.append('g').attr('class', 'tick');
      g.append('line').attr('y2', 4);
      g.append('text').attr('y', 14).attr('text-anchor', 'middle');
      return g;
    })
    .attr('transform', (t) => `translate(${x(t.value)},0)`);
  tickG.select('text').text((t) => t.label);
  layer(root, 'g', 'axis axis--y').call(axisLeft(y).ticks(3).tickFormat(format('.0%')).tickSizeOuter(0));

  const clip = layer(root, 'clipPath', 'clip').attr('id', o.clipId);
  layer<SVGRectElement>(clip, 'rect', 'clip-rect')
    .attr('width', w)
    .attr('height', h + 1);
  const barsG = layer(root, 'g', 'bars').attr('clip-path', `url(#${o.clipId})`);
  const index = bars.share.map((_, i) => i);
  barsG
    .selectAll('rect.bar')
    .data(index)
    .join('rect')
    .attr('class', 'bar')
    .attr('fill', o.color)
    .attr('x', (i) => x(10 ** (bars.lo[i] as number)))
    .attr('width', (i) =>
      Math.max(1, x(10 ** (bars.hi[i] as number)) - x(10 ** (bars.lo[i] as number)) - 0.5),
    )
    .attr('y', (i) => y(bars.share[i] as number))
    .attr('height', (i) => h - y(bars.share[i] as number));

  const boundG = layer(root, 'g', 'bound');
  const b = o.bound;
  const inside = b !== null && b.value >= o.domain[0] && b.value <= o.domain[1];
  boundG.attr('display', inside ? null : 'none');
  if (b) {
    const xb = x(b.value);
    layer<SVGLineElement>(boundG, 'line', 'bound-marker')
      .attr('data-value', String(b.value))
      .attr('x1', xb)
      .attr('x2', xb)
      .attr('y1', -MARGIN.top + 2)
      .attr('y2', h)
      .attr('stroke', BOUND_COLOR);
    const right = xb > w * 0.6;
    layer<SVGTextElement>(boundG, 'text', 'bound-label')
      .attr('x', right ? xb - 4 : xb + 4)
      .attr('y', -MARGIN.top + 10)
      .attr('text-anchor', right ? 'end' : 'start')
      .text(b.label);
  }
}
