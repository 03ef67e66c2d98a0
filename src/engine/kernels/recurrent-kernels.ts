// Fused recurrent kernels: a GRU or an LSTM over a whole sequence, forward and backward, as one tfjs
// kernel each. Every time step is one matMul (the backend's own BatchMatMul kernel function, XNNPACK on
// WASM, called directly: no engine dispatch) and one loop over the step's element-wise gate work
// (recurrent-loops.ts). The tf-op path dispatches ~15 small kernels per step each way, and on WASM that
// dispatch, not the arithmetic, is most of a step at the char model's size (32 × 64 per gate).
//
// Registered for the backends whose tensors live in memory a JS loop can read: WASM (the module's heap)
// and CPU (typed arrays). GPU backends keep the tf-op path. runKernel keeps every output inside tfjs's
// memory management, like any other op. gru-sequence.ts and lstm-sequence.ts choose the path;
// recurrent-kernels.test.ts checks both kernels against the tf-op path on every backend they run on.

import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import {
  gruBackwardStep,
  gruForwardStep,
  lstmBackwardStep,
  lstmForwardStep,
  previousStatesTransposed,
  type StepShape,
  transposed,
} from './recurrent-loops';

export const RECURRENT_KERNELS = {
  gru: { forward: 'AnisoscopeGruSequence', backward: 'AnisoscopeGruSequenceGrad', gates: 3, cached: 4 },
  lstm: { forward: 'AnisoscopeLstmSequence', backward: 'AnisoscopeLstmSequenceGrad', gates: 4, cached: 5 },
} as const;
export type FusedCell = keyof typeof RECURRENT_KERNELS;

/** What a kernel needs of a backend: buffers it can read and write in place, and a matMul. */
interface Host {
  alloc(shape: number[]): tf.TensorInfo;
  /** A view of a tensor's values; taken again after every alloc or matMul (WASM's heap may move). */
  view(t: tf.TensorInfo): Float32Array;
  free(t: tf.TensorInfo): void;
  /** a·b as a new tensor. */
  matMul(a: tf.TensorInfo, b: tf.TensorInfo): tf.TensorInfo;
}

function hostOf(backend: tf.KernelBackend, name: 'wasm' | 'cpu'): Host {
  const batchMatMul = tf.getKernel(tf.BatchMatMul, name);
  if (!batchMatMul) throw new Error(`the ${name} backend has no BatchMatMul kernel`);
  const matMul = (a: tf.TensorInfo, b: tf.TensorInfo) =>
    batchMatMul.kernelFunc({
      inputs: { a, b },
      backend,
      attrs: { transposeA: false, transposeB: false },
    }) as tf.TensorInfo;
  if (name === 'wasm') {
    const wasm = backend as BackendWasm;
    return {
      alloc: (shape) => wasm.makeOutput(shape, 'float32'),
      view: (t) => wasm.typedArrayFromHeap(t) as Float32Array,
      free: (t) => {
        wasm.disposeData(t.dataId);
      },
      matMul,
    };
  }
  // The CPU backend keeps each tensor's values as a typed array.
  const cpu = backend as tf.KernelBackend & {
    makeTensorInfo(shape: number[], dtype: tf.DataType, values?: Float32Array): tf.TensorInfo;
    data: { get(id: tf.DataId): { values: Float32Array } };
  };
  return {
    alloc: (shape) => cpu.makeTensorInfo(shape, 'float32', new Float32Array(tf.util.sizeFromShape(shape))),
    view: (t) => cpu.data.get(t.dataId).values,
    free: (t) => {
      cpu.disposeData(t.dataId);
    },
    matMul,
  };
}

interface SequenceShape {
  steps: number;
  n: number;
  u: number;
  rows: number;
}

