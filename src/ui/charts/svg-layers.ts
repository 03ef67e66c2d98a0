// Small d3 helpers the SVG render functions share: idempotent layers (select-or-append, so a redraw
// updates in place) and axes with the log ticks of log-axis.ts.

import { axisBottom, axisLeft, type ScaleContinuousNumeric, type Selection } from 'd3';
import { type LogTick, logTicks } from './log-axis';

// biome-ignore lint/suspicious/noExplicitAny: d3 selections of any element/datum type
export type AnySelection = Selection<any, any, any, any>;

/** The one child `<tag class="cls">` of parent, created on first use. */
export function layer<E extends Element = SVGGElement>(
  parent: AnySelection,
  tag: string,
  cls: string,
): Selection<E, null, null, undefined> {
  // Every class of cls in the selector ("axis axis--x" → g.axis.axis--x), so the layer is found again.
  const classes = cls.trim().split(/\s+/).join('.');
  return parent
    .selectAll(`:scope > ${tag}.${classes}`)
    .data([null])
    .join(tag)
    .attr('class', cls) as unknown as Selection<E, null, null, undefined>;
}

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Draws a left log axis with decade labels and unlabelled minor ticks, plus major grid lines. */
export function drawLogYAxis(
  axisG: AnySelection,
  gridG: AnySelection,
  y: ScaleContinuousNumeric<number, number>,
  width: number,
): void {
  const ticks: LogTick[] = logTicks(y.domain() as [number, number], 6);
  const labelOf = new Map(ticks.map((t) => [t.value, t.label]));
  axisG.call(
    axisLeft(y)
      .tickValues(ticks.map((t) => t.value))
      .tickFormat((v) => labelOf.get(v as number) ?? '')
      .tickSizeOuter(0),
  );
  gridG
    .selectAll('line')
    .data(ticks.filter((t) => t.major))
    .join('line')
    .attr('x1', 0)
    .attr('x2', width)
    .attr('y1', (t) => y(t.value))
    .attr('y2', (t) => y(t.value));
}

/** Bottom step axis with about one tick per 80 px. */
export function drawStepAxis(
  axisG: AnySelection,
  x: ScaleContinuousNumeric<number, number>,
  width: number,
  height: number,
): void {
  axisG.attr('transform', `translate(0,${height})`).call(
    axisBottom(x)
      .ticks(Math.max(2, Math.floor(width / 80)))
      .tickFormat((v) => formatStep(v as number))
      .tickSizeOuter(0),
  );
}

export function formatStep(v: number): string {
  if (Math.abs(v) >= 1e4) return `${Number((v / 1000).toPrecision(3))}k`;
  return String(Math.round(v * 100) / 100);
}

/** x domain for steps: the data's extent, widened when it is a single step (or empty). */
export function stepDomain(steps: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of steps) {
    if (Number.isFinite(s)) {
      if (s < lo) lo = s;
      if (s > hi) hi = s;
    }
  }
  if (!(lo <= hi)) return [0, 1];
  if (hi - lo < 1) return [Math.max(0, lo - 1), lo + 1];
  return [lo, hi];
}
