import * as tf from '@tensorflow/tfjs-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CalibratedOptimizer } from './calibrated-optimizer';
import { setSimdFieldEnabled, simdFieldReady } from './fused/simd-field';
import { hostFieldSupported, writeHostField } from './host-fields';
import { RULES } from './rules';
import { OPTIMIZER_NAMES, type OptimizerSpecInput, STATE_FIELDS } from './spec';
import { NODE_BACKENDS, useBackend } from './testing/node-backends';

// Gradients whose squares span the whole float32 range the moments meet: exact zeros (v stays 0, Adam's
// A-LR is 1/ε), tiny ones (subnormal g²), ordinary ones and large ones (β·√v far past the softplus table).
const MAGNITUDES = [0, 1e-30, 1e-20, 1e-12, 1e-8, 3e-6, 1e-4, 0.01, 0.3, 1, 7, 100, 1e4];
const N = 4096;

function gradient(step: number): Float32Array {
  const g = new Float32Array(N);
  for (let i = 0; i < N; i++) {
    const magnitude = MAGNITUDES[(i * 7 + step * 3) % MAGNITUDES.length] as number;
    const wobble = 1 + ((i * 2654435761 + step * 97) % 1000) / 1000;
    g[i] = (i % 3 === 0 ? -1 : 1) * magnitude * wobble;
  }
  return g;
}

const SPECS: OptimizerSpecInput[] = [
  ...OPTIMIZER_NAMES.filter((name) => name !== 'custom').map((name) => ({ name })),
  { name: 'adam', convention: 'textbook' },
  { name: 'sadam', convention: 'textbook', softplusBeta: 2 },
  { name: 'sadam', softplusBeta: 1000 },
  { name: 'samsgrad', softplusBeta: 10 },
  { name: 'padam', partial: 0.25 },
  { name: 'adabound', finalLr: 0.5, gamma: 0.1 },
  { name: 'adam', eps: 1e-3, weightDecay: 0.01 },
];

const bits = new Int32Array(2);
const floats = new Float32Array(bits.buffer);
/** How many float32 values lie between a and b (0 when equal, and for NaN with NaN); both positive. */
function ulpsApart(a: number, b: number): number {
  if (Number.isNaN(a) && Number.isNaN(b)) return 0;
  floats[0] = a;
  floats[1] = b;
  return Math.abs((bits[0] as number) - (bits[1] as number));
}

const PATHS = NODE_BACKENDS.flatMap((backend) => [[backend, 'SIMD'] as const, [backend, 'JS'] as const]);

describe.each(PATHS)('host fields on %s by %s', (backend, path) => {
  beforeAll(async () => {
    await useBackend(backend);
    expect(await simdFieldReady, 'the SIMD kernel compiles in Node').toBe(true);
  });
  beforeEach(() => setSimdFieldEnabled(path === 'SIMD'));
  afterAll(() => setSimdFieldEnabled(true));
  let serial = 0;
  const made: tf.Tensor[] = [];
  afterEach(() => tf.dispose(made.splice(0)));

  it.each(SPECS.map((spec) => [JSON.stringify(spec), spec] as const))(
    'equal the tensor path: %s',
    (_label, input) => {
      const name = `host-fields-${backend}-${serial++}`;
      const x = tf.variable(tf.zeros([N]), true, name);
      made.push(x);
      const optimizer = new CalibratedOptimizer(input);
      const spec = optimizer.spec;
      for (let step = 1; step <= 4; step++) {
        const g = tf.tensor1d(gradient(step));
        optimizer.applyGradients({ [name]: g });
        g.dispose();
        for (const field of STATE_FIELDS) {
          expect(hostFieldSupported(spec, field)).toBe(true);
          const moment = optimizer.fieldMoments(field).get(name);
          if (!moment) throw new Error('no moment after a step');
          const host = new Float32Array(N + 2);
          writeHostField(spec, field, moment.step, moment.moment.dataSync() as Float32Array, host, 1);
          const tensors = optimizer.fields(field);
          const expected = (tensors[name] as tf.Tensor).dataSync() as Float32Array;
          tf.dispose(Object.values(tensors));
          // Softplus takes log1p(e^{−y}) from a table (JS) or polynomials (SIMD, the fused training
          // kernel's, within 2.6e-7 of exact) where tfjs rounds e^{−y} and its log1p each to float32,
          // and Padam's power is Math's, not WASM's: at most 4 (JS) or 6 (SIMD) last places apart,
          // 7e-7 relative. + − × ÷ √ are IEEE float32 everywhere: exact.
          const transcendental =
            ['softplus', 'padam'].includes(RULES[spec.name].denominator) &&
            (field === 'adaptiveRate' || field === 'effectiveStep');
          let worst = 0;
          for (let i = 0; i < N; i++)
            worst = Math.max(worst, ulpsApart(host[i + 1] as number, expected[i] as number));
          expect(worst, `${field} at step ${step}`).toBeLessThanOrEqual(
            transcendental ? (path === 'SIMD' ? 6 : 4) : 0,
          );
          // Nothing written outside [offset, offset + n).
          expect([host[0], host[N + 1]]).toEqual([0, 0]);
        }
      }
      optimizer.dispose();
    },
  );

  it('leave a custom φ to the tensor path, except for √v and |m|', () => {
    const spec = new CalibratedOptimizer({ name: 'custom' }).spec;
    expect(hostFieldSupported(spec, 'adaptiveRate')).toBe(false);
    expect(hostFieldSupported(spec, 'effectiveStep')).toBe(false);
    expect(hostFieldSupported(spec, 'sqrtSecondMoment')).toBe(true);
    expect(hostFieldSupported(spec, 'absFirstMoment')).toBe(true);
    expect(() =>
      writeHostField(spec, 'adaptiveRate', 1, new Float32Array(2), new Float32Array(2), 0),
    ).toThrow(/tensor path/);
  });
});
