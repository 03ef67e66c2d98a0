// A GRU over a whole sequence as one differentiable op with a hand-written backward pass (BPTT):
// tfjs's autodiff of the per-step op chain records ~25 backward kernels a step, one weight-gradient
// matMul per step among them. Here the element-wise factors of the backward pass are computed once for
// all steps, each step costs ~14 small kernels and one matMul, and the recurrent kernel's gradient is a
// single matMul over the whole sequence. The forward arithmetic is exactly gruStep's.
//
// Time-major rows: row t·n + b is sequence b at step t. Gates in column order z, r, h (Cho et al. 2014):
//   z = σ(x_z + h·U_z), r = σ(x_r + h·U_r), h̃ = tanh(x_h + r ⊙ (h·U_h)), h' = h + z ⊙ (h̃ − h).
// Backward, with g = ∂L/∂h' (from the output and from step t + 1):
//   dz = g ⊙ (h̃ − h),  da = g ⊙ z ⊙ (1 − h̃²)  (a = the tanh's argument; da = ∂L/∂x_h),
//   dr = da ⊙ (h·U_h),  d(h·U) = [dz ⊙ z(1 − z), dr ⊙ r(1 − r), da ⊙ r],  dx = [.., .., da],
//   ∂L/∂h = g ⊙ (1 − z) + d(h·U)·Uᵀ,   ∂L/∂U = Σ_t h_tᵀ·d(h·U)_t.

import * as tf from '@tensorflow/tfjs-core';
import {
  recurrentKernelsAvailable,
  registerRecurrentKernels,
  runRecurrentBackward,
  runRecurrentForward,
} from '../kernels/recurrent-kernels';

// Registration is global and idempotent; WASM and CPU then run the sequence as two fused kernels.
registerRecurrentKernels();

/**
 * All hidden states [steps·n, units] of a GRU that starts from h = 0, given the input projections
 * x·W + b of every step ([steps·n, 3·units]) and the recurrent kernel U [units, 3·units].
 */
export function gruSequence(projected: tf.Tensor2D, recurrent: tf.Tensor2D, steps: number): tf.Tensor2D {
  if (recurrentKernelsAvailable('gru')) return fusedGRUSequence(projected, recurrent, steps);
  const n = (projected.shape[0] as number) / steps;
  const u = recurrent.shape[0] as number;
  const run = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, U, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    const inputs = tf.split(x, steps, 0);
    let h: tf.Tensor = tf.zeros([n, u]);
    const previous: tf.Tensor[] = [];
    const gates: tf.Tensor[] = []; // [z | r] per step
    const recurrentH: tf.Tensor[] = []; // h·U_h per step
    const candidates: tf.Tensor[] = [];
    const states: tf.Tensor[] = [];
    for (const xw of inputs) {
      const [xzr, xh] = tf.split(xw, [2 * u, u], 1) as [tf.Tensor, tf.Tensor];
      const [hzr, hh] = tf.split(tf.matMul(h, U), [2 * u, u], 1) as [tf.Tensor, tf.Tensor];
      const zr = tf.sigmoid(tf.add(xzr, hzr));
      const [z, r] = tf.split(zr, 2, 1) as [tf.Tensor, tf.Tensor];
      const candidate = tf.tanh(tf.add(xh, tf.mul(r, hh)));
      previous.push(h);
      gates.push(zr);
      recurrentH.push(hh);
      candidates.push(candidate);
      h = tf.add(h, tf.mul(z, tf.sub(candidate, h)));
      states.push(h);
    }
    const value = tf.concat(states, 0);
    save([
      U,
      tf.concat(previous, 0),
      tf.concat(gates, 0),
      tf.concat(recurrentH, 0),
      tf.concat(candidates, 0),
    ]);
    return {
      value,
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const [Us, H, ZR, HH, C] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
        const [Z, R] = tf.split(ZR, 2, 1) as [tf.Tensor, tf.Tensor];
        // The element-wise factors of every step at once.
        const perStep = (t: tf.Tensor) => tf.split(t, steps, 0);
        const change = perStep(tf.sub(C, H)); // h̃ − h
        const keep = perStep(tf.sub(1, Z)); // 1 − z
        const tanhSlope = perStep(tf.mul(Z, tf.sub(1, tf.square(C)))); // z(1 − h̃²)
        const zSlope = perStep(tf.mul(Z, tf.sub(1, Z)));
        const rSlope = perStep(tf.mul(R, tf.sub(1, R)));
        const hh = perStep(HH);
        const r = perStep(R);
        const upstream = perStep(dy as tf.Tensor);
        const dx: tf.Tensor[] = new Array(steps);
        const dhu: tf.Tensor[] = new Array(steps);
        let g: tf.Tensor | null = null;
        for (let t = steps - 1; t >= 0; t--) {
          g = g ? tf.add(g, upstream[t] as tf.Tensor) : (upstream[t] as tf.Tensor);
          const da = tf.mul(g, tanhSlope[t] as tf.Tensor);
          const dzPre = tf.mul(tf.mul(g, change[t] as tf.Tensor), zSlope[t] as tf.Tensor);
          const drPre = tf.mul(tf.mul(da, hh[t] as tf.Tensor), rSlope[t] as tf.Tensor);
          dx[t] = tf.concat([dzPre, drPre, da], 1);
          dhu[t] = tf.concat([dzPre, drPre, tf.mul(da, r[t] as tf.Tensor)], 1);
          if (t > 0)
            g = tf.add(tf.mul(g, keep[t] as tf.Tensor), tf.matMul(dhu[t] as tf.Tensor, Us, false, true));
        }
        return [tf.concat(dx, 0), tf.matMul(H, tf.concat(dhu, 0), true, false)];
      },
    };
  });
  return run(projected, recurrent) as tf.Tensor2D;
}

/**
 * The same sequence and gradients as two fused kernels (kernels/recurrent-kernels.ts): one per pass,
 * each a matMul and one element-wise loop per time step, instead of ~15 dispatched ops per step.
 */
function fusedGRUSequence(projected: tf.Tensor2D, recurrent: tf.Tensor2D, steps: number): tf.Tensor2D {
  const run = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, U, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    const [states, cache] = runRecurrentForward('gru', x, U, steps);
    save([U, states, cache]);
    return {
      value: states,
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const [Us, S, C] = saved as [tf.Tensor, tf.Tensor, tf.Tensor];
        return runRecurrentBackward('gru', { dy: dy as tf.Tensor, states: S, cache: C, U: Us }, steps);
      },
    };
  });
  return run(projected, recurrent) as tf.Tensor2D;
}
