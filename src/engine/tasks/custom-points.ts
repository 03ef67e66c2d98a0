// User-supplied 2-D points (e.g. from a CSV): validation, rescaling into the view and a
// deterministic hold-out split. Plain data and pure functions, no tfjs, so the UI and the CSV
// parser can use the same checks the engine applies.

import { type CustomPointsProblem, MessageError } from '../messages';
import { createRandom, shuffle } from '../random';
import type { CustomPoints } from './configs';
import type { Points2d } from './datasets-2d';

export type { CustomPoints };

export const CUSTOM_POINTS_LIMITS = {
  minPoints: 4,
  maxPoints: 20_000,
  minClasses: 2,
  maxClasses: 10,
  /** Below this many points the test set is the training set itself. */
  holdOutFrom: 40,
  /** Share of the points held out as the test set. */
  testShare: 0.2,
} as const;

/**
 * Coordinates the rescaling into [-1, 1]² cannot use: an axis whose span (max − min) overflows to
 * infinity (values more than ~1.8e308 apart: the scale became 0), or the axis that decides the scale
 * spanning so little (a subnormal span, under ~1e-308) that 1 / span overflows and its distinct values
 * would land on one float32 position. Either way every point collapses to one spot and training runs at
 * chance. (Values close together but large, like 1e300 and 1.0000001e300, are fine: the points are
 * centred before scaling.)
 */
export interface SpanProblem {
  axis: 'x' | 'y';
  kind: 'overflow' | 'collapse';
  min: number;
  max: number;
}

export function spanProblem(points: CustomPoints): SpanProblem | null {
  const n = points.labels.length;
  const range = (axis: 0 | 1) => {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = points.xy[2 * i + axis] as number;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    return { min, max, span: max - min };
  };
  const axes = [range(0), range(1)] as const;
  for (const [i, a] of axes.entries()) {
    if (!Number.isFinite(a.span)) return { axis: i === 0 ? 'x' : 'y', kind: 'overflow', ...a };
  }
  // The longer side sets the scale: its distinct values must stay distinct once scaled to float32.
  const longer = axes[0].span >= axes[1].span ? 0 : 1;
  const a = axes[longer];
  if (a.span > 0) {
    const half = a.span / 2;
    const scale = 1 / half;
    const centre = a.min / 2 + a.max / 2;
    const lo = Math.fround((a.min - centre) * (Number.isFinite(scale) ? scale : 0));
    const hi = Math.fround((a.max - centre) * (Number.isFinite(scale) ? scale : 0));
    if (!Number.isFinite(scale) || !(hi > lo))
      return { axis: longer === 0 ? 'x' : 'y', kind: 'collapse', min: a.min, max: a.max };
  }
  return null;
}

/** What is wrong with a set of custom points (a typed code the UI words), or null when the engine can train on them. */
export function checkCustomPoints(points: CustomPoints | undefined): CustomPointsProblem | null {
  const L = CUSTOM_POINTS_LIMITS;
  if (!points || !Array.isArray(points.xy) || !Array.isArray(points.labels)) return { code: 'missing' };
  const n = points.labels.length;
  if (points.xy.length !== 2 * n) return { code: 'lengths', coordinates: points.xy.length, labels: n };
  if (n < L.minPoints) return { code: 'tooFew', points: n, min: L.minPoints };
  if (n > L.maxPoints) return { code: 'tooMany', points: n, max: L.maxPoints };
  for (let i = 0; i < points.xy.length; i++) {
    const v = points.xy[i];
    if (typeof v !== 'number' || !Number.isFinite(v))
      return { code: 'notFinite', coordinate: i, point: Math.floor(i / 2) };
  }
  for (let i = 0; i < n; i++) {
    const label = points.labels[i];
    if (typeof label !== 'number' || !Number.isInteger(label) || label < 0 || label >= L.maxClasses)
      return { code: 'badLabel', point: i, max: L.maxClasses - 1 };
  }
  if (new Set(points.labels).size < L.minClasses) return { code: 'oneClass', min: L.minClasses };
  const span = spanProblem(points);
  if (span) return { code: span.kind, axis: span.axis, min: span.min, max: span.max };
  return null;
}

