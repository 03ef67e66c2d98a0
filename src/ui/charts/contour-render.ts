// Loss-surface contour plot with every run's path (pure render): filled log-spaced contours
// (d3.contours), one path per run in its run colour, the start and the minimum marked.

import {
  axisBottom,
  axisLeft,
  contours,
  geoPath,
  geoTransform,
  interpolateGnBu,
  scaleLinear,
  select,
} from 'd3';
import { t } from '../i18n/translate';
import { alrCrossPath } from './alr-cross';
import type { SurfaceGrid } from './contour-grid';
import { formatPlain } from './log-axis';
import { polylinePath } from './polyline';
import { layer } from './svg-layers';

export interface TrajectoryPath {
  runId: string;
  label: string;
  color: string;
  /** x, y pairs. */
  xy: readonly number[];
  /** The run's A-LR of x and of y at its current point, drawn as a cross there (alr-cross.ts). */
  alr?: [number, number] | null;
}

export interface ContourOptions {
  width: number;
  height: number;
  extent: [number, number, number, number];
  grid: SurfaceGrid | null;
  thresholds: number[];
  paths: readonly TrajectoryPath[];
  start: [number, number] | null;
  minimum: [number, number];
  /** Unique id for the clip path (one per mounted plot). */
  clipId: string;
}

/** Room for the coordinate axes around the plot. */
export const CONTOUR_MARGIN = { top: 8, right: 8, bottom: 20, left: 30 } as const;

/** Pixel ↔ data scales of the plot inside the whole SVG (also turn a click into a start point). */
export function contourScales(o: {
  width: number;
  height: number;
  extent: [number, number, number, number];
}) {
  const [x0, x1, y0, y1] = o.extent;
  const m = CONTOUR_MARGIN;
  return {
    x: scaleLinear()
      .domain([x0, x1])
      .range([m.left, o.width - m.right]),
    y: scaleLinear()
      .domain([y0, y1])
      .range([o.height - m.bottom, m.top]),
  };
}

const contoursDrawn = new WeakMap<
  SVGGElement,
  { grid: SurfaceGrid | null; thresholds: number[]; w: number; h: number }
>();

