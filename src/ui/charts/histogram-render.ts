// Live histogram of log10 A-LR (pure render): bars over the fixed log edges, decade ticks, and the
// rule's ceiling as a vertical marker, so Adam's spike at 1/ε and Sadam's wall at β/ln 2 show.

import { axisLeft, format, scaleLinear, scaleLog, select } from 'd3';
import type { AlrBound } from './bound';
import type { HistogramBars } from './histogram-bars';
import { logTicks } from './log-axis';
import { BOUND_COLOR } from './palette';
import { alreadyDrawn, keepAttr, keepText, layer, type Margin } from './svg-layers';

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
  const svg = select(svgEl).call(keepAttr, 'width', o.width).call(keepAttr, 'height', o.height);
  svg.call(keepAttr, 'viewBox', `0 0 ${o.width} ${o.height}`);
  const x = scaleLog().domain(o.domain).range([0, w]);
  // No bars (before the first step): a plain 0–100 % axis rather than "0%" three times.
  const maxShare = bars.share.length > 0 ? Math.max(1e-9, ...bars.share) : 1;
  const y = scaleLinear().domain([0, maxShare]).nice(4).range([h, 0]);
  const root = layer(svg, 'g', 'plot').call(keepAttr, 'transform', `translate(${MARGIN.left},${MARGIN.top})`);

  const ticks = logTicks(o.domain, Math.max(3, Math.floor(w / 50)));
  const xAxis = layer(root, 'g', 'axis axis--x').call(keepAttr, 'transform', `translate(0,${h})`);
  xAxis
    .selectAll('line.tick-line')
    .data([null])
    .join('line')
    .call(keepAttr, 'class', 'tick-line domain-line')
    .call(keepAttr, 'x1', 0)
    .call(keepAttr, 'x2', w);
  const tickG = xAxis
    .selectAll<SVGGElement, (typeof ticks)[number]>('g.tick')
    .data(ticks.filter((t) => t.major))
    .join((enter) => {
      const g = enter.append('g').call(keepAttr, 'class', 'tick');
      g.append('line').call(keepAttr, 'y2', 4);
      g.append('text').call(keepAttr, 'y', 14).call(keepAttr, 'text-anchor', 'middle');
      return g;
    })
    .call(keepAttr, 'transform', (t) => `translate(${x(t.value)},0)`);
  tickG.select('text').call(keepText, (t) => t.label);
  const yAxis = layer(root, 'g', 'axis axis--y');
  if (!alreadyDrawn(yAxis, `${y.domain().join()}|${h}`))
    yAxis.call(axisLeft(y).ticks(3).tickFormat(format('.0%')).tickSizeOuter(0));

  const clip = layer(root, 'clipPath', 'clip').call(keepAttr, 'id', o.clipId);
  layer<SVGRectElement>(clip, 'rect', 'clip-rect')
    .call(keepAttr, 'width', w)
    .call(keepAttr, 'height', h + 1);
  const barsG = layer(root, 'g', 'bars').call(keepAttr, 'clip-path', `url(#${o.clipId})`);
  const index = bars.share.map((_, i) => i);
  barsG
    .selectAll('rect.bar')
    .data(index)
    .join('rect')
    .call(keepAttr, 'class', 'bar')
    .call(keepAttr, 'fill', o.color)
    .call(keepAttr, 'x', (i) => x(10 ** (bars.lo[i] as number)))
    .call(keepAttr, 'width', (i) =>
      Math.max(1, x(10 ** (bars.hi[i] as number)) - x(10 ** (bars.lo[i] as number)) - 0.5),
    )
    .call(keepAttr, 'y', (i) => y(bars.share[i] as number))
    .call(keepAttr, 'height', (i) => h - y(bars.share[i] as number));

  const boundG = layer(root, 'g', 'bound');
  const b = o.bound;
  const inside = b !== null && b.value >= o.domain[0] && b.value <= o.domain[1];
  boundG.call(keepAttr, 'display', inside ? null : 'none');
  if (b) {
    const xb = x(b.value);
    layer<SVGLineElement>(boundG, 'line', 'bound-marker')
      .call(keepAttr, 'data-value', String(b.value))
      .call(keepAttr, 'x1', xb)
      .call(keepAttr, 'x2', xb)
      .call(keepAttr, 'y1', -MARGIN.top + 2)
      .call(keepAttr, 'y2', h)
      .call(keepAttr, 'stroke', BOUND_COLOR);
    const right = xb > w * 0.6;
    layer<SVGTextElement>(boundG, 'text', 'bound-label')
      .call(keepAttr, 'x', right ? xb - 4 : xb + 4)
      .call(keepAttr, 'y', -MARGIN.top + 10)
      .call(keepAttr, 'text-anchor', right ? 'end' : 'start')
      .call(keepText, b.label);
  }
}
