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
    .join((enter) => enter.append(tag).attr('class', cls)) as unknown as Selection<E, null, null, undefined>;
}

type AttrValue = string | number | boolean | null | undefined;
// biome-ignore lint/suspicious/noExplicitAny: a d3 attribute callback, as d3 types it
type AttrSource<D> = AttrValue | ((this: any, d: D, i: number, nodes: any) => AttrValue);
// biome-ignore lint/suspicious/noExplicitAny: a selection of any element with datum D
type DatumSelection<D> = Selection<any, D, any, any>;

/**
 * `selection.attr(name, value)` that leaves an attribute already equal alone: Chromium re-resolves
 * style and layout on every set, even of the same value, and a clip path's rect set again re-lays out
 * everything it clips (issue #12: a snapshot redraws every chart with mostly unchanged attributes).
 * Use as `.call(keepAttr, name, value)`.
 */
export function keepAttr<D>(sel: DatumSelection<D>, name: string, value: AttrSource<D>): void {
  sel.each(function (this: Element, d: D, i: number, nodes: unknown) {
    const v = typeof value === 'function' ? value.call(this, d, i, nodes) : value;
    if (v === null || v === undefined) {
      if (this.hasAttribute(name)) this.removeAttribute(name);
      return;
    }
    const text = String(v);
    if (this.getAttribute(name) !== text) this.setAttribute(name, text);
  });
}

/** `selection.text(value)` that leaves an equal text alone (a set replaces the text node: layout). */
export function keepText<D>(sel: DatumSelection<D>, value: AttrSource<D>): void {
  sel.each(function (this: Element, d: D, i: number, nodes: unknown) {
    const v = typeof value === 'function' ? value.call(this, d, i, nodes) : value;
    const text = v === null || v === undefined ? '' : String(v);
    if (this.textContent !== text) this.textContent = text;
  });
}

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

// What each axis group last drew: a redraw with the same scale and size leaves its ticks alone (a
// snapshot redraws every chart, and d3's axis rebuilds every tick's attributes and text each time).
const drawnAxes = new WeakMap<Element, string>();

/** True when `g` already shows what `key` describes; otherwise remembers `key` for next time. */
export function alreadyDrawn(g: AnySelection, key: string): boolean {
  const node = g.node() as Element | null;
  if (!node) return false;
  if (drawnAxes.get(node) === key && node.childElementCount > 0) return true;
  drawnAxes.set(node, key);
  return false;
}

/** The group was drawn by other means (another kind of axis): the next draw redraws it. */
export function forgetDrawnAxis(g: AnySelection): void {
  const node = g.node() as Element | null;
  if (node) drawnAxes.delete(node);
}

/** Draws a left log axis with decade labels and unlabelled minor ticks, plus major grid lines. */
export function drawLogYAxis(
  axisG: AnySelection,
  gridG: AnySelection,
  y: ScaleContinuousNumeric<number, number>,
  width: number,
): void {
  const key = `${y.domain().join()}|${y.range().join()}|${width}`;
  if (alreadyDrawn(axisG, key) && gridG.node()?.childElementCount > 0) return;
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
    .call(keepAttr, 'x1', 0)
    .call(keepAttr, 'x2', width)
    .call(keepAttr, 'y1', (t: LogTick) => y(t.value))
    .call(keepAttr, 'y2', (t: LogTick) => y(t.value));
}

/** Bottom step axis with about one tick per 80 px. */
export function drawStepAxis(
  axisG: AnySelection,
  x: ScaleContinuousNumeric<number, number>,
  width: number,
  height: number,
): void {
  if (alreadyDrawn(axisG, `${x.domain().join()}|${x.range().join()}|${width}|${height}`)) return;
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
