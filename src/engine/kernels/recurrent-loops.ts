// The element-wise work of one GRU or LSTM time step, forward and backward, as plain loops over
// float32 arrays: the fused recurrent kernels (recurrent-wasm.ts) run one of these per step around a
// single matMul, where the tf-op path (gru-sequence.ts, lstm-sequence.ts) dispatches ~10–15 small
// kernels. Same formulas as those files' headers; same row layout (row t·n + b is sequence b at step t).
//
// Saved per row, for the backward pass:
//   GRU  cache [rows, 4u] = [z | r | h·U_h | h̃]
//   LSTM cache [rows, 5u] = [i | f | g | o | c]  (gates after their nonlinearities, then the cell)

/** Sizes of one sequence: `n` sequences of `u` units; `t` is the step. */
export interface StepShape {
  t: number;
  n: number;
  u: number;
}

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
/** tanh through one exp (V8's Math.tanh is several times slower); exact to float64 rounding, ±1 in the limits. */
const tanh = (v: number) => 2 / (1 + Math.exp(-2 * v)) - 1;

/**
 * GRU step t forward: reads x·W + b (`x`, [rows, 3u]), h_{t−1}·U (`hu`, [n, 3u]; null at t = 0, where
 * h = 0) and h_{t−1} from `states`; writes h_t into `states` and the step's cache rows.
 */
export function gruForwardStep(
  x: Float32Array,
  hu: Float32Array | null,
  states: Float32Array,
  cache: Float32Array,
  { t, n, u }: StepShape,
): void {
  for (let b = 0; b < n; b++) {
    const row = t * n + b;
    const xo = row * 3 * u;
    const co = row * 4 * u;
    const so = row * u;
    const po = so - n * u; // h_{t−1}'s row
    const ho = b * 3 * u;
    for (let j = 0; j < u; j++) {
      const hz = hu ? (hu[ho + j] as number) : 0;
      const hr = hu ? (hu[ho + u + j] as number) : 0;
      const hh = hu ? (hu[ho + 2 * u + j] as number) : 0;
      const z = sigmoid((x[xo + j] as number) + hz);
      const r = sigmoid((x[xo + u + j] as number) + hr);
      const c = tanh((x[xo + 2 * u + j] as number) + r * hh);
      const previous = t > 0 ? (states[po + j] as number) : 0;
      cache[co + j] = z;
      cache[co + u + j] = r;
      cache[co + 2 * u + j] = hh;
      cache[co + 3 * u + j] = c;
      states[so + j] = previous + z * (c - previous);
    }
  }
}

/**
 * GRU step t backward. `g` [n, u] holds ∂L/∂h_t from the later steps; the step's output gradient `dy`
 * is added here. Writes ∂L/∂x for the step into `dx` ([rows, 3u]) and d(h·U) into `dhu` ([n, 3u]), and
 * leaves g ⊙ (1 − z) in `g`: the caller adds d(h·U)·Uᵀ to it to get ∂L/∂h_{t−1}.
 */
export function gruBackwardStep(
  dy: Float32Array,
  states: Float32Array,
  cache: Float32Array,
  g: Float32Array,
  dx: Float32Array,
  dhu: Float32Array,
  { t, n, u }: StepShape,
): void {
  for (let b = 0; b < n; b++) {
    const row = t * n + b;
    const co = row * 4 * u;
    const po = (row - n) * u;
    const xo = row * 3 * u;
    const ho = b * 3 * u;
    for (let j = 0; j < u; j++) {
      const k = b * u + j;
      const gj = (g[k] as number) + (dy[row * u + j] as number);
      const z = cache[co + j] as number;
      const r = cache[co + u + j] as number;
      const hh = cache[co + 2 * u + j] as number;
      const c = cache[co + 3 * u + j] as number;
      const previous = t > 0 ? (states[po + j] as number) : 0;
      const da = gj * z * (1 - c * c);
      const dz = gj * (c - previous) * z * (1 - z);
      const dr = da * hh * r * (1 - r);
      dx[xo + j] = dz;
      dx[xo + u + j] = dr;
      dx[xo + 2 * u + j] = da;
      dhu[ho + j] = dz;
      dhu[ho + u + j] = dr;
      dhu[ho + 2 * u + j] = da * r;
      g[k] = gj * (1 - z);
    }
  }
}

