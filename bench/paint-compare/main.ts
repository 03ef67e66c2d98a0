// The heatmap paint side by side in one page: ColourTable.paint (the WebAssembly kernel) against
// paintJs (the JavaScript loop) on the bench's 1M-cell field, interleaved rep by rep so that load hits
// both alike. Each round: 30 timed reps of each (after 3 untimed), medians and their ratio; the page
// also checks that both paint the same pixels. Driven by bench/paint-compare.mjs.

import { mulberry32 } from '../../src/stats/random';
import { colourTableFor, paintKernelReady } from '../../src/ui/heatmap/color-table';

const now = () => performance.now();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

export type PaintRound = { kernelMs: number; jsMs: number; ratio: number };

/** Positive values spread over 8 decades, as float32 bits (the same field as browser-bench.ts). */
function field(n: number, seed: number): Int32Array {
  const f = new Float32Array(n);
  const random = mulberry32(seed);
  for (let i = 0; i < n; i++) f[i] = 10 ** (random() * 8);
  return new Int32Array(f.buffer);
}

async function comparePaint(reps = 30): Promise<PaintRound> {
  if (!(await paintKernelReady)) throw new Error('the WebAssembly paint kernel did not load');
  const table = colourTableFor(0, 8);
  const src = field(1_000_000, 1);
  const viaKernel = new Int32Array(src.length);
  const viaJs = new Int32Array(src.length);
  const kernel: number[] = [];
  const js: number[] = [];
  for (let i = 0; i < reps + 3; i++) {
    const t0 = now();
    table.paint(src, viaKernel);
    const t1 = now();
    table.paintJs(src, viaJs);
    const t2 = now();
    if (i >= 3) {
      kernel.push(t1 - t0);
      js.push(t2 - t1);
    }
  }
  for (let i = 0; i < src.length; i++)
    if (viaKernel[i] !== viaJs[i]) throw new Error(`cell ${i}: the kernel and the JavaScript loop differ`);
  const kernelMs = median(kernel);
  const jsMs = median(js);
  return { kernelMs, jsMs, ratio: jsMs / kernelMs };
}

(window as unknown as { comparePaint: typeof comparePaint }).comparePaint = comparePaint;
