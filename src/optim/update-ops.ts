// One variable's update as tfjs ops (docs/ARCHITECTURE.md, "The update rule"). Callers run these inside `tf.tidy`.
// Scalars such as 1 − β2 are computed in float64 here and only then become float32 tensors:
// `1 − 0.999` in float32 is off by 1.3e-5 relative.

import * as tf from '@tensorflow/tfjs-core';
import { compiledPhi } from './formula/cache';
import { phiTensor } from './formula/tf-evaluate';
import { type Rule, secondMomentCorrection, stepBounds, stepFactor, usesTextbookForm } from './rules';
import type { OptimizerSpec } from './spec';

/** Per-variable optimizer state. m and v always exist so that a live switch of rule keeps them. */
export interface Slot {
  /** Steps this variable has taken (bias corrections use it). */
  step: number;
  m: tf.Variable;
  v: tf.Variable;
  /** Running max of the raw v; only while an AMS rule is active. */
  vmax: tf.Variable | null;
}

/**
 * softplus_β(z) = log(1 + e^{βz})/β for z ≥ 0, written as (y + log1p(e^{−y}))/β with y = βz so
 * that e^{y} never overflows (β·√v reaches the thousands) and no threshold switch is needed.
 */
export function softplus(z: tf.Tensor, beta: number): tf.Tensor {
  const y = tf.mul(z, beta);
  return tf.div(tf.add(y, tf.log1p(tf.exp(tf.neg(y)))), beta);
}

/** sign(x) from comparisons: tfjs-wasm 4.22's Sign returns 0 for tiny values (e.g. −9.8e-9). */
function exactSign(x: tf.Tensor): tf.Tensor {
  return tf.sub(tf.cast(tf.greater(x, 0), 'float32'), tf.cast(tf.less(x, 0), 'float32'));
}

/** The second moment the denominator reads: the running max for AMS rules, else v. */
export function denominatorMoment(rule: Rule, slot: Slot): tf.Tensor {
  return rule.ams && slot.vmax ? slot.vmax : slot.v;
}

/** A-LR = 1/denom at step t from the (raw) moment vv; AdaBound's is the clipped rate over the step. */
export function adaptiveRate(rule: Rule, spec: OptimizerSpec, t: number, vv: tf.Tensor): tf.Tensor {
  if (rule.denominator === 'one') return tf.onesLike(vv);
  const vhat = usesTextbookForm(rule, spec) ? tf.div(vv, secondMomentCorrection(spec, t)) : vv;
  const root = tf.sqrt(vhat);
  let denom: tf.Tensor;
  if (rule.denominator === 'softplus') denom = softplus(root, spec.softplusBeta);
  else if (rule.denominator === 'custom') denom = phiTensor(compiledPhi(spec.phi), root);
  else if (rule.denominator === 'padam') denom = tf.pow(tf.add(root, spec.eps), 2 * spec.partial);
  else denom = tf.add(root, spec.eps);
  const rate = tf.reciprocal(denom);
  const factor = stepFactor(rule, spec, t);
  if (!rule.bounded || factor === 0) return rate;
  // clip(factor·rate, lower, upper)/factor, with the division done once in float64.
  const { lower, upper } = stepBounds(spec, t);
  return tf.clipByValue(rate, lower / factor, upper / factor);
}

/** x ← x − stepFactor · m ⊙ A-LR, updating the slot's moments in place (assign). */
export function applyUpdate(
  rule: Rule,
  spec: OptimizerSpec,
  x: tf.Variable,
  gradient: tf.Tensor,
  slot: Slot,
) {
  const t = slot.step;
  // Coupled L2 (as in the official code and torch.optim.Adam): g ← g + wd·x before the moments.
  const g = spec.weightDecay > 0 ? tf.add(gradient, tf.mul(x, spec.weightDecay)) : gradient;

  let m: tf.Tensor;
  if (rule.firstMoment === 'ema') m = tf.add(tf.mul(slot.m, spec.beta1), tf.mul(g, 1 - spec.beta1));
  else if (rule.firstMoment === 'momentum') m = tf.add(tf.mul(slot.m, spec.beta1), g);
  else m = g;

  if (rule.secondMoment !== 'none') {
    const g2 = tf.square(g);
    let v: tf.Tensor;
    if (rule.secondMoment === 'ema') v = tf.add(tf.mul(slot.v, spec.beta2), tf.mul(g2, 1 - spec.beta2));
    else if (rule.secondMoment === 'sum') v = tf.add(slot.v, g2);
    else v = tf.sub(slot.v, tf.mul(tf.mul(exactSign(tf.sub(slot.v, g2)), g2), 1 - spec.beta2));
    slot.v.assign(v);
    if (rule.ams && slot.vmax) slot.vmax.assign(tf.maximum(slot.vmax, v));
  }
  slot.m.assign(m);

  const rate = adaptiveRate(rule, spec, t, denominatorMoment(rule, slot));
  x.assign(tf.sub(x, tf.mul(tf.mul(m, rate), stepFactor(rule, spec, t))));
}
