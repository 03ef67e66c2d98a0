// Proves a freshly set backend computes: a tiny op read back with an async read. setBackend() can succeed
// on a device that then fails every op, and dataSync() on WebGPU here returns zeros and kills the device.
import * as tf from '@tensorflow/tfjs-core';

export async function sanityCheck(): Promise<void> {
  const y = tf.tidy(() => tf.square(tf.add(tf.tensor1d([1, 2, 3]), 1)));
  try {
    const got = Array.from(await y.data());
    const want = [4, 9, 16];
    if (got.some((v, i) => v !== want[i])) {
      throw new Error(`sanity op computed [${got.join(', ')}] instead of [${want.join(', ')}]`);
    }
  } finally {
    y.dispose();
  }
}