/** Checks what the loops index in lockstep (a mismatch would read past a buffer); throws the reason. */
function sequenceShape(
  cell: FusedCell,
  x: tf.TensorInfo,
  U: tf.TensorInfo,
  attrs: tf.NamedAttrMap,
): SequenceShape {
  const { gates, forward } = RECURRENT_KERNELS[cell];
  const steps = Number(attrs.steps);
  const [rows, width] = x.shape as number[];
  const [u, columns] = U.shape as number[];
  if (x.dtype !== 'float32' || U.dtype !== 'float32') throw new Error(`${forward}: float32 only`);
  if (x.shape.length !== 2 || U.shape.length !== 2 || !u || columns !== gates * u || width !== columns)
    throw new Error(
      `${forward}: projections [rows, ${gates}·u] and kernel [u, ${gates}·u] expected, got ${x.shape} and ${U.shape}`,
    );
  if (!Number.isInteger(steps) || steps < 1 || !rows || rows % steps !== 0)
    throw new Error(`${forward}: ${rows} rows do not split into ${steps} steps`);
  return { steps, n: rows / steps, u, rows };
}

function forward(
  cell: FusedCell,
  host: Host,
  x: tf.TensorInfo,
  U: tf.TensorInfo,
  s: SequenceShape,
): tf.TensorInfo[] {
  const { n, u, rows, steps } = s;
  const step = cell === 'gru' ? gruForwardStep : lstmForwardStep;
  const states = host.alloc([rows, u]);
  const cache = host.alloc([rows, RECURRENT_KERNELS[cell].cached * u]);
  const h = host.alloc([n, u]);
  for (let t = 0; t < steps; t++) {
    let hu: tf.TensorInfo | null = null;
    if (t > 0) {
      host.view(h).set(host.view(states).subarray((t - 1) * n * u, t * n * u));
      hu = host.matMul(h, U);
    }
    const shape: StepShape = { t, n, u };
    step(host.view(x), hu && host.view(hu), host.view(states), host.view(cache), shape);
    if (hu) host.free(hu);
  }
  host.free(h);
  return [states, cache];
}

/** ∂L/∂x [rows, gates·u] and ∂L/∂U [u, gates·u] from the output gradient and the forward's saved tensors. */
function backward(
  cell: FusedCell,
  host: Host,
  inputs: { dy: tf.TensorInfo; states: tf.TensorInfo; cache: tf.TensorInfo; U: tf.TensorInfo },
  s: SequenceShape,
): tf.TensorInfo[] {
  const { n, u, rows, steps } = s;
  const { dy, states, cache, U } = inputs;
  const width = RECURRENT_KERNELS[cell].gates * u;
  const dx = host.alloc([rows, width]);
  const dGates = host.alloc([n, width]); // the step's d(h·U), the matMul's input
  // d(h·U) of steps 1 … T−1 stacked, and h_{t−1} of those steps transposed, for ∂L/∂U in one matMul.
  const stacked = steps > 1 ? host.alloc([(steps - 1) * n, width]) : null;
  // Uᵀ once: d(h·U)·Uᵀ is then a plain matMul (with transposeB, tfjs-wasm's took ~6× as long here).
  const UT = host.alloc([width, u]);
  transposed(host.view(U), u, width, host.view(UT));
  const dh = new Float32Array(n * u); // ∂L/∂h_t from the later steps
  const dc = new Float32Array(n * u); // LSTM: ∂L/∂c_t from the later steps
  for (let t = steps - 1; t >= 0; t--) {
    const shape: StepShape = { t, n, u };
    if (cell === 'gru')
      gruBackwardStep(
        host.view(dy),
        host.view(states),
        host.view(cache),
        dh,
        host.view(dx),
        host.view(dGates),
        shape,
      );
    else lstmBackwardStep(host.view(dy), host.view(cache), dh, dc, host.view(dx), host.view(dGates), shape);
    if (t === 0 || !stacked) break;
    host.view(stacked).set(host.view(dGates), (t - 1) * n * width);
    const fromGates = host.matMul(dGates, UT); // d(h·U)·Uᵀ [n, u]
    const add = host.view(fromGates);
    // GRU: dh holds g ⊙ (1 − z) already; LSTM: ∂L/∂h_{t−1} is the matMul alone.
    if (cell === 'gru') for (let k = 0; k < dh.length; k++) dh[k] = (dh[k] as number) + (add[k] as number);
    else dh.set(add);
    host.free(fromGates);
  }
  host.free(dGates);
  host.free(UT);
  let dU: tf.TensorInfo;
  if (stacked) {
    const previousT = host.alloc([u, (steps - 1) * n]);
    previousStatesTransposed(host.view(states), steps, n, u, host.view(previousT));
    dU = host.matMul(previousT, stacked);
    host.free(previousT);
    host.free(stacked);
  } else {
    dU = host.alloc([u, width]);
    host.view(dU).fill(0);
  }
  return [dx, dU];
}

