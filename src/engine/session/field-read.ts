// One flat field of a run's variables, in layout order, queued with a snapshot's other reads and
// finished once they are back. On WASM and CPU the field is computed on the host, at once, from the
// optimizer's moments read in place (optim/host-fields.ts: no tfjs op chain, no copy of the moments,
// same float32 numbers); on the GPU backends by tfjs ops, as one tensor. NaN where a variable has no
// state yet.

import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { hostFieldSupported, writeHostField } from '../../optim/host-fields';
import type { StateField } from '../../optim/spec';
import { fieldBuffers } from './field-buffers';
import type { Run } from './run';

/** Queues a tensor (the snapshot's own: disposed after reading) to read; returns its slot. */
export type QueueRead = (tensor: tf.Tensor) => number;

export interface QueuedField {
  /** The field, from the values read back (indexed by the slots `queue` returned). */
  finish(values: readonly tf.TypedArray[]): Float32Array;
}

/** Backends whose tensors lie in host memory: there the host computes the fields. */
const HOST_BACKENDS: ReadonlySet<string> = new Set(['wasm', 'cpu']);

export function queueField(run: Run, kind: StateField, queue: QueueRead): QueuedField {
  const spec = run.optimizer.spec;
  if (!HOST_BACKENDS.has(tf.getBackend()) || !hostFieldSupported(spec, kind)) {
    const slot = queue(tensorField(run, kind));
    return { finish: (values) => values[slot] as Float32Array };
  }
  // Computed now, from the moments where they lie: both backends finish every op before returning,
  // so the moments are final, and nothing can change or free them before the field is written.
  const moments = run.optimizer.fieldMoments(kind);
  // Every value is written below (a variable's field, or NaN), so a reused array needs no clearing.
  const out = fieldBuffers.take(run.variables.reduce((sum, v) => sum + v.size, 0));
  let offset = 0;
  for (const v of run.variables) {
    const m = moments.get(v.name);
    if (m) writeHostField(spec, kind, m.step, hostValues(m.moment), out, offset);
    else out.fill(Number.NaN, offset, offset + v.size);
    offset += v.size;
  }
  return { finish: () => out };
}

/**
 * A tensor's values without a copy: a view of tfjs-wasm's heap (valid until tfjs next allocates) or
 * the CPU backend's own array. Only read, and only before any other tfjs call.
 */
function hostValues(t: tf.Tensor): Float32Array {
  const backend = tf.backend();
  if (tf.getBackend() === 'wasm') return (backend as BackendWasm).typedArrayFromHeap(t) as Float32Array;
  return backend.readSync(t.dataId) as Float32Array;
}

/** The field by tfjs ops, as one flat tensor (the caller disposes it). */
function tensorField(run: Run, kind: StateField): tf.Tensor {
  return tf.tidy(() => {
    const fields = run.optimizer.fields(kind);
    const parts = run.variables.map((v) => tf.reshape(fields[v.name] ?? tf.fill(v.shape, Number.NaN), [-1]));
    return tf.concat(parts);
  });
}
