// The views' per-dimension fields (A-LR, effective step, √v, |m|) computed from a moment read back, for
// backends whose read-back is a plain copy (WASM, CPU). There the tfjs op chain of update-ops.ts's
// adaptiveRate (4–8 ops, each a pass and an allocation) cost 1.9 ms per run of fig1-mnist's 109k weights
// on WASM, about 2% of the training time at a snapshot every 10 steps; reading the moment costs 0.06 ms.
// The rate of √v̂ + ε and softplus denominators runs four lanes at a time in the SIMD kernel
// (fused/simd-field.ts), everything else in the plain JS loops below, which are also its fallback.
//
// Every line rounds to float32 where the tensor op stores its float32 result (Math.fround), with scalars
// rounded to float32 as tfjs turns them into tensors. For + − × ÷ √ that is the IEEE float32 result, so
// the field equals the tensor path's bit for bit on every backend. Softplus takes log1p(e^{−y}) from the
// fused kernel's table in JS (Math.exp and Math.log1p cost 40 ns an element here) and from its
// polynomials in SIMD: within a few float32 ulps of the tensor path, which rounds e^{−y} and its log1p to
// float32 on the way (host-fields.test.ts). The custom rule's φ is any formula: it keeps the tensor path
// (hostFieldSupported).

import { simdRateField } from './fused/simd-field';
import { log1pExpNeg, TABLE_END } from './fused/softplus-table';
import { RULES, type Rule, secondMomentCorrection, stepBounds, stepFactor, usesTextbookForm } from './rules';
import type { OptimizerSpec, StateField } from './spec';

const f32 = Math.fround;

/** Which moment a field is computed from: m for |m|, v for √v, else the denominator's (vmax for AMS rules). */
export function fieldMomentKind(field: StateField): 'm' | 'v' | 'denominator' {
  if (field === 'absFirstMoment') return 'm';
  return field === 'sqrtSecondMoment' ? 'v' : 'denominator';
}

/** Whether `field` of this spec's rule can be computed here (a custom φ needs the tensor path). */
export function hostFieldSupported(spec: OptimizerSpec, field: StateField): boolean {
  return fieldMomentKind(field) !== 'denominator' || RULES[spec.name].denominator !== 'custom';
}

/**
 * Writes `field` at step `t` (t ≥ 1) of one variable into `out` from `offset`, from the moment that
 * fieldMomentKind names: m for |m|, v for √v, else the raw moment the denominator reads.
 */
export function writeHostField(
  spec: OptimizerSpec,
  field: StateField,
  t: number,
  moment: Float32Array,
  out: Float32Array,
  offset: number,
): void {
  const n = moment.length;
  if (field === 'absFirstMoment') {
    for (let i = 0; i < n; i++) out[offset + i] = Math.abs(moment[i] as number);
    return;
  }
  if (field === 'sqrtSecondMoment') {
    for (let i = 0; i < n; i++) out[offset + i] = Math.sqrt(moment[i] as number);
    return;
  }
  const rule = RULES[spec.name];
  writeAdaptiveRate(rule, spec, t, moment, out, offset);
  if (field !== 'effectiveStep') return;
  const factor = f32(stepFactor(rule, spec, t));
  for (let i = 0; i < n; i++) out[offset + i] = (out[offset + i] as number) * factor;
}

/** update-ops.ts's adaptiveRate, element by element in float32. */
function writeAdaptiveRate(
  rule: Rule,
  spec: OptimizerSpec,
  t: number,
  vv: Float32Array,
  out: Float32Array,
  offset: number,
): void {
  const n = vv.length;
  if (rule.denominator === 'custom') throw new Error('writeHostField: a custom φ needs the tensor path');
  if (rule.denominator === 'one') {
    out.fill(1, offset, offset + n);
    return;
  }
  // vhat = v / (1 − β2^t) in the textbook form; dividing by 1 leaves v exactly as it is.
  const correction = usesTextbookForm(rule, spec) ? f32(secondMomentCorrection(spec, t)) : 1;
  const k: RateConstants = {
    correction,
    eps: f32(spec.eps),
    beta: f32(spec.softplusBeta),
    power: f32(2 * spec.partial),
  };
  const end = offset + n;
  const denominator = rule.denominator;
  const simd =
    (denominator === 'sqrt-eps' || denominator === 'softplus') &&
    simdRateField(denominator, vv, out, offset, k.correction, k.eps, k.beta);
  if (!simd) writeRateLoop(denominator, vv, out, offset, k);
  const factor = stepFactor(rule, spec, t);
  if (!rule.bounded || factor === 0) return;
  // tf.clipByValue with bounds computed in float64, compared in float64, stored in float32.
  const { lower, upper } = stepBounds(spec, t);
  const lo = lower / factor;
  const hi = upper / factor;
  for (let i = offset; i < end; i++) {
    const rate = out[i] as number;
    out[i] = rate > hi ? hi : rate < lo ? lo : rate;
  }
}

/** The spec's scalars as float32, the way tfjs turns them into tensors. */
interface RateConstants {
  /** 1 − β2^t in the textbook form, else 1. */
  correction: number;
  eps: number;
  beta: number;
  /** Padam's 2p. */
  power: number;
}

/** The rate (before any clip) by plain JS, where the SIMD kernel does not run (simd-field.ts). */
function writeRateLoop(
  denominator: Rule['denominator'],
  vv: Float32Array,
  out: Float32Array,
  offset: number,
  { correction, eps, beta, power }: RateConstants,
): void {
  const n = vv.length;
  const end = offset + n;
  // √v̂ first, then the denominator in place: short loops without a branch, which V8 compiles tightly.
  if (correction === 1) for (let i = 0; i < n; i++) out[offset + i] = Math.sqrt(vv[i] as number);
  else for (let i = 0; i < n; i++) out[offset + i] = Math.sqrt(f32((vv[i] as number) / correction));
  if (denominator === 'softplus') {
    // (y + log1p(e^{−y}))/β with y = β·√v, log1p(e^{−y}) from the fused kernel's table.
    for (let i = offset; i < end; i++) {
      const y = f32((out[i] as number) * beta);
      // Past the table's end h(y) < 1.3e-14: y + h(y) is y in float32.
      const sum = y < TABLE_END ? f32(y + f32(log1pExpNeg(y))) : y;
      out[i] = 1 / f32(sum / beta);
    }
  } else if (denominator === 'padam') {
    for (let i = offset; i < end; i++) out[i] = 1 / f32(f32((out[i] as number) + eps) ** power);
  } else {
    for (let i = offset; i < end; i++) out[i] = 1 / f32((out[i] as number) + eps);
  }
}
