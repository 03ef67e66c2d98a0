import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../stats/random';
import { RULES } from '../rules';
import { type OptimizerName, resolveSpec } from '../spec';
import { useBackend } from '../testing/node-backends';
import { runFusedUpdate } from './kernel';
import { fusedLoop } from './loop';
import { fusedParams } from './params';
import { wasmSimdActive, wasmSimdReady } from './register-wasm';

// The WASM SIMD kernel (simd-kernel.ts) against the exact JS loop (float64 arithmetic, Math.exp/log1p
// softplus) on the same inputs. Bounds, from float32 arithmetic (unit roundoff u = 2^-24) and the
// kernel's softplus (≤ 3e-7 relative), with G = |g| + |wd·x|:
//   m':        |Δ| ≤ 4u·(|a1·m| + |b1|·G) + 1e-44     a few roundings of the terms, which may cancel;
//   v', vmax': |Δ| ≤ 8u·(|a2·v| + |b2|·G²) + 1e-44    1e-44 covers denormal results
//   x':        |Δ| ≤ (1e-6 + bound(m')/|m'|)·|x − x'| + 2u·max(|x|, |x'|) + 2e-45: the update to 1e-6
//              plus what m' carries over (large only where m' is denormal), and 1 ulp of x'

type Data = Record<'x' | 'g' | 'm' | 'v' | 'vmax', Float32Array>;

/** Inputs of n floats; `kind` picks the regime. */
function data(n: number, kind: 'typical' | 'zeros' | 'huge' | 'denormal', seed = 1): Data {
  const r = mulberry32(seed);
  const f = (fn: (i: number) => number) => Float32Array.from({ length: n }, (_, i) => fn(i));
  switch (kind) {
    case 'typical':
      return {
        x: f(() => (r() - 0.5) * 0.2),
        g: f(() => (r() - 0.5) * 0.02),
        m: f(() => (r() - 0.5) * 0.01),
        v: f(() => r() * 1e-4),
        vmax: f(() => r() * 2e-4),
      };
    case 'zeros': // never-updated weights: g = m = v = 0 (A-LR at its cap 1/ε or β/ln 2)
      return { x: f(() => r() - 0.5), g: f(() => 0), m: f(() => 0), v: f(() => 0), vmax: f(() => 0) };
    case 'huge': // β·r up to ~1e4 and beyond
      return {
        x: f(() => r() - 0.5),
        g: f(() => (r() - 0.5) * 1e3),
        m: f(() => (r() - 0.5) * 1e2),
        v: f(() => r() * 1e6),
        vmax: f(() => r() * 1e6),
      };
    case 'denormal':
      return {
        x: f(() => (r() - 0.5) * 1e-40),
        g: f((i) => (i % 2 ? 1e-42 : -3e-41)),
        m: f(() => (r() - 0.5) * 1e-39),
        v: f(() => r() * 1e-40),
        vmax: f(() => r() * 1e-39),
      };
  }
}

const RULE_CASES: [OptimizerName, Record<string, number>][] = [
  ['sadam', { softplusBeta: 50, lr: 1e-2, weightDecay: 5e-4 }],
  ['sadam', { softplusBeta: 1e4, lr: 1e-2 }],
  ['samsgrad', { softplusBeta: 10, lr: 1e-2 }],
  ['adam', { lr: 1e-3, eps: 1e-8 }],
  ['amsgrad', { lr: 1e-3, eps: 1e-3, weightDecay: 5e-4 }],
  ['sgdm', { lr: 0.1 }],
  ['adagrad', { lr: 1e-2 }],
  ['rmsprop', { lr: 1e-3 }],
  ['adabound', { lr: 1e-3 }],
  ['amsbound', { lr: 1e-3 }],
];

