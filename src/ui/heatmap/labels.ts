// Words and number formats the heatmap, its tooltip and its legend share (words in the current language:
// call these at render time).

import type { FieldKind } from '../../engine/session/snapshot-types';
import { type StringKey, t } from '../i18n';
import type { AggregateOp } from './aggregate';

const FIELD_KEY: Readonly<Record<FieldKind, StringKey>> = {
  adaptiveRate: 'field.adaptiveRate',
  effectiveStep: 'field.effectiveStep',
  sqrtSecondMoment: 'field.sqrtSecondMoment',
  absFirstMoment: 'field.absFirstMoment',
};

/** "A-LR", "effective step", "√v", "|m|". */
export function fieldLabel(kind: FieldKind): string {
  return t(FIELD_KEY[kind]);
}

/** "max", "min", "mean" as words. */
export function opLabel(op: AggregateOp): string {
  return t(`heatmap.op.${op}`);
}

import { superscript } from '../superscript';

export { superscript };

/** "10⁻²", "10⁰", "10⁸". */
export function pow10Label(exponent: number): string {
  return `10${superscript(exponent)}`;
}

/** A field value for people: "1.00×10⁸", "72.1", "0.0123", "no data" (`digits` significant). */
export function formatValue(v: number, digits = 3): string {
  if (Number.isNaN(v)) return t('heatmap.noData');
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
