// Runs an optimizer on a small problem with tfjs and records its trajectory with async reads only
// (never dataSync: on WebGPU here it returns zeros and kills the device). Shared by the unit tests
// (Node) and the in-app self-check (any backend in the browser).

import * as tf from '@tensorflow/tfjs-core';
import { createOptimizer } from './index';
import type { OptimizerSpecInput } from './spec';

/** seq8-style fixed gradients (one vector per step), or Rosenbrock with exact autodiff gradients. */
export type Problem =
  | { kind: 'fixed'; x0: number[]; grads: number[][] }
  | { kind: 'rosenbrock'; x0: number[] };

export interface Trajectory {
  /** params[k], alr[k]: after step k + 1, as float32 values. */
  params: Float32Array[];
  alr: Float32Array[];
}

let trajectoryId = 0;

/** (1 − a)² + 100 (b − a²)² on a 2-vector, in tf ops so that tf.grad gives the exact gradient. */
export function rosenbrockLoss(x: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const [a, b] = tf.split(x, 2) as [tf.Tensor, tf.Tensor];
    return tf.sum(tf.add(tf.square(tf.sub(1, a)), tf.mul(100, tf.square(tf.sub(b, tf.square(a))))));
  }) as tf.Scalar;
}

export async function runTrajectory(
  spec: OptimizerSpecInput,
  problem: Problem,
  steps: number,
): Promise<Trajectory> {
  const name = `trajectory_${trajectoryId++}`;
  const x = tf.tidy(() => tf.variable(tf.tensor1d(problem.x0, 'float32'), true, name));
  const optimizer = createOptimizer(spec);
  const out: Trajectory = { params: [], alr: [] };
  try {
    for (let k = 0; k < steps; k++) {
      if (problem.kind === 'fixed') {
        const grad = tf.tensor1d(problem.grads[k] ?? [], 'float32');
        optimizer.applyGradients({ [name]: grad });
        grad.dispose();
      } else {
        optimizer.minimize(() => rosenbrockLoss(x), false, [x]);
      }
      const rates = optimizer.adaptiveRates();
      const rate = rates[name];
      if (!rate) throw new Error('adaptiveRates() lacks the optimized variable');
      // One batched readback per step.
      const [params, alr] = await Promise.all([
        x.data() as Promise<Float32Array>,
        rate.data() as Promise<Float32Array>,
      ]);
      tf.dispose(rates);
      out.params.push(params);
      out.alr.push(alr);
    }
  } finally {
    optimizer.dispose();
    x.dispose();
  }
  return out;
}
