// 2-D loss surfaces: the two coordinates are the parameters, so the optimizers' paths can be drawn
// over the contour plot. The trajectory is the parameter trace recorded at every step. The formulas
// live once, tfjs-free, in surface-defs.ts; this module evaluates them with tf ops for autodiff and
// draws the noise of the stochastic ones from the seeded batch stream.

import * as tf from '@tensorflow/tfjs-core';
import { createNormal, createRandom, type Seeds } from '../random';
import type { SurfaceConfig } from './configs';
import { constantInit } from './params';
import { SURFACE_DEFINITIONS, type SurfaceOps } from './surface-defs';
import type { Batch, Task, TaskView } from './task';

/** The surface operations as tf ops (called inside the session's tidy). */
export const TF_OPS: SurfaceOps<tf.Tensor> = {
  add: (a, b) => tf.add(a, b),
  sub: (a, b) => tf.sub(a, b),
  mul: (a, b) => tf.mul(a, b),
  square: (a) => tf.square(a),
  exp: (a) => tf.exp(a),
};

export function createSurfaceTask(config: SurfaceConfig, seeds?: Seeds): Task {
  const def = SURFACE_DEFINITIONS[config.surface];
  const start = config.start ?? def.start;
  const noiseStd = def.noiseStd;
  // One noise draw per step, shared by every run of the step (lockstep), from the batch seed.
  const normal = noiseStd ? createNormal(createRandom(seeds?.batches ?? 1)) : null;
  return {
    id: `surface-${config.surface}`,
    title: def.title,
    params: [constantInit('xy', start)],
    hasAccuracy: false,
    stepsPerEpoch: 1,
    tracesParams: true,
    nextBatch(): Batch | null {
      if (!noiseStd || !normal) return null;
      const n = [normal() * noiseStd[0], normal() * noiseStd[1]];
      return { x: tf.tensor1d(n, 'float32'), y: tf.zeros([0]) };
    },
    loss(params, batch) {
      const xy = params.xy;
      if (!xy) throw new Error('surface task needs parameter xy');
      const [x, y] = tf.split(xy, 2) as [tf.Tensor, tf.Tensor];
      const f = tf.sum(def.formula(TF_OPS, x, y));
      // The noise term n·(x, y): its gradient is the noise itself, zero-mean.
      return (batch ? tf.add(f, tf.sum(tf.mul(batch.x, xy))) : f) as tf.Scalar;
    },
    evaluate: () => ({}),
    decodeView(_view, trace): TaskView {
      return {
        kind: 'trajectory',
        surface: config.surface,
        extent: def.extent,
        minimum: def.minimum,
        points: trace ?? new Float32Array(),
      };
    },
    releaseTensors: () => {},
  };
}