/** LSTM step t forward: as gruForwardStep, with `x` [rows, 4u], `hu` [n, 4u], cache [rows, 5u]. */
export function lstmForwardStep(
  x: Float32Array,
  hu: Float32Array | null,
  states: Float32Array,
  cache: Float32Array,
  { t, n, u }: StepShape,
): void {
  for (let b = 0; b < n; b++) {
    const row = t * n + b;
    const xo = row * 4 * u;
    const co = row * 5 * u;
    const pc = co - n * 5 * u + 4 * u; // c_{t−1} in the previous step's cache
    const ho = b * 4 * u;
    for (let j = 0; j < u; j++) {
      const i = sigmoid((x[xo + j] as number) + (hu ? (hu[ho + j] as number) : 0));
      const f = sigmoid((x[xo + u + j] as number) + (hu ? (hu[ho + u + j] as number) : 0));
      const g = tanh((x[xo + 2 * u + j] as number) + (hu ? (hu[ho + 2 * u + j] as number) : 0));
      const o = sigmoid((x[xo + 3 * u + j] as number) + (hu ? (hu[ho + 3 * u + j] as number) : 0));
      const previous = t > 0 ? (cache[pc + j] as number) : 0;
      // Stored as float32 first, so h uses the same c the backward pass reads back.
      cache[co + 4 * u + j] = f * previous + i * g;
      const c = cache[co + 4 * u + j] as number;
      cache[co + j] = i;
      cache[co + u + j] = f;
      cache[co + 2 * u + j] = g;
      cache[co + 3 * u + j] = o;
      states[row * u + j] = o * tanh(c);
    }
  }
}

/**
 * LSTM step t backward. `dh` [n, u] holds ∂L/∂h_t from step t + 1 (the step's `dy` is added here), `dc`
 * [n, u] ∂L/∂c_t from step t + 1. Writes ∂L/∂a (= ∂L/∂x) into `dx` ([rows, 4u]) and into `da` ([n, 4u],
 * for the caller's da·Uᵀ, which is ∂L/∂h_{t−1}); leaves ∂L/∂c_{t−1} in `dc`.
 */
export function lstmBackwardStep(
  dy: Float32Array,
  cache: Float32Array,
  dh: Float32Array,
  dc: Float32Array,
  dx: Float32Array,
  da: Float32Array,
  { t, n, u }: StepShape,
): void {
  for (let b = 0; b < n; b++) {
    const row = t * n + b;
    const co = row * 5 * u;
    const pc = co - n * 5 * u + 4 * u;
    const xo = row * 4 * u;
    const ao = b * 4 * u;
    for (let j = 0; j < u; j++) {
      const k = b * u + j;
      const dhj = (dh[k] as number) + (dy[row * u + j] as number);
      const i = cache[co + j] as number;
      const f = cache[co + u + j] as number;
      const g = cache[co + 2 * u + j] as number;
      const o = cache[co + 3 * u + j] as number;
      const tau = tanh(cache[co + 4 * u + j] as number);
      const previous = t > 0 ? (cache[pc + j] as number) : 0;
      const dcj = (dc[k] as number) + dhj * o * (1 - tau * tau);
      const dI = dcj * g * i * (1 - i);
      const dF = dcj * previous * f * (1 - f);
      const dG = dcj * i * (1 - g * g);
      const dO = dhj * tau * o * (1 - o);
      dx[xo + j] = dI;
      dx[xo + u + j] = dF;
      dx[xo + 2 * u + j] = dG;
      dx[xo + 3 * u + j] = dO;
      da[ao + j] = dI;
      da[ao + u + j] = dF;
      da[ao + 2 * u + j] = dG;
      da[ao + 3 * u + j] = dO;
      dc[k] = dcj * f;
    }
  }
}

/** Uᵀ: out [columns, u] from U [u, columns] (the backend's matMul is several times slower with transposeB). */
export function transposed(U: Float32Array, u: number, columns: number, out: Float32Array): void {
  for (let k = 0; k < u; k++) for (let c = 0; c < columns; c++) out[c * u + k] = U[k * columns + c] as number;
}

/**
 * h_{t−1} of steps 1 … T−1, transposed: out [u, (T−1)·n], column (t−1)·n + b = states row (t−1)·n + b.
 * ∂L/∂U = Σ_{t ≥ 1} h_{t−1}ᵀ·d(h·U)_t is then one plain matMul of this by the stacked d(h·U) of
 * steps 1 … T−1 (h_0 = 0 adds nothing).
 */
export function previousStatesTransposed(
  states: Float32Array,
  steps: number,
  n: number,
  u: number,
  out: Float32Array,
): void {
  const columns = (steps - 1) * n;
  for (let row = 0; row < columns; row++) {
    const so = row * u;
    for (let k = 0; k < u; k++) out[k * columns + row] = states[so + k] as number;
  }
}
