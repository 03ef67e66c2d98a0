// The value types of the URL schema's rows: each parses a decoded string (clamping where sensible, with
// a note), formats a value back, and says which values it can write. Pure (no tfjs, no DOM).

import { splitLayerSizes } from '../../engine/tasks/configs';
import type { Expected, ValueProblem } from './url-notices';

/** A value read (with a note when it was clamped or cut), or why it was refused; typed, never a sentence. */
export type Parsed<T> = { ok: true; value: T; note?: ValueProblem } | { ok: false; problem: ValueProblem };

export interface ValueType<T> {
  /** What a valid value looks like, for notices ("an integer from 1 to 1024"). */
  expected: Expected;
  parse(text: string): Parsed<T>;
  format(value: T): string;
  /** Whether `value` is something `format` can write and `parse` reads back unchanged. */
  accepts(value: unknown): value is T;
}

/** Shortest round-trip text for a number, without '+' (which a query string reads as a space). */
export function formatNumber(n: number): string {
  const plain = String(n).replace('e+', 'e');
  const exp = n.toExponential().replace('e+', 'e');
  return exp.length < plain.length ? exp : plain;
}

/** A finite number from text, or null ('' and '  ' are not 0 here, unlike `Number`). */
export function parseNumber(text: string): number | null {
  // A literal '+' (1e+3) arrives as a space after form decoding.
  const t = text.trim().replace(/ /g, '+');
  if (t === '' || t.length > 40) return null;
  const n = Number(t);
  if (!Number.isFinite(n)) return null;
  return n === 0 ? 0 : n; // -0 would not survive a round trip through text
}

/** A number as a person reads it in a notice ("0.001", "10000"). */
export function showNumber(n: number): string {
  return String(n).replace('e+', 'e');
}

export function enumOf<T extends string>(values: readonly T[]): ValueType<T> {
  const expected: Expected = { kind: 'oneOf', values };
  return {
    expected,
    parse(text) {
      const t = text.trim().toLowerCase();
      const hit = values.find((v) => v.toLowerCase() === t);
      return hit === undefined
        ? { ok: false, problem: { code: 'invalid', expected } }
        : { ok: true, value: hit };
    },
    format: (v) => v,
    accepts: (v): v is T => typeof v === 'string' && (values as readonly string[]).includes(v),
  };
}

/** A number in [min, max]; outside is clamped to the nearer end (with a note), integers rounded if asked. */
export function numberIn(min: number, max: number, integer = false): ValueType<number> {
  const expected: Expected = { kind: 'number', min, max, integer };
  return {
    expected,
    parse(text) {
      const t = text.trim();
      const n = t === 'Infinity' || t === '+Infinity' ? max : t === '-Infinity' ? min : parseNumber(t);
      if (n === null) return { ok: false, problem: { code: 'notANumber', expected } };
      let value = integer ? Math.round(n) : n;
      value = Math.min(max, Math.max(min, value));
      return value === n ? { ok: true, value } : { ok: true, value, note: { code: 'outOfRange', expected } };
    },
    format: formatNumber,
    accepts: (v): v is number =>
      typeof v === 'number' &&
      Number.isFinite(v) &&
      v >= min &&
      v <= max &&
      (!integer || Number.isInteger(v)),
  };
}

/** Layer sizes written "128-64": 1 to `maxLayers` whole numbers from 1 to `maxUnits`. */
export function layerSizes(maxLayers: number, maxUnits: number): ValueType<number[]> {
  const unit = numberIn(1, maxUnits, true);
  const expected: Expected = { kind: 'layers', maxLayers, unit: unit.expected };
  return {
    expected,
    parse(text) {
      const parts = splitLayerSizes(text);
      if (parts.length === 0) return { ok: false, problem: { code: 'invalid', expected } };
      let clamped = false;
      const sizes: number[] = [];
      for (const part of parts.slice(0, maxLayers)) {
        const p = unit.parse(part);
        if (!p.ok) return { ok: false, problem: { code: 'invalid', expected } };
        if (p.note) clamped = true;
        sizes.push(p.value);
      }
      if (parts.length > maxLayers) {
        const note: ValueProblem = clamped
          ? { code: 'layersCut', max: maxLayers, unit: unit.expected }
          : { code: 'layersCut', max: maxLayers };
        return { ok: true, value: sizes, note };
      }
      return clamped
        ? { ok: true, value: sizes, note: { code: 'outOfRange', expected: unit.expected } }
        : { ok: true, value: sizes };
    },
    format: (v) => v.join('-'),
    accepts: (v): v is number[] =>
      Array.isArray(v) && v.length >= 1 && v.length <= maxLayers && v.every((n) => unit.accepts(n)),
  };
}

/** A point written "x,y", each coordinate clamped into [min, max]. */
export function pointIn(min: number, max: number): ValueType<[number, number]> {
  const coord = numberIn(min, max);
  const expected: Expected = { kind: 'point', coord: coord.expected };
  return {
    expected,
    parse(text) {
      const parts = text.split(/[\s,;]+/).filter(Boolean);
      if (parts.length !== 2) return { ok: false, problem: { code: 'invalid', expected } };
      const x = coord.parse(parts[0] as string);
      const y = coord.parse(parts[1] as string);
      if (!x.ok || !y.ok) return { ok: false, problem: { code: 'invalid', expected } };
      const value: [number, number] = [x.value, y.value];
      return x.note || y.note
        ? { ok: true, value, note: { code: 'outOfRange', expected } }
        : { ok: true, value };
    },
    format: (v) => `${formatNumber(v[0])},${formatNumber(v[1])}`,
    accepts: (v): v is [number, number] =>
      Array.isArray(v) && v.length === 2 && coord.accepts(v[0]) && coord.accepts(v[1]),
  };
}