function configs(cell: FusedCell, backendName: 'wasm' | 'cpu'): tf.KernelConfig[] {
  const names = RECURRENT_KERNELS[cell];
  return [
    {
      kernelName: names.forward,
      backendName,
      kernelFunc: ({ inputs, backend, attrs }) => {
        const { x, U } = inputs as unknown as { x: tf.TensorInfo; U: tf.TensorInfo };
        return forward(
          cell,
          hostOf(backend as tf.KernelBackend, backendName),
          x,
          U,
          sequenceShape(cell, x, U, attrs ?? {}),
        );
      },
    },
    {
      kernelName: names.backward,
      backendName,
      kernelFunc: ({ inputs, backend, attrs }) => {
        const { dy, states, cache, U } = inputs as unknown as Record<
          'dy' | 'states' | 'cache' | 'U',
          tf.TensorInfo
        >;
        const s = sequenceShape(
          cell,
          { ...dy, shape: [dy.shape[0] as number, U.shape[1] as number] },
          U,
          attrs ?? {},
        );
        if (!tf.util.arraysEqual(dy.shape, states.shape) || cache.shape[1] !== names.cached * s.u)
          throw new Error(
            `${names.backward}: dy ${dy.shape}, states ${states.shape}, cache ${cache.shape} disagree`,
          );
        return backward(cell, hostOf(backend as tf.KernelBackend, backendName), { dy, states, cache, U }, s);
      },
    },
  ];
}

let enabled = true;

/** Tests and benchmarks switch the fused kernels off to compare against the tf-op path. */
export function setRecurrentKernelsEnabled(on: boolean): void {
  enabled = on;
}

/** Whether the active backend runs `cell`'s sequence as fused kernels. */
export function recurrentKernelsAvailable(cell: FusedCell): boolean {
  return enabled && tf.getKernel(RECURRENT_KERNELS[cell].forward, tf.getBackend()) !== undefined;
}

/** Registers both cells' kernels for WASM and CPU, once (registrations are global to tfjs). */
export function registerRecurrentKernels(): void {
  for (const backendName of ['wasm', 'cpu'] as const)
    for (const cell of ['gru', 'lstm'] as const)
      for (const config of configs(cell, backendName))
        if (!tf.getKernel(config.kernelName, backendName)) tf.registerKernel(config);
}

/** Runs `cell`'s fused forward kernel: the states [rows, u] and what the backward kernel needs. */
export function runRecurrentForward(
  cell: FusedCell,
  x: tf.Tensor,
  U: tf.Tensor,
  steps: number,
): [tf.Tensor, tf.Tensor] {
  const [states, cache] = tf
    .engine()
    .runKernel(RECURRENT_KERNELS[cell].forward, { x, U }, { steps }) as tf.Tensor[];
  if (!states || !cache) throw new Error(`${RECURRENT_KERNELS[cell].forward} returned too few outputs`);
  return [states, cache];
}

/** Runs `cell`'s fused backward kernel: [∂L/∂x, ∂L/∂U]. */
export function runRecurrentBackward(
  cell: FusedCell,
  inputs: { dy: tf.Tensor; states: tf.Tensor; cache: tf.Tensor; U: tf.Tensor },
  steps: number,
): [tf.Tensor, tf.Tensor] {
  const [dx, dU] = tf.engine().runKernel(RECURRENT_KERNELS[cell].backward, inputs, { steps }) as tf.Tensor[];
  if (!dx || !dU) throw new Error(`${RECURRENT_KERNELS[cell].backward} returned too few outputs`);
  return [dx, dU];
}