export function renderContours(svgEl: SVGSVGElement, o: ContourOptions): void {
  const svg = select(svgEl).attr('width', o.width).attr('height', o.height);
  svg.attr('viewBox', `0 0 ${o.width} ${o.height}`);
  const { x, y } = contourScales(o);

  const fillG = layer(svg, 'g', 'contours');
  // The contours only change with the surface or the size: skip d3.contours on the per-snapshot redraws.
  const drawn = contoursDrawn.get(fillG.node() as SVGGElement);
  const same =
    drawn?.grid === o.grid &&
    drawn.thresholds === o.thresholds &&
    drawn.w === o.width &&
    drawn.h === o.height;
  if (same) {
    // Nothing to do.
  } else if (o.grid) {
    const { cols, rows } = o.grid;
    const m = CONTOUR_MARGIN;
    const sx = (o.width - m.left - m.right) / cols;
    const sy = (o.height - m.top - m.bottom) / rows;
    const project = geoPath(
      geoTransform({
        point(px, py) {
          this.stream.point(m.left + px * sx, m.top + py * sy);
        },
      }),
    );
    const bands = contours().size([cols, rows]).thresholds(o.thresholds)(Array.from(o.grid.values));
    const n = Math.max(1, bands.length - 1);
    fillG
      .selectAll('path')
      .data(bands)
      .join('path')
      .attr('class', 'contour')
      .attr('d', (b) => project(b) ?? '')
      // Low loss light, high loss darker: the paths (run colours) stay readable on both.
      .attr('fill', (_, i) => interpolateGnBu(0.05 + 0.45 * (i / n)));
  } else {
    fillG.selectAll('path').remove();
  }
  contoursDrawn.set(fillG.node() as SVGGElement, {
    grid: o.grid,
    thresholds: o.thresholds,
    w: o.width,
    h: o.height,
  });

  const m = CONTOUR_MARGIN;
  layer(svg, 'g', 'axis axis--x')
    .attr('transform', `translate(0,${o.height - m.bottom})`)
    .call(
      axisBottom(x)
        .ticks(Math.max(2, Math.floor(o.width / 70)))
        .tickSizeOuter(0),
    );
  layer(svg, 'g', 'axis axis--y')
    .attr('transform', `translate(${m.left},0)`)
    .call(
      axisLeft(y)
        .ticks(Math.max(2, Math.floor(o.height / 60)))
        .tickSizeOuter(0),
    );

  // Clip the paths to the plot: a diverging run flies off towards ±1e30 before it turns NaN.
  const clip = layer(svg, 'clipPath', 'clip').attr('id', o.clipId);
  layer<SVGRectElement>(clip, 'rect', 'clip-rect')
    .attr('x', m.left)
    .attr('y', m.top)
    .attr('width', Math.max(0, o.width - m.left - m.right))
    .attr('height', Math.max(0, o.height - m.top - m.bottom));
  const pathsG = layer(svg, 'g', 'trajectories').attr('clip-path', `url(#${o.clipId})`);
  const runG = pathsG
    .selectAll<SVGGElement, TrajectoryPath>('g.trajectory')
    .data(o.paths, (p) => p.runId)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'trajectory');
      g.append('path').attr('class', 'trajectory-path');
      const cross = g.append('path').attr('class', 'alr-cross');
      cross.append('title');
      g.append('circle').attr('class', 'trajectory-head').attr('r', 4);
      return g;
    })
    .attr('data-run', (p) => p.runId)
    .attr('data-points', (p) => String(p.xy.length / 2));
  runG
    .select<SVGPathElement>('path')
    .attr('stroke', (p) => p.color)
    // Earlier runs wider, so paths that coincide (Adam and Sadam often do) all stay visible.
    .attr('stroke-width', (_, i) => 1.5 + 1.5 * (o.paths.length - 1 - i))
    .attr('d', (p) => polylinePath(p.xy, x, y));
  runG
    .select<SVGCircleElement>('circle')
    .attr('fill', (p) => p.color)
    .attr('display', (p) => (lastFinite(p.xy) ? null : 'none'))
    .attr('cx', (p) => x(lastFinite(p.xy)?.[0] ?? 0))
    .attr('cy', (p) => y(lastFinite(p.xy)?.[1] ?? 0));
  const cross = runG
    .select<SVGPathElement>('path.alr-cross')
    .attr('stroke', (p) => p.color)
    .attr('display', (p) => (p.alr?.every(Number.isFinite) && lastFinite(p.xy) ? null : 'none'))
    .attr('transform', (p) => {
      const head = lastFinite(p.xy);
      return head ? `translate(${x(head[0])},${y(head[1])})` : null;
    })
    .attr('d', (p) => (p.alr ? alrCrossPath(p.alr[0], p.alr[1]) : ''))
    .attr('data-alr', (p) => (p.alr ? p.alr.join(',') : null));
  cross
    .select('title')
    .text((p) =>
      p.alr
        ? t('chart.alrCrossTitle', { run: p.label, x: formatPlain(p.alr[0]), y: formatPlain(p.alr[1]) })
        : '',
    );

  const marks = layer(svg, 'g', 'marks');
  const minG = layer(marks, 'g', 'mark-minimum').attr(
    'transform',
    `translate(${x(o.minimum[0])},${y(o.minimum[1])})`,
  );
  layer<SVGPathElement>(minG, 'path', 'mark-shape').attr('d', 'M-6,0L6,0M0,-6L0,6');
  layer<SVGTextElement>(minG, 'text', 'mark-label').attr('x', 7).attr('y', 12).text(t('chart.minimum'));
  const startG = layer(marks, 'g', 'mark-start').attr('display', o.start ? null : 'none');
  if (o.start) {
    startG.attr('transform', `translate(${x(o.start[0])},${y(o.start[1])})`);
    layer<SVGCircleElement>(startG, 'circle', 'mark-shape').attr('r', 5);
    layer<SVGTextElement>(startG, 'text', 'mark-label').attr('x', 8).attr('y', -6).text(t('chart.start'));
  }
}

function lastFinite(xy: readonly number[]): [number, number] | null {
  for (let i = Math.floor(xy.length / 2) - 1; i >= 0; i--) {
    const a = xy[2 * i] as number;
    const b = xy[2 * i + 1] as number;
    if (Number.isFinite(a) && Number.isFinite(b)) return [a, b];
  }
  return null;
}
