// The CNN's first max-pool gradient (32×24×24×6, 2×2, stride 2): the 2×2 path against the general
// window loop (kernels/maxpool-grad-wasm.ts), interleaved, PAIRS pairs of 50 calls, median.
//   npx vite build --mode cli --ssr bench/maxpool-grad-bench.ts --logLevel warn && node dist-cli/maxpool-grad-bench.js

import {
  maxPoolGradLoop,
  maxPoolGradWindows,
  type PoolGeometry,
} from '../src/engine/kernels/maxpool-grad-wasm';

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1] as number;
const g: PoolGeometry = {
  batch: 32,
  inH: 24,
  inW: 24,
  channels: 6,
  outH: 12,
  outW: 12,
  kH: 2,
  kW: 2,
  strideH: 2,
  strideW: 2,
  top: 0,
  left: 0,
};
const x = Float32Array.from({ length: 32 * 24 * 24 * 6 }, () => Math.max(0, Math.random() - 0.3));
const dy = Float32Array.from({ length: 32 * 12 * 12 * 6 }, () => Math.random() - 0.5);
const dx = new Float32Array(x.length);
const time = (f: typeof maxPoolGradLoop) => {
  const t0 = performance.now();
  for (let i = 0; i < 50; i++) f(x, dy, g, dx);
  return (performance.now() - t0) / 50;
};
const general: number[] = [];
const fast: number[] = [];
for (let p = 0; p < Number(process.env.PAIRS ?? 25); p++) {
  general.push(time(maxPoolGradWindows));
  fast.push(time(maxPoolGradLoop));
}
const ratio = median(general.map((v, i) => v / (fast[i] as number)));
console.log(
  `ms general ${median(general).toFixed(3)}, 2×2 path ${median(fast).toFixed(3)}; median ratio ${ratio.toFixed(2)}`,
);
