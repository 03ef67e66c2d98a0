// The CNN's gradient step (batch 32, random data) on Node's WASM backend: tfjs-wasm's own MaxPoolGrad
// against the engine's (kernels/maxpool-grad-wasm.ts), interleaved in one process (PAIRS pairs of 20
// steps each, median), then the per-kernel times of one step (tf.profile, mean of 10).
//   npx vite build --mode cli --ssr bench/cnn-profile.ts --logLevel warn && node dist-cli/cnn-profile.js

import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { registerConvInputGradWasm } from '../src/engine/kernels/conv2d-backprop-input-wasm';
import { registerMaxPoolGradWasm } from '../src/engine/kernels/maxpool-grad-wasm';
import { convReluValid, maxPool2 } from '../src/engine/tasks/conv-layers';

const median = (v: number[]) => [...v].sort((x, y) => x - y)[v.length >> 1] as number;

async function main() {
  const require = createRequire(import.meta.url);
  setWasmPaths(
    `${path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`,
  );
  await tf.setBackend('wasm');
  registerConvInputGradWasm();
  const draw = (shape: number[], scale: number) =>
    tf.tensor(
      Float32Array.from({ length: shape.reduce((a, b) => a * b) }, () => (Math.random() - 0.5) * scale),
      shape,
    );
  const w1 = tf.variable(draw([5, 5, 1, 6], 0.6));
  const b1 = tf.variable(tf.zeros([6]));
  const w2 = tf.variable(draw([5, 5, 6, 16], 0.3));
  const b2 = tf.variable(tf.zeros([16]));
  const d1 = tf.variable(draw([256, 120], 0.3));
  const d2 = tf.variable(draw([120, 10], 0.3));
  const x = draw([32, 784], 2);
  const y = tf.oneHot(
    tf.tensor1d(
      Array.from({ length: 32 }, (_, i) => i % 10),
      'int32',
    ),
    10,
  );
  const loss = () => {
    const images = tf.reshape(x, [-1, 28, 28, 1]) as tf.Tensor4D;
    const c1 = maxPool2(convReluValid(images, w1, b1, true));
    const c2 = maxPool2(convReluValid(c1, w2, b2));
    const h = tf.relu(tf.matMul(tf.reshape(c2, [-1, 256]), d1));
    return tf.losses.softmaxCrossEntropy(y, tf.matMul(h, d2)) as tf.Scalar;
  };
  const step = () =>
    tf.tidy(() => {
      for (const g of Object.values(tf.variableGrads(loss).grads)) g.dataSync();
    });
  const msPerStep = () => {
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) step();
    return (performance.now() - t0) / 20;
  };
  const original = tf.getKernel(tf.MaxPoolGrad, 'wasm');
  registerMaxPoolGradWasm();
  const engine = tf.getKernel(tf.MaxPoolGrad, 'wasm');
  if (!original || !engine) throw new Error('no MaxPoolGrad kernel on wasm');
  const install = (k: tf.KernelConfig) => {
    tf.unregisterKernel(tf.MaxPoolGrad, 'wasm');
    tf.registerKernel(k);
  };
  for (let i = 0; i < 20; i++) step();
  const before: number[] = [];
  const after: number[] = [];
  for (let p = 0; p < Number(process.env.PAIRS ?? 15); p++) {
    install(original);
    before.push(msPerStep());
    install(engine);
    after.push(msPerStep());
  }
  const ratio = median(before.map((v, i) => v / (after[i] as number)));
  console.log(
    `ms/step tfjs-wasm ${median(before).toFixed(2)}, engine ${median(after).toFixed(2)}; median ratio ${ratio.toFixed(3)}`,
  );
  const totals = new Map<string, number>();
  for (let rep = 0; rep < 10; rep++) {
    for (const k of (await tf.profile(step)).kernels) {
      const key = `${k.name} ${JSON.stringify(k.inputShapes)}`;
      totals.set(key, (totals.get(key) ?? 0) + (k.kernelTimeMs as number) / 10);
    }
  }
  for (const [k, v] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(v.toFixed(3), k);
}
main();
