// A tf.Optimizer for every A-LR rule, with state kept by variable name so that a lecturer can flip a
// running Adam to Sadam (setSpec) without losing m, v or the step count. Modelled on tfjs-core's
// adam_optimizer.ts: lazy state per variable, every update inside tidy, state carried by get/setWeights.

import * as tf from '@tensorflow/tfjs-core';
// minimize() needs the ops' gradients; tfjs-core registers them only on request.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
// Not re-exported by the package index; it is the element type of tf.Optimizer's weights.
import type { NamedTensor } from '@tensorflow/tfjs-core/dist/tensor_types';
import { fusedKernelAvailable, runFusedUpdate } from './fused/kernel';
import { fusedParams } from './fused/params';
import { fieldMomentKind } from './host-fields';
import { RULES, type Rule, stepFactor } from './rules';
import { type OptimizerSpec, type OptimizerSpecInput, resolveSpec, type StateField } from './spec';
import { adaptiveRate, applyUpdate, denominatorMoment, type Slot } from './update-ops';

export type { StateField } from './spec';

const SLOT_SUFFIXES = ['m', 'v', 'vmax', 'step'] as const;
type SlotSuffix = (typeof SLOT_SUFFIXES)[number];

export class CalibratedOptimizer extends tf.Optimizer {
  /** @nocollapse */
  static get className(): string {
    return 'CalibratedOptimizer';
  }

  private specValue: OptimizerSpec;
  private readonly slots = new Map<string, Slot>();

  constructor(spec: OptimizerSpecInput) {
    super();
    this.specValue = resolveSpec(spec);
  }

  /** The resolved spec in force (a copy). */
  get spec(): OptimizerSpec {
    return { ...this.specValue };
  }

  /**
   * Changes hyperparameters (the rule's name included) between steps, keeping m, v and the step count.
   * Validates first: on an invalid value it throws InvalidSpecError and changes nothing.
   */
  setSpec(partial: Partial<OptimizerSpecInput>): void {
    const next = resolveSpec({ ...partial, name: partial.name ?? this.specValue.name }, this.specValue);
    const wasAms = RULES[this.specValue.name].ams;
    const isAms = RULES[next.name].ams;
    this.specValue = next;
    if (isAms === wasAms) return;
    for (const slot of this.slots.values()) {
      // Entering an AMS rule starts its running max at the current v; leaving one drops it.
      slot.vmax?.dispose();
      slot.vmax = isAms ? tf.variable(slot.v, false) : null;
    }
  }

  override applyGradients(variableGradients: tf.NamedTensorMap | NamedTensor[]): void {
    const entries: [string, tf.Tensor | undefined][] = Array.isArray(variableGradients)
      ? variableGradients.map((v) => [v.name, v.tensor])
      : Object.entries(variableGradients);
    const rule = RULES[this.specValue.name];
    const spec = this.specValue;
    // One fused kernel per variable where the backend has one (fused/), else tf ops.
    // A φ formula has no fused template (it is any tree of ops): the custom rule always runs as tf ops.
    const fused = rule.denominator !== 'custom' && fusedKernelAvailable();
    tf.tidy(() => {
      for (const [name, gradient] of entries) {
        if (gradient == null) continue;
        const variable = tf.engine().registeredVariables[name];
        if (!variable) throw new Error(`CalibratedOptimizer: no variable named '${name}' is registered`);
        const slot = this.slotFor(name, variable);
        slot.step += 1;
        if (fused && gradient.dtype === 'float32') applyFusedUpdate(rule, spec, variable, gradient, slot);
        else applyUpdate(rule, spec, variable, gradient, slot);
      }
    });
    this.incrementIterations();
  }

  /**
   * The current A-LR (1/denom, docs/ARCHITECTURE.md "The update rule") of every variable that has taken a step, keyed by
   * variable name. The tensors are new: the caller disposes them. Empty before the first step.
   */
  adaptiveRates(): { [variableName: string]: tf.Tensor } {
    return this.fields('adaptiveRate');
  }

  /** Per-variable fields for the views: A-LR, effective step (step factor × A-LR), √v, |m|. New tensors. */
  fields(field: StateField): { [variableName: string]: tf.Tensor } {
    const rule = RULES[this.specValue.name];
    const spec = this.specValue;
    const out: { [variableName: string]: tf.Tensor } = {};
    for (const [name, slot] of this.slots) {
      if (slot.step === 0) continue;
      out[name] = tf.tidy(() => {
        if (field === 'sqrtSecondMoment') return tf.sqrt(slot.v);
        if (field === 'absFirstMoment') return tf.abs(slot.m);
        const rate = adaptiveRate(rule, spec, slot.step, denominatorMoment(rule, slot));
        return field === 'effectiveStep' ? tf.mul(rate, stepFactor(rule, spec, slot.step)) : rate;
      });
    }
    return out;
  }

