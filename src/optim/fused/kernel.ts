// The fused optimizer update as one tfjs kernel (docs/ARCHITECTURE.md): inputs x, g, m, v (and vmax for AMS
// rules), outputs x', m', v' (and vmax'). Each backend registers its own implementation
// (register-*.ts); running it through tf.engine().runKernel keeps every output inside tfjs's memory
// management, so `tidy` and `numTensors` see it like any other op.

import * as tf from '@tensorflow/tfjs-core';
import type { FusedParams } from './params';

export const FUSED_UPDATE_KERNEL = 'AnisoscopeFusedUpdate';

export interface FusedInputs {
  x: tf.Tensor;
  g: tf.Tensor;
  m: tf.Tensor;
  v: tf.Tensor;
  /** Present exactly when params.ams is 1. */
  vmax?: tf.Tensor;
}

export interface FusedOutputs {
  x: tf.Tensor;
  m: tf.Tensor;
  v: tf.Tensor;
  vmax?: tf.Tensor;
}

/** The inputs a backend's kernel function receives, checked once for every backend. */
export interface FusedKernelInputs {
  x: tf.TensorInfo;
  g: tf.TensorInfo;
  m: tf.TensorInfo;
  v: tf.TensorInfo;
  vmax?: tf.TensorInfo;
}

/**
 * x, g, m and v present, all float32 and of x's shape (the kernels index them in lockstep: a mismatch
 * would read past a buffer). Throws with the reason otherwise.
 */
export function fusedKernelInputs(inputs: tf.NamedTensorInfoMap): FusedKernelInputs {
  const { x, g, m, v, vmax } = inputs as Partial<Record<string, tf.TensorInfo>>;
  if (!x || !g || !m || !v) throw new Error(`${FUSED_UPDATE_KERNEL}: x, g, m and v are required`);
  for (const t of [x, g, m, v, vmax]) {
    if (!t) continue;
    if (t.dtype !== 'float32') throw new Error(`${FUSED_UPDATE_KERNEL}: float32 only, got ${t.dtype}`);
    if (!tf.util.arraysEqual(t.shape, x.shape)) {
      throw new Error(`${FUSED_UPDATE_KERNEL}: shape ${t.shape} differs from the variable's ${x.shape}`);
    }
  }
  return vmax ? { x, g, m, v, vmax } : { x, g, m, v };
}

let enabled = true;
let calls = 0;

/** Benchmarks and tests switch the fused path off to measure or compare the plain tf-ops update. */
export function setFusedKernelsEnabled(on: boolean): void {
  enabled = on;
}

/** Whether the active backend has a fused kernel (and it is not switched off). */
export function fusedKernelAvailable(): boolean {
  return enabled && tf.getKernel(FUSED_UPDATE_KERNEL, tf.getBackend()) !== undefined;
}

/** How many fused updates have run (the self-check reports whether its steps took the fused path). */
export function fusedUpdateCount(): number {
  return calls;
}

/** Runs the fused update; the outputs are new tensors (the caller assigns or disposes them). */
export function runFusedUpdate(inputs: FusedInputs, params: FusedParams): FusedOutputs {
  if ((inputs.vmax !== undefined) !== (params.ams === 1)) {
    throw new Error('runFusedUpdate: vmax must be given exactly for AMS rules');
  }
  const named: tf.NamedTensorMap = { x: inputs.x, g: inputs.g, m: inputs.m, v: inputs.v };
  if (inputs.vmax) named.vmax = inputs.vmax;
  const attrs = params as unknown as tf.NamedAttrMap;
  const [x, m, v, vmax] = tf.engine().runKernel(FUSED_UPDATE_KERNEL, named, attrs) as tf.Tensor[];
  if (!x || !m || !v) throw new Error(`${FUSED_UPDATE_KERNEL} returned too few outputs`);
  calls += 1;
  return vmax ? { x, m, v, vmax } : { x, m, v };
}
