// One CNN gradient step (batch 32, random data) on Node's WASM backend with every kernel the app
// registers, profiled per kernel (tf.profile, mean of REPS): where a step's time goes.
//   npx vite build --mode cli --ssr bench/cnn-step-profile.ts --logLevel warn && node dist-cli/cnn-step-profile.js

import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { setBackpropFilterRoute } from '../src/engine/kernels/conv2d-backprop-filter-wasm';
import { registerConvInputGradWasm } from '../src/engine/kernels/conv2d-backprop-input-wasm';
import { registerPlainMatMulWasm } from '../src/engine/kernels/matmul-transposed-wasm';
import { registerMaxPoolGradWasm } from '../src/engine/kernels/maxpool-grad-wasm';
import { convReluValid, convReluValidOps, maxPool2 } from '../src/engine/tasks/conv-layers';
import { softmaxCrossEntropy } from '../src/engine/tasks/params';

async function main() {
  const require = createRequire(import.meta.url);
  setWasmPaths(
    `${path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`,
  );
  await tf.setBackend('wasm');
  registerPlainMatMulWasm();
  registerConvInputGradWasm();
  registerMaxPoolGradWasm();
  const draw = (shape: number[], scale: number) =>
    tf.tensor(
      Float32Array.from({ length: shape.reduce((a, b) => a * b) }, () => (Math.random() - 0.5) * scale),
      shape,
    );
  const vars = [
    tf.variable(draw([5, 5, 1, 6], 0.6)),
    tf.variable(tf.zeros([6])),
    tf.variable(draw([5, 5, 6, 16], 0.3)),
    tf.variable(tf.zeros([16])),
    tf.variable(draw([256, 120], 0.3)),
    tf.variable(tf.zeros([120])),
    tf.variable(draw([120, 10], 0.3)),
    tf.variable(tf.zeros([10])),
  ];
  const [w1, b1, w2, b2, d1, e1, d2, e2] = vars as tf.Variable[] as [
    tf.Variable,
    tf.Variable,
    tf.Variable,
    tf.Variable,
    tf.Variable,
    tf.Variable,
    tf.Variable,
    tf.Variable,
  ];
  const x = draw([32, 784], 2);
  const labels = tf.tensor1d(
    Array.from({ length: 32 }, (_, i) => i % 10),
    'int32',
  );
  // AB=layer: relu(conv2d + bias) as three ops against the fused layer; AB=filter: the filter gradient's
  // im2col + matMul route against the convolution route; AB=all: both at once. `fused` = the new side.
  const ab = process.env.AB ?? 'filter';
  let fused = true;
  const layer = (a: tf.Tensor4D, w: tf.Tensor, b: tf.Tensor, isData = false) => {
    if (ab !== 'layer') setBackpropFilterRoute(fused ? 'conv' : 'matmul');
    return fused || ab === 'filter' ? convReluValid(a, w, b, isData) : convReluValidOps(a, w, b);
  };
  const loss = () => {
    const images = tf.reshape(x, [-1, 28, 28, 1]) as tf.Tensor4D;
    const c1 = maxPool2(layer(images, w1, b1, true));
    const c2 = maxPool2(layer(c1, w2, b2));
    const h = tf.relu(tf.add(tf.matMul(tf.reshape(c2, [-1, 256]), d1), e1));
    return softmaxCrossEntropy(tf.add(tf.matMul(h, d2), e2), labels, 10);
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
  const median = (v: number[]) => [...v].sort((p, q) => p - q)[v.length >> 1] as number;
  const heapBytes = () => (tf.backend() as unknown as { wasm: { HEAPU8: Uint8Array } }).wasm.HEAPU8.length;
  for (let i = 0; i < 20; i++) step();
  console.log(`heap ${heapBytes()} B`);
  const ops: number[] = [];
  const own: number[] = [];
  for (let p = 0; p < Number(process.env.PAIRS ?? 15); p++) {
    fused = p % 2 === 0;
    (fused ? own : ops).push(msPerStep());
    fused = !fused;
    (fused ? own : ops).push(msPerStep());
  }
  const ratio = median(ops.map((v, i) => v / (own[i] as number)));
  console.log(
    `${ab}: ms/step old ${median(ops).toFixed(2)}, new ${median(own).toFixed(2)}; median ratio ${ratio.toFixed(3)}; heap ${heapBytes()} B`,
  );
  fused = process.env.PROFILE !== 'ops';
  const reps = Number(process.env.REPS ?? 20);
  const totals = new Map<string, number>();
  let kernels = 0;
  for (let rep = 0; rep < reps; rep++) {
    const info = await tf.profile(step);
    kernels += info.kernels.length / reps;
    for (const k of info.kernels) {
      const key = `${k.name} ${JSON.stringify(k.inputShapes)}`;
      totals.set(key, (totals.get(key) ?? 0) + (k.kernelTimeMs as number) / reps);
    }
  }
  const sum = [...totals.values()].reduce((a, b) => a + b, 0);
  console.log(`kernels/step ${kernels}, kernel ms/step ${sum.toFixed(2)}`);
  for (const [k, v] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v.toFixed(3), k);
}
main();