/** The points, or the refusal as a typed error (the worker sends it to the page as it is). */
function checked(points: CustomPoints | undefined): CustomPoints {
  const problem = checkCustomPoints(points);
  if (problem || !points)
    throw new MessageError({ kind: 'customPoints', problem: problem ?? { code: 'missing' } });
  return points;
}

/** Custom points rescaled into [-1, 1]², keeping the aspect ratio. */
export interface ScaledPoints extends Points2d {
  /** The file's bounding box: [xMin, xMax, yMin, yMax]. */
  bounds: [number, number, number, number];
  /** View units per file unit (the same on both axes). */
  scale: number;
}

/** Centres the bounding box on the origin and scales its longer side to [-1, 1]. */
export function scaleCustomPoints(unchecked: CustomPoints): ScaledPoints {
  const points = checked(unchecked);
  const n = points.labels.length;
  let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    const x = points.xy[2 * i] as number;
    const y = points.xy[2 * i + 1] as number;
    xMin = Math.min(xMin, x);
    xMax = Math.max(xMax, x);
    yMin = Math.min(yMin, y);
    yMax = Math.max(yMax, y);
  }
  const half = Math.max(xMax - xMin, yMax - yMin) / 2;
  // All points in one place: nothing to stretch, just centre them. (An overflowing or collapsing span
  // was refused above: spanProblem.)
  const scale = half > 0 ? 1 / half : 1;
  const cx = xMin / 2 + xMax / 2;
  const cy = yMin / 2 + yMax / 2;
  const xy = new Float32Array(2 * n);
  const labels = new Uint8Array(n);
  let classes = 0;
  for (let i = 0; i < n; i++) {
    xy[2 * i] = ((points.xy[2 * i] as number) - cx) * scale;
    xy[2 * i + 1] = ((points.xy[2 * i + 1] as number) - cy) * scale;
    const label = points.labels[i] as number;
    labels[i] = label;
    classes = Math.max(classes, label + 1);
  }
  return { xy, labels, classes, bounds: [xMin, xMax, yMin, yMax], scale };
}

function subset(points: Points2d, indices: ArrayLike<number>): Points2d {
  const xy = new Float32Array(indices.length * 2);
  const labels = new Uint8Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    xy[2 * k] = points.xy[2 * i] as number;
    xy[2 * k + 1] = points.xy[2 * i + 1] as number;
    labels[k] = points.labels[i] as number;
  }
  return { xy, labels, classes: points.classes };
}

/**
 * Train and test sets: a seeded shuffle holds out a fifth of each class (stratified, so every
 * class is in both); with fewer than 40 points both sets are all the points.
 */
export function splitCustomPoints(points: Points2d, seed: number): { train: Points2d; test: Points2d } {
  const n = points.labels.length;
  if (n < CUSTOM_POINTS_LIMITS.holdOutFrom) return { train: points, test: points };
  const random = createRandom(seed);
  const train: number[] = [];
  const test: number[] = [];
  for (let c = 0; c < points.classes; c++) {
    const members: number[] = [];
    for (let i = 0; i < n; i++) if (points.labels[i] === c) members.push(i);
    shuffle(members, random);
    // Keep at least one point of a class for training; hold out none of a singleton class.
    const held = Math.min(members.length - 1, Math.round(members.length * CUSTOM_POINTS_LIMITS.testShare));
    test.push(...members.slice(0, held));
    train.push(...members.slice(held));
  }
  train.sort((a, b) => a - b);
  test.sort((a, b) => a - b);
  return { train: subset(points, train), test: subset(points, test.length > 0 ? test : train) };
}

/** A short, readable number for titles: 3 significant digits, no trailing zeros. */
function short(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(1);
  return String(Number(v.toPrecision(3)));
}

/** How the file's coordinates map onto the view, for the task title. */
export function describeScale(scaled: ScaledPoints): string {
  const [xMin, xMax, yMin, yMax] = scaled.bounds;
  return `x ${short(xMin)}…${short(xMax)}, y ${short(yMin)}…${short(yMax)} (×${short(scaled.scale)})`;
}
