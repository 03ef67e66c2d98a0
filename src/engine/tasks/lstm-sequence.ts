// An LSTM (Hochreiter & Schmidhuber 1997, with a forget gate) over a whole sequence as one
// differentiable op with a hand-written backward pass (BPTT), like gru-sequence.ts and for the same
// reason: tfjs's autodiff of the per-step op chain records many small backward kernels a step. Here the
// element-wise factors of the backward pass are computed once for all steps, each step costs about ten
// small kernels and one matMul, and the recurrent kernel's gradient is one matMul over the sequence.
// `lstmStep` is the plain per-step op chain (used for sampling, and by the tests as the autodiff
// reference); the forward arithmetic here is exactly its.
//
// Time-major rows: row t·n + b is sequence b at step t. Gates in column order i, f, g, o:
//   a = x·W + b + h·U,  i = σ(a_i), f = σ(a_f), g = tanh(a_g), o = σ(a_o),
//   c' = f ⊙ c + i ⊙ g,  h' = o ⊙ tanh(c').
// Backward, with dh = ∂L/∂h' (from the output and from step t + 1) and dc = ∂L/∂c' from step t + 1:
//   τ = tanh(c'),  dc ← dc + dh ⊙ o(1 − τ²),
//   da = [dc ⊙ g·i(1 − i), dc ⊙ c·f(1 − f), dc ⊙ i(1 − g²), dh ⊙ τ·o(1 − o)],
//   ∂L/∂c = dc ⊙ f,  ∂L/∂h = da·Uᵀ,  ∂L/∂x = da,  ∂L/∂U = Σ_t h_tᵀ·da_t.

import * as tf from '@tensorflow/tfjs-core';
import {
  recurrentKernelsAvailable,
  registerRecurrentKernels,
  runRecurrentBackward,
  runRecurrentForward,
} from '../kernels/recurrent-kernels';

// Registration is global and idempotent; WASM and CPU then run the sequence as two fused kernels.
registerRecurrentKernels();

/** One LSTM step from the step's input projection xw [n, 4·units] (gates i, f, g, o) and the state. */
export function lstmStep(
  xw: tf.Tensor,
  state: { h: tf.Tensor; c: tf.Tensor },
  recurrent: tf.Tensor,
): { h: tf.Tensor; c: tf.Tensor } {
  const u = recurrent.shape[0] as number;
  const a = tf.add(xw, tf.matMul(state.h, recurrent));
  // One sigmoid for the three σ gates would need a concat; a split and three calls are as cheap.
  const [ai, af, ag, ao] = tf.split(a, [u, u, u, u], 1) as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
  const c = tf.add(tf.mul(tf.sigmoid(af), state.c), tf.mul(tf.sigmoid(ai), tf.tanh(ag)));
  return { h: tf.mul(tf.sigmoid(ao), tf.tanh(c)), c };
}

/**
 * All hidden states [steps·n, units] of an LSTM that starts from h = c = 0, given the input
 * projections x·W + b of every step ([steps·n, 4·units]) and the recurrent kernel U [units, 4·units].
 */
