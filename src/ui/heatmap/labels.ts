// Words and number formats the heatmap, its tooltip and its legend share.

import type { FieldKind } from '../../engine/session/snapshot-types';

export const FIELD_LABEL: Readonly<Record<FieldKind, string>> = {
  adaptiveRate: 'A-LR',
  effectiveStep: 'effective step',
  sqrtSecondMoment: '√v',
  absFirstMoment: '|m|',
};

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '.': '·',
};

export function superscript(n: number): string {
  return [...String(n)].map((ch) => SUPERSCRIPT[ch] ?? ch).join('');
}

/** "10⁻²", "10⁰", "10⁸". */
export function pow10Label(exponent: number): string {
  return `10${superscript(exponent)}`;
}

/** A field value for people: "1.00×10⁸", "72.1", "0.0123", "no data" (`digits` significant). */
export function formatValue(v: number, digits = 3): string {
  if (Number.isNaN(v)) return 'no data';
  if (v === 0) return '0';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  if (a >= 1e-2 && a < 1e4) {
    const text = v.toPrecision(digits);
    return text.includes('e') ? String(Number(text)) : text; // 1190, not 1.19e+3
  }
  const [mantissa, exponent] = v.toExponential(digits - 1).split('e') as [string, string];
  return `${mantissa}×10${superscript(Number(exponent))}`;
}
