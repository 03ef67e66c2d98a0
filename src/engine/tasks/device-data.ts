// A task's data tensors, made from its JS arrays on first use on the current backend. Releasing
// them before a backend switch lets the next use re-create them on the new backend, so that no
// tensor is ever moved by tfjs itself (its move reads synchronously, which kills WebGPU here).

import * as tf from '@tensorflow/tfjs-core';

export interface DeviceData<T extends Record<string, tf.Tensor>> {
  get(): T;
  release(): void;
}

export function deviceData<T extends Record<string, tf.Tensor>>(make: () => T): DeviceData<T> {
  let cached: T | null = null;
  return {
    get() {
      if (cached === null) {
        const made = tf.tidy(make);
        // First use may happen inside a caller's tidy: keep the data alive beyond it.
        for (const tensor of Object.values(made)) tf.keep(tensor);
        cached = made;
      }
      return cached;
    },
    release() {
      if (cached !== null) tf.dispose(Object.values(cached));
      cached = null;
    },
  };
}
