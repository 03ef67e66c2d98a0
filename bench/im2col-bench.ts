// im2colTransposed (kernels/conv2d-backprop-filter-wasm.ts) against the loop it replaced (kept below,
// with its bounds test per element), on the CNN's two layers at batch 32, interleaved: PAIRS pairs of
// 50 calls each, median ms per call and median ratio.
//   npx vite build --mode cli --ssr bench/im2col-bench.ts --logLevel warn && node dist-cli/im2col-bench.js

import { type Geometry, im2colTransposed } from '../src/engine/kernels/conv2d-backprop-filter-wasm';

function im2colBefore(x: Float32Array, g: Geometry, out: Float32Array): void {
  const positions = g.batch * g.outH * g.outW;
  for (let r = 0; r < g.kH; r++) {
    for (let c = 0; c < g.kW; c++) {
      for (let i = 0; i < g.inC; i++) {
        let k = ((r * g.kW + c) * g.inC + i) * positions;
        for (let b = 0; b < g.batch; b++) {
          for (let yR = 0; yR < g.outH; yR++) {
            const xR = yR * g.strideH + r * g.dilationH - g.top;
            if (xR < 0 || xR >= g.inH) {
              out.fill(0, k, k + g.outW);
              k += g.outW;
              continue;
            }
            const rowBase = (b * g.inH + xR) * g.inW;
            for (let yC = 0; yC < g.outW; yC++) {
              const xC = yC * g.strideW + c * g.dilationW - g.left;
              out[k++] = xC >= 0 && xC < g.inW ? (x[(rowBase + xC) * g.inC + i] as number) : 0;
            }
          }
        }
      }
    }
  }
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1] as number;
const layer = (batch: number, size: number, inC: number, outC: number): Geometry => ({
  batch,
  inH: size,
  inW: size,
  inC,
  outH: size - 4,
  outW: size - 4,
  outC,
  kH: 5,
  kW: 5,
  strideH: 1,
  strideW: 1,
  dilationH: 1,
  dilationW: 1,
  top: 0,
  left: 0,
});

for (const [name, g] of [
  ['conv1', layer(32, 28, 1, 6)],
  ['conv2', layer(32, 12, 6, 16)],
] as const) {
  const x = Float32Array.from({ length: g.batch * g.inH * g.inW * g.inC }, Math.random);
  const out = new Float32Array(g.kH * g.kW * g.inC * g.batch * g.outH * g.outW);
  const time = (f: typeof im2colTransposed) => {
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) f(x, g, out);
    return (performance.now() - t0) / 50;
  };
  for (let i = 0; i < 5; i++) {
    time(im2colBefore);
    time(im2colTransposed);
  }
  const before: number[] = [];
  const after: number[] = [];
  for (let p = 0; p < Number(process.env.PAIRS ?? 15); p++) {
    before.push(time(im2colBefore));
    after.push(time(im2colTransposed));
  }
  const ratio = median(before.map((v, i) => v / (after[i] as number)));
  console.log(
    `${name}: before ${median(before).toFixed(3)} ms, after ${median(after).toFixed(3)} ms, ratio ${ratio.toFixed(2)}`,
  );
}
