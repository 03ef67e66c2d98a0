// The paper's Figure 1 for one run (Tong, Liang & Bi, arXiv 1908.00700): pooled A-LR percentiles over
// steps on a log axis — min and max dashed, the 25–75 % band filled, the median solid, p1/p99 thin — and
// the rule's ceiling (1/ε or β/ln 2) as a labelled reference line. Pure: plain arrays in, SVG out.

import { area, line, scaleLinear, scaleLog, select } from 'd3';
import { t } from '../i18n/translate';
import type { AlrKey, AlrSeries } from './alr-series';
import type { AlrBound } from './bound';
import { isolatedIndices, onLogAxis } from './gaps';
import { BOUND_COLOR } from './palette';
import {
  type AnySelection,
  drawLogYAxis,
  drawStepAxis,
  keepAttr,
  keepText,
  layer,
  type Margin,
  stepDomain,
} from './svg-layers';

export interface AnisotropyOptions {
  width: number;
  height: number;
  /** Log y-domain (A-LR values, not log10): shared between panels so they compare at a glance. */
  yDomain: [number, number];
  color: string;
  bound: AlrBound | null;
  /** Names the bound line for tests: data-testid="bound-line-<runId>". */
  runId: string;
  /** Unique id for the clip path (one per mounted chart). */
  clipId: string;
  /** Thin p1 / p99 lines (default true). */
  showTails?: boolean;
}

const MARGIN: Margin = { top: 10, right: 12, bottom: 22, left: 46 };

const LINES: { key: AlrKey; cls: string }[] = [
  { key: 'p1', cls: 'alr-tail' },
  { key: 'p99', cls: 'alr-tail' },
  { key: 'min', cls: 'alr-extreme' },
  { key: 'max', cls: 'alr-extreme' },
  { key: 'p50', cls: 'alr-median' },
];

export function renderAnisotropy(svgEl: SVGSVGElement, data: AlrSeries, o: AnisotropyOptions): void {
  const w = Math.max(10, o.width - MARGIN.left - MARGIN.right);
  const h = Math.max(10, o.height - MARGIN.top - MARGIN.bottom);
  const svg = select(svgEl).call(keepAttr, 'width', o.width).call(keepAttr, 'height', o.height);
  svg.call(keepAttr, 'viewBox', `0 0 ${o.width} ${o.height}`);
  const x = scaleLinear().domain(stepDomain(data.steps)).range([0, w]);
  const y = scaleLog().domain(o.yDomain).range([h, 0]).clamp(false);
  const root = layer(svg, 'g', 'plot').call(keepAttr, 'transform', `translate(${MARGIN.left},${MARGIN.top})`);

  const clipId = o.clipId;
  layer(root, 'clipPath', 'clip')
    .call(keepAttr, 'id', clipId)
    .call((c) =>
      layer<SVGRectElement>(c, 'rect', 'clip-rect').call(keepAttr, 'width', w).call(keepAttr, 'height', h),
    );
  drawLogYAxis(layer(root, 'g', 'axis axis--y'), layer(root, 'g', 'grid'), y, w);
  drawStepAxis(layer(root, 'g', 'axis axis--x'), x, w, h);

  const series = layer(root, 'g', 'series').call(keepAttr, 'clip-path', `url(#${clipId})`);
  const n = data.steps.length;
  const xs = (i: number) => x(data.steps[i] as number);
  const bandDefined = (i: number) => onLogAxis(data.p25[i] as number) && onLogAxis(data.p75[i] as number);
  const band = area<number>()
    .defined(bandDefined)
    .x(xs)
    .y0((i) => y(data.p25[i] as number))
    .y1((i) => y(data.p75[i] as number));
  const indices = Array.from({ length: n }, (_, i) => i);
  layer(series, 'path', 'alr-band')
    .call(keepAttr, 'd', band(indices) ?? '')
    .call(keepAttr, 'fill', o.color);

  // Several seeds: the median's min–max range over the seeds, around the (geometric) mean median.
  const { seedLo, seedHi } = data;
  const seedBand = area<number>()
    .defined((i) => onLogAxis(seedLo?.[i] as number) && onLogAxis(seedHi?.[i] as number))
    .x(xs)
    .y0((i) => y(seedLo?.[i] as number))
    .y1((i) => y(seedHi?.[i] as number));
  layer(series, 'path', 'alr-seed-band')
    .call(keepAttr, 'd', seedLo && seedHi ? (seedBand(indices) ?? '') : '')
    .call(keepAttr, 'stroke', o.color);

  const lines = LINES.filter((l) => o.showTails !== false || l.cls !== 'alr-tail');
  series
    .selectAll<SVGPathElement, (typeof LINES)[number]>('path.alr-line')
    .data(lines, (l) => l.key)
    .join('path')
    .call(keepAttr, 'class', (l) => `alr-line ${l.cls}`)
    .call(keepAttr, 'data-key', (l) => l.key)
    .call(keepAttr, 'stroke', o.color)
    .call(keepAttr, 'd', (l) => {
      const values = data[l.key];
      return (
        line<number>()
          .defined((i) => onLogAxis(values[i] as number))
          .x(xs)
          .y((i) => y(values[i] as number))(indices) ?? ''
      );
    });
  // Isolated medians (e.g. only one snapshot yet) would draw nothing: give them a dot.
  const lonely = isolatedIndices(n, (i) => onLogAxis(data.p50[i] as number));
  series
    .selectAll('circle.alr-dot')
    .data(lonely)
    .join('circle')
    .call(keepAttr, 'class', 'alr-dot')
    .call(keepAttr, 'r', 2.5)
    .call(keepAttr, 'fill', o.color)
    .call(keepAttr, 'cx', xs)
    .call(keepAttr, 'cy', (i) => y(data.p50[i] as number));

  drawBound(root, o, y, w);
}

function drawBound(root: AnySelection, o: AnisotropyOptions, y: (v: number) => number, w: number): void {
  const g = layer(root, 'g', 'bound');
  if (!o.bound) {
    g.call(keepAttr, 'display', 'none');
    return;
  }
  const [d0, d1] = o.yDomain;
  const inside = o.bound.value >= Math.min(d0, d1) && o.bound.value <= Math.max(d0, d1);
  const yb = y(o.bound.value);
  g.call(keepAttr, 'display', inside ? null : 'none');
  layer<SVGLineElement>(g, 'line', 'bound-line')
    .call(keepAttr, 'data-testid', `bound-line-${o.runId}`)
    .call(keepAttr, 'data-value', String(o.bound.value))
    .call(keepAttr, 'x1', 0)
    .call(keepAttr, 'x2', w)
    .call(keepAttr, 'y1', yb)
    .call(keepAttr, 'y2', yb)
    .call(keepAttr, 'stroke', BOUND_COLOR);
  layer<SVGTextElement>(g, 'text', 'bound-label')
    .call(keepAttr, 'x', w - 4)
    .call(keepAttr, 'y', yb - 4)
    .call(keepAttr, 'text-anchor', 'end')
    .call(keepText, t('chart.ceilingLabel', { bound: o.bound.label }));
}