function compare(exact: number[], got: Float32Array, bound: (i: number) => number, what: string): void {
  let worst = 0;
  for (let i = 0; i < exact.length; i++) {
    const d = Math.abs((got[i] as number) - (exact[i] as number));
    if (!(d <= bound(i)))
      throw new Error(`${what}[${i}]: ${got[i]} vs exact ${exact[i]} (|Δ| ${d} > ${bound(i)})`);
    worst = Math.max(worst, d);
  }
}

describe('WASM SIMD fused kernel vs the exact JS loop', () => {
  beforeAll(async () => {
    await useBackend('wasm');
    expect(await wasmSimdReady).toBe(true);
    expect(wasmSimdActive(tf.backend())).toBe(true);
  });

  for (const [name, overrides] of RULE_CASES) {
    for (const kind of ['typical', 'zeros', 'huge', 'denormal'] as const) {
      it(`${name} ${JSON.stringify(overrides)} on ${kind} inputs, n ∈ {4, 5, 7, 10, 64, 1001}`, () => {
        const rule = RULES[name];
        const spec = resolveSpec({ name, ...overrides });
        for (const n of [4, 5, 7, 10, 64, 1001]) {
          for (const t of [1, 7, 1000]) {
            const d = data(n, kind, n * 31 + t);
            const p = fusedParams(rule, spec, t);
            const exact = {
              outX: new Float32Array(n),
              outM: new Float32Array(n),
              outV: new Float32Array(n),
              outVmax: rule.ams ? new Float32Array(n) : null,
            };
            fusedLoop({ ...d, vmax: rule.ams ? d.vmax : null, ...exact }, p, true);
            const got = tf.tidy(() => {
              const ts = { x: tf.tensor(d.x), g: tf.tensor(d.g), m: tf.tensor(d.m), v: tf.tensor(d.v) };
              const out = runFusedUpdate(rule.ams ? { ...ts, vmax: tf.tensor(d.vmax) } : ts, p);
              return [out.x, out.m, out.v, out.vmax].map((o) => o?.dataSync() as Float32Array | undefined);
            });
            const label = `${name} ${kind} n=${n} t=${t}`;
            const u = 2 ** -24;
            const at = (a: Float32Array, i: number) => Math.abs(a[i] as number);
            const gTerms = (i: number) => at(d.g, i) + Math.abs(p.weightDecay) * at(d.x, i);
            const mBound = (i: number) =>
              4 * u * (Math.abs(p.a1) * at(d.m, i) + Math.abs(p.b1) * gTerms(i)) + 1e-44;
            const vBound = (i: number) =>
              8 * u * (Math.abs(p.a2) * at(d.v, i) + Math.abs(p.b2) * gTerms(i) ** 2) + 1e-44;
            compare([...exact.outM], got[1] as Float32Array, mBound, `${label} m'`);
            compare([...exact.outV], got[2] as Float32Array, vBound, `${label} v'`);
            if (exact.outVmax) {
              const vmaxBound = (i: number) => vBound(i) + 4 * u * at(d.vmax, i);
              compare([...exact.outVmax], got[3] as Float32Array, vmaxBound, `${label} vmax'`);
            }
            const carried = (i: number) => (exact.outM[i] === 0 ? 0 : mBound(i) / at(exact.outM, i));
            const xs = exact.outX;
            compare(
              [...xs],
              got[0] as Float32Array,
              (i) =>
                (1e-6 + carried(i)) * Math.abs((d.x[i] as number) - (xs[i] as number)) +
                2 * u * Math.max(at(d.x, i), at(xs, i)) +
                2e-45,
              `${label} x'`,
            );
          }
        }
      });
    }
  }

  it('leaks no tensors', () => {
    const before = tf.memory().numTensors;
    const p = fusedParams(RULES.sadam, resolveSpec({ name: 'sadam' }), 3);
    const d = data(100, 'typical');
    const ins = { x: tf.tensor(d.x), g: tf.tensor(d.g), m: tf.tensor(d.m), v: tf.tensor(d.v) };
    const out = runFusedUpdate(ins, p);
    tf.dispose([...Object.values(ins), ...Object.values(out)]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