export function lstmSequence(projected: tf.Tensor2D, recurrent: tf.Tensor2D, steps: number): tf.Tensor2D {
  if (recurrentKernelsAvailable('lstm')) return fusedLSTMSequence(projected, recurrent, steps);
  const n = (projected.shape[0] as number) / steps;
  const u = recurrent.shape[0] as number;
  const run = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, U, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    const inputs = tf.split(x, steps, 0);
    let h: tf.Tensor = tf.zeros([n, u]);
    let c: tf.Tensor = tf.zeros([n, u]);
    const previousH: tf.Tensor[] = [];
    const previousC: tf.Tensor[] = [];
    const gates: tf.Tensor[] = []; // [i | f | g | o] after their nonlinearities
    const cells: tf.Tensor[] = [];
    const states: tf.Tensor[] = [];
    for (const xw of inputs) {
      const a = tf.add(xw, tf.matMul(h, U));
      const [aif, ag, ao] = tf.split(a, [2 * u, u, u], 1) as [tf.Tensor, tf.Tensor, tf.Tensor];
      const ifo = tf.sigmoid(tf.concat([aif, ao], 1));
      const [i, f, o] = tf.split(ifo, 3, 1) as [tf.Tensor, tf.Tensor, tf.Tensor];
      const g = tf.tanh(ag);
      previousH.push(h);
      previousC.push(c);
      gates.push(tf.concat([i, f, g, o], 1));
      c = tf.add(tf.mul(f, c), tf.mul(i, g));
      h = tf.mul(o, tf.tanh(c));
      cells.push(c);
      states.push(h);
    }
    const value = tf.concat(states, 0);
    save([U, tf.concat(previousH, 0), tf.concat(previousC, 0), tf.concat(gates, 0), tf.concat(cells, 0)]);
    return {
      value,
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const [Us, H, Cprev, G, C] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
        const [I, F, Gc, O] = tf.split(G, 4, 1) as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
        // The element-wise factors of every step at once.
        const perStep = (t: tf.Tensor) => tf.split(t, steps, 0);
        const T = tf.tanh(C);
        const cellSlope = perStep(tf.mul(O, tf.sub(1, tf.square(T)))); // o(1 − τ²)
        const outSlope = perStep(tf.mul(T, tf.mul(O, tf.sub(1, O)))); // τ·o(1 − o)
        // [g·i(1 − i) | c·f(1 − f) | i(1 − g²)] as [steps·n, 3, u], to scale dc [n, 1, u] by broadcasting.
        const ifgSlope = perStep(
          tf.reshape(
            tf.concat(
              [
                tf.mul(Gc, tf.mul(I, tf.sub(1, I))),
                tf.mul(Cprev, tf.mul(F, tf.sub(1, F))),
                tf.mul(I, tf.sub(1, tf.square(Gc))),
              ],
              1,
            ),
            [steps * n, 3, u],
          ),
        );
        const forget = perStep(F);
        const upstream = perStep(dy as tf.Tensor);
        const da: tf.Tensor[] = new Array(steps);
        let dh: tf.Tensor | null = null;
        let dc: tf.Tensor | null = null;
        for (let t = steps - 1; t >= 0; t--) {
          dh = dh ? tf.add(dh, upstream[t] as tf.Tensor) : (upstream[t] as tf.Tensor);
          const fromH = tf.mul(dh, cellSlope[t] as tf.Tensor);
          dc = dc ? tf.add(dc, fromH) : fromH;
          const dIfg = tf.reshape(tf.mul(tf.reshape(dc, [n, 1, u]), ifgSlope[t] as tf.Tensor), [n, 3 * u]);
          da[t] = tf.concat([dIfg, tf.mul(dh, outSlope[t] as tf.Tensor)], 1);
          if (t > 0) {
            dc = tf.mul(dc, forget[t] as tf.Tensor);
            dh = tf.matMul(da[t] as tf.Tensor, Us, false, true);
          }
        }
        const dA = tf.concat(da, 0);
        return [dA, tf.matMul(H, dA, true, false)];
      },
    };
  });
  return run(projected, recurrent) as tf.Tensor2D;
}

/**
 * The same sequence and gradients as two fused kernels (kernels/recurrent-kernels.ts): one per pass,
 * each a matMul and one element-wise loop per time step, instead of ~15 dispatched ops per step.
 */
function fusedLSTMSequence(projected: tf.Tensor2D, recurrent: tf.Tensor2D, steps: number): tf.Tensor2D {
  const run = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, U, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    const [states, cache] = runRecurrentForward('lstm', x, U, steps);
    save([U, states, cache]);
    return {
      value: states,
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const [Us, S, C] = saved as [tf.Tensor, tf.Tensor, tf.Tensor];
        return runRecurrentBackward('lstm', { dy: dy as tf.Tensor, states: S, cache: C, U: Us }, steps);
      },
    };
  });
  return run(projected, recurrent) as tf.Tensor2D;
}