  /**
   * What host-fields.ts computes `field` from, per variable that has taken a step: its step count and the
   * live moment tensor (host-fields.ts's fieldMomentKind). The tensors are the optimizer's
   * own state: read them, never dispose them.
   */
  fieldMoments(field: StateField): Map<string, { step: number; moment: tf.Tensor }> {
    const rule = RULES[this.specValue.name];
    const moments = new Map<string, { step: number; moment: tf.Tensor }>();
    for (const [name, slot] of this.slots) {
      if (slot.step === 0) continue;
      const kind = fieldMomentKind(field);
      const moment = kind === 'm' ? slot.m : kind === 'v' ? slot.v : denominatorMoment(rule, slot);
      moments.set(name, { step: slot.step, moment });
    }
    return moments;
  }

  /** Steps taken by each variable (they differ only if variables joined at different times). */
  stepCounts(): { [variableName: string]: number } {
    return Object.fromEntries([...this.slots].map(([name, slot]) => [name, slot.step]));
  }

  override dispose(): void {
    for (const slot of this.slots.values()) disposeSlot(slot);
    this.slots.clear();
  }

  /**
   * [iterations, then per variable `<name>/m`, `<name>/v`, `<name>/vmax` (AMS only), `<name>/step`].
   * m, v, vmax are the live state variables (as tf.train.adam returns them); the scalars are new.
   */
  override async getWeights(): Promise<NamedTensor[]> {
    const weights: NamedTensor[] = [await this.saveIterations()];
    for (const [name, slot] of this.slots) {
      weights.push({ name: `${name}/m`, tensor: slot.m }, { name: `${name}/v`, tensor: slot.v });
      if (slot.vmax) weights.push({ name: `${name}/vmax`, tensor: slot.vmax });
      weights.push({ name: `${name}/step`, tensor: tf.scalar(slot.step, 'int32') });
    }
    return weights;
  }

  /** Restores what getWeights produced (the tensors are copied; the caller keeps ownership). */
  override async setWeights(weightValues: NamedTensor[]): Promise<void> {
    const rest = await this.extractIterations(weightValues);
    const parsed = new Map<string, Partial<Record<SlotSuffix, tf.Tensor>>>();
    for (const { name, tensor } of rest) {
      const cut = name.lastIndexOf('/');
      const suffix = name.slice(cut + 1) as SlotSuffix;
      if (cut < 0 || !SLOT_SUFFIXES.includes(suffix)) {
        throw new Error(`CalibratedOptimizer.setWeights: unexpected weight '${name}'`);
      }
      const variableName = name.slice(0, cut);
      parsed.set(variableName, { ...parsed.get(variableName), [suffix]: tensor });
    }
    const steps = new Map<string, number>();
    for (const [variableName, parts] of parsed) {
      if (!parts.m || !parts.v || !parts.step) {
        throw new Error(`CalibratedOptimizer.setWeights: incomplete state for '${variableName}'`);
      }
      steps.set(variableName, (await parts.step.data())[0] ?? 0);
    }
    this.dispose();
    const isAms = RULES[this.specValue.name].ams;
    for (const [variableName, parts] of parsed) {
      const m = parts.m as tf.Tensor;
      const v = parts.v as tf.Tensor;
      const vmaxSource = parts.vmax ?? v;
      // tf.variable shares the buffer by reference count: the caller may dispose its tensors.
      this.slots.set(variableName, {
        step: steps.get(variableName) ?? 0,
        m: tf.variable(m, false),
        v: tf.variable(v, false),
        vmax: isAms ? tf.variable(vmaxSource, false) : null,
      });
    }
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...this.specValue };
  }

  /** @nocollapse */
  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    return new cls(config);
  }

  private slotFor(name: string, variable: tf.Variable): Slot {
    let slot = this.slots.get(name);
    if (!slot) {
      slot = {
        step: 0,
        m: zerosVariable(variable),
        v: zerosVariable(variable),
        vmax: RULES[this.specValue.name].ams ? zerosVariable(variable) : null,
      };
      this.slots.set(name, slot);
    }
    return slot;
  }
}

/** The same step as applyUpdate, as one kernel call; the outputs replace the state (assign). */
function applyFusedUpdate(
  rule: Rule,
  spec: OptimizerSpec,
  variable: tf.Variable,
  gradient: tf.Tensor,
  slot: Slot,
): void {
  const params = fusedParams(rule, spec, slot.step);
  const vmax = params.ams === 1 && slot.vmax ? slot.vmax : undefined;
  if (params.ams === 1 && !vmax) params.ams = 0;
  const out = runFusedUpdate({ x: variable, g: gradient, m: slot.m, v: slot.v, vmax }, params);
  variable.assign(out.x);
  slot.m.assign(out.m);
  slot.v.assign(out.v);
  if (out.vmax && slot.vmax) slot.vmax.assign(out.vmax);
}

function zerosVariable(like: tf.Tensor): tf.Variable {
  return tf.tidy(() => tf.variable(tf.zerosLike(like), false));
}

function disposeSlot(slot: Slot): void {
  slot.m.dispose();
  slot.v.dispose();
  slot.vmax?.dispose();
}

tf.serialization.registerClass(CalibratedOptimizer);
