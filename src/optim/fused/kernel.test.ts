import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../rules';
import { resolveSpec } from '../spec';
import { NODE_BACKENDS, useBackend } from '../testing/node-backends';
import { runFusedUpdate } from './kernel';
import { fusedParams } from './params';

const sadam = fusedParams(RULES.sadam, resolveSpec({ name: 'sadam' }), 1);

describe.each(NODE_BACKENDS)(
  'the fused kernel on %s refuses inputs it cannot index in lockstep',
  (backend) => {
    beforeAll(() => useBackend(backend));

    it('a moment of another shape than the variable', () => {
      tf.tidy(() => {
        const x = tf.zeros([4]);
        expect(() =>
          runFusedUpdate({ x, g: tf.zeros([4]), m: tf.zeros([5]), v: tf.zeros([4]) }, sadam),
        ).toThrow(/shape 5 differs from the variable's 4/);
      });
    });

    it('a gradient that is not float32', () => {
      tf.tidy(() => {
        const x = tf.zeros([4]);
        const g = tf.zeros([4], 'int32');
        expect(() => runFusedUpdate({ x, g, m: tf.zeros([4]), v: tf.zeros([4]) }, sadam)).toThrow(
          /float32 only, got int32/,
        );
      });
    });
  },
);
