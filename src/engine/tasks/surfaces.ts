// 2-D loss surfaces: the two coordinates are the parameters, so the optimizers' paths can be drawn
// over the contour plot. The trajectory is the parameter trace recorded at every step.

import * as tf from '@tensorflow/tfjs-core';
import type { SurfaceConfig, SurfaceName } from './configs';
import { constantInit } from './params';
import type { Task, TaskView } from './task';

interface SurfaceDef {
  title: string;
  start: [number, number];
  minimum: [number, number];
  extent: [number, number, number, number];
  /** f(x, y) in tf ops (for autodiff) ... */
  f: (x: tf.Tensor, y: tf.Tensor) => tf.Tensor;
  /** ... and in plain JS (for contour plots and tests). */
  f64: (x: number, y: number) => number;
}

export const SURFACE_DEFS: Record<SurfaceName, SurfaceDef> = {
  rosenbrock: {
    title: 'Rosenbrock (1−x)² + 100(y−x²)²',
    start: [-1.5, 2],
    minimum: [1, 1],
    extent: [-2, 2, -1, 3],
    f: (x, y) => tf.add(tf.square(tf.sub(1, x)), tf.mul(100, tf.square(tf.sub(y, tf.square(x))))),
    f64: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
  },
  quadratic: {
    title: 'Ill-conditioned quadratic ½(x² + 100·y²)',
    start: [-1.8, 0.9],
    minimum: [0, 0],
    extent: [-2, 2, -1, 1],
    f: (x, y) => tf.mul(0.5, tf.add(tf.square(x), tf.mul(100, tf.square(y)))),
    f64: (x, y) => 0.5 * (x * x + 100 * y * y),
  },
  beale: {
    title: 'Beale',
    start: [-1, 1.5],
    minimum: [3, 0.5],
    extent: [-4.5, 4.5, -4.5, 4.5],
    f: (x, y) => {
      const xy = tf.mul(x, y);
      const t1 = tf.square(tf.add(tf.sub(1.5, x), xy));
      const t2 = tf.square(tf.add(tf.sub(2.25, x), tf.mul(xy, y)));
      const t3 = tf.square(tf.add(tf.sub(2.625, x), tf.mul(tf.mul(xy, y), y)));
      return tf.add(tf.add(t1, t2), t3);
    },
    f64: (x, y) => (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y ** 3) ** 2,
  },
  saddle: {
    title: 'Saddle x² − y² + y⁴/4',
    start: [1.5, 1e-3],
    minimum: [0, Math.SQRT2],
    extent: [-2, 2, -2, 2],
    f: (x, y) => tf.add(tf.sub(tf.square(x), tf.square(y)), tf.mul(0.25, tf.pow(y, 4))),
    f64: (x, y) => x * x - y * y + y ** 4 / 4,
  },
};

export function createSurfaceTask(config: SurfaceConfig): Task {
  const def = SURFACE_DEFS[config.surface];
  const start = config.start ?? def.start;
  return {
    id: `surface-${config.surface}`,
    title: def.title,
    params: [constantInit('xy', start)],
    hasAccuracy: false,
    stepsPerEpoch: 1,
    tracesParams: true,
    nextBatch: () => null,
    loss(params) {
      const xy = params.xy;
      if (!xy) throw new Error('surface task needs parameter xy');
      const [x, y] = tf.split(xy, 2) as [tf.Tensor, tf.Tensor];
      return tf.sum(def.f(x, y)) as tf.Scalar;
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
