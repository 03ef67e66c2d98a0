// col2im (kernels/conv2d-backprop-input-wasm.ts) against the loop it replaced (kept below), on the
// CNN's second layer at batch 32, interleaved: PAIRS pairs of 50 calls each, medians and median ratio.
//   npx vite build --mode cli --ssr bench/col2im-bench.ts --logLevel warn && node dist-cli/col2im-bench.js

import type { Geometry } from '../src/engine/kernels/conv2d-backprop-filter-wasm';
import { col2im } from '../src/engine/kernels/conv2d-backprop-input-wasm';

function col2imBefore(cols: Float32Array, g: Geometry, dx: Float32Array): void {
  dx.fill(0);
  const taps = g.kH * g.kW * g.inC;
  let n = 0;
  for (let b = 0; b < g.batch; b++) {
    for (let yR = 0; yR < g.outH; yR++) {
      for (let yC = 0; yC < g.outW; yC++, n++) {
        const rowBase = n * taps;
        for (let r = 0; r < g.kH; r++) {
          const xR = yR * g.strideH + r * g.dilationH - g.top;
          if (xR < 0 || xR >= g.inH) continue;
          for (let c = 0; c < g.kW; c++) {
            const xC = yC * g.strideW + c * g.dilationW - g.left;
            if (xC < 0 || xC >= g.inW) continue;
            const xBase = ((b * g.inH + xR) * g.inW + xC) * g.inC;
            const k = rowBase + (r * g.kW + c) * g.inC;
            for (let i = 0; i < g.inC; i++)
              dx[xBase + i] = (dx[xBase + i] as number) + (cols[k + i] as number);
          }
        }
      }
    }
  }
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1] as number;
const g: Geometry = {
  batch: 32,
  inH: 12,
  inW: 12,
  inC: 6,
  outH: 8,
  outW: 8,
  outC: 16,
  kH: 5,
  kW: 5,
  strideH: 1,
  strideW: 1,
  dilationH: 1,
  dilationW: 1,
  top: 0,
  left: 0,
};
const cols = Float32Array.from({ length: g.batch * g.outH * g.outW * g.kH * g.kW * g.inC }, Math.random);
const dx = new Float32Array(g.batch * g.inH * g.inW * g.inC);
const time = (f: typeof col2im) => {
  const t0 = performance.now();
  for (let i = 0; i < 50; i++) f(cols, g, dx);
  return (performance.now() - t0) / 50;
};
for (let i = 0; i < 5; i++) {
  time(col2imBefore);
  time(col2im);
}
const before: number[] = [];
const after: number[] = [];
for (let p = 0; p < Number(process.env.PAIRS ?? 15); p++) {
  before.push(time(col2imBefore));
  after.push(time(col2im));
}
const ratio = median(before.map((v, i) => v / (after[i] as number)));
console.log(
  `conv2 col2im: before ${median(before).toFixed(3)} ms, after ${median(after).toFixed(3)} ms, ratio ${ratio.toFixed(2)}`,
);
