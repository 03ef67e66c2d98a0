// One flat field of a run's variables, in layout order, queued with a snapshot's other reads and
// finished once they are back. On WASM and CPU, where a read-back is a plain copy, the field is computed
// on the host from the moments themselves (optim/host-fields.ts: no tfjs op chain, same float32
// numbers); on the GPU backends by tfjs ops, as one tensor. NaN where a variable has no state yet.

import * as tf from '@tensorflow/tfjs-core';
import { hostFieldSupported, writeHostField } from '../../optim/host-fields';
import type { StateField } from '../../optim/spec';
import type { Run } from './run';

/** Queues a tensor to read; `owned`: the snapshot made it and disposes it after reading. Returns its slot. */
export type QueueRead = (tensor: tf.Tensor, owned: boolean) => number;

export interface QueuedField {
  /** The field, from the values read back (indexed by the slots `queue` returned). */
  finish(values: readonly tf.TypedArray[]): Float32Array;
}

/** Backends whose `data()` is a copy out of host memory: there the host computes the fields. */
const HOST_BACKENDS: ReadonlySet<string> = new Set(['wasm', 'cpu']);

export function queueField(run: Run, kind: StateField, queue: QueueRead): QueuedField {
  const spec = run.optimizer.spec;
  if (!HOST_BACKENDS.has(tf.getBackend()) || !hostFieldSupported(spec, kind)) {
    const slot = queue(tensorField(run, kind), true);
    return { finish: (values) => values[slot] as Float32Array };
  }
  const moments = run.optimizer.fieldMoments(kind);
  // The optimizer's live state is read, not copied first: it stays the optimizer's (owned = false).
  const parts = run.variables.map((v) => {
    const m = moments.get(v.name);
    return { size: v.size, step: m?.step ?? 0, slot: m ? queue(m.moment, false) : -1 };
  });
  return {
    finish(values) {
      const out = new Float32Array(parts.reduce((sum, p) => sum + p.size, 0));
      let offset = 0;
      for (const { size, step, slot } of parts) {
        if (slot < 0) out.fill(Number.NaN, offset, offset + size);
        else writeHostField(spec, kind, step, values[slot] as Float32Array, out, offset);
        offset += size;
      }
      return out;
    },
  };
}

/** The field by tfjs ops, as one flat tensor (the caller disposes it). */
function tensorField(run: Run, kind: StateField): tf.Tensor {
  return tf.tidy(() => {
    const fields = run.optimizer.fields(kind);
    const parts = run.variables.map((v) => tf.reshape(fields[v.name] ?? tf.fill(v.shape, Number.NaN), [-1]));
    return tf.concat(parts);
  });
}
