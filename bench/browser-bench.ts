// The bench page's code: update ratio and the scaling table per backend (WebGPU, WebGL, WASM, CPU),
// the engine ratio on WASM, and the heatmap painting / aggregation times. bench/run-browser.mjs calls
// window.runBench(). Timings that a quiet moment could flatter are repeated spread over the run and the
// median repetition is reported: the heatmaps before and after each backend (5 rounds), the engine ratio
// 5 times. `?wasmThreads=0` measures only single-threaded WASM (the fig1-mnist MLP), for the threads'
// speed-up.

import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { fetchAssetLoader } from '../src/engine/data/asset-loader';
import { errorMessage } from '../src/engine/error-message';
import { loadBackend } from '../src/engine/load-backend';
import type { BackendName } from '../src/engine/protocol';
import { mulberry32 } from '../src/stats/random';
import { aggregate, CODES } from '../src/ui/heatmap/aggregate';
import { colourTableFor, paintKernelReady } from '../src/ui/heatmap/color-table';
import { type EngineRatio, measureEngineRatio } from './engine';
import { measureScaling, measureUpdateRatio, median, now, SCALING_MODELS, type ScalingRow } from './measure';
import { type Spread, spreadOf } from './spread.mjs';

type Log = (line: string) => void;

/** Positive values spread over 8 decades (like an A-LR field), as float32 bits. */
function field(n: number, seed: number): Int32Array {
  const f = new Float32Array(n);
  const random = mulberry32(seed);
  for (let i = 0; i < n; i++) f[i] = 10 ** (random() * 8);
  return new Int32Array(f.buffer);
}

type HeatmapTimes = {
  heatmap1MMs: number;
  /** The same paint through the JavaScript loop (no WebAssembly), interleaved with it. */
  heatmap1MJsMs: number;
  heatmapPutImageDataMs: number;
  heatmapAgg4MMs: number;
};

function heatmaps(): HeatmapTimes {
  const reps = 30;
  const table = colourTableFor(0, 8); // built (and cached) before timing, as in the app
  const src1 = field(1_000_000, 1);
  const image = new ImageData(1000, 1000);
  const pixels = new Int32Array(image.data.buffer);
  const canvas = document.createElement('canvas');
  canvas.width = 1000;
  canvas.height = 1000;
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  const paint: number[] = [];
  const paintJs: number[] = [];
  const put: number[] = [];
  for (let i = 0; i < reps + 3; i++) {
    const t0 = now();
    table.paint(src1, pixels);
    const t1 = now();
    ctx.putImageData(image, 0, 0);
    const t2 = now();
    table.paintJs(src1, pixels);
    const t3 = now();
    if (i >= 3) {
      paint.push(t1 - t0);
      put.push(t2 - t1);
      paintJs.push(t3 - t2);
    }
  }
  const src4 = field(4_000_000, 2);
  const reduced = new Int32Array(1000 * 1000);
  void CODES.max; // the field holds only positive finite values: no NaN or empty codes to gather
  const agg: number[] = [];
  for (let i = 0; i < reps + 3; i++) {
    const t0 = now();
    aggregate('max', src4, 2000, 2000, 2, reduced);
    if (i >= 3) agg.push(now() - t0);
  }
  return {
    heatmap1MMs: median(paint),
    heatmap1MJsMs: median(paintJs),
    heatmapPutImageDataMs: median(put),
    heatmapAgg4MMs: median(agg),
  };
}

/** The median round of each heatmap time (rounds taken at different moments of the run). */
function medianRounds(rounds: HeatmapTimes[], log: Log): HeatmapTimes {
  const pick = (k: keyof HeatmapTimes) => median(rounds.map((r) => r[k]));
  const r = {
    heatmap1MMs: pick('heatmap1MMs'),
    heatmap1MJsMs: pick('heatmap1MJsMs'),
    heatmapPutImageDataMs: pick('heatmapPutImageDataMs'),
    heatmapAgg4MMs: pick('heatmapAgg4MMs'),
  };
  log(
    `heatmaps (median of ${rounds.length} rounds): paint 1M ${r.heatmap1MMs.toFixed(2)} ms [${rounds.map((x) => x.heatmap1MMs.toFixed(2)).join(', ')}] (JavaScript loop ${r.heatmap1MJsMs.toFixed(2)} ms), putImageData ${r.heatmapPutImageDataMs.toFixed(2)} ms, max 4M→1M ${r.heatmapAgg4MMs.toFixed(2)} ms`,
  );
  return r;
}

const FIG1_MLP = '784-128-64-10';

/** `?wasmThreads=0`: single-threaded WASM only, on the fig1-mnist MLP (run-browser.mjs compares). */
async function singleThreadedWasm(log: Log, quick: boolean): Promise<Record<string, number>> {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  await loadBackend('wasm', { allowSoftwareWebGl: false });
  if (!(await tf.setBackend('wasm'))) throw new Error('setBackend returned false');
  await tf.ready();
  const row = await measureScaling([784, 128, 64, 10], quick ? 300 : 3000, 64, quick ? 2 : 5);
  log(
    `wasm, 1 thread: ${row.layers} adam ${row.adamStepsPerS.toFixed(1)} / sadam ${row.sadamStepsPerS.toFixed(1)} steps/s`,
  );
  return {
    [`browser.stepsPerS.wasm1t.${FIG1_MLP}.adam`]: row.adamStepsPerS,
    [`browser.stepsPerS.wasm1t.${FIG1_MLP}.sadam`]: row.sadamStepsPerS,
  };
}

/** `browser.engineRatio.wasm` (median of 5 repeats) with its spread; the current backend must be WASM. */
async function wasmEngineRatio(
  log: Log,
  quick: boolean,
  detail: Record<string, unknown>,
  spread: Record<string, Spread>,
): Promise<Record<string, number>> {
  const backend = 'wasm';
  const metrics: Record<string, number> = { 'browser.wasmThreads': getThreadsCount() };
  detail.crossOriginIsolated = crossOriginIsolated;
  const loader = fetchAssetLoader(new URL('./', document.baseURI).href);
  const repeats: EngineRatio[] = [];
  for (let i = 0; i < (quick ? 1 : 5); i++) repeats.push(await measureEngineRatio(loader, quick ? 4 : 12));
  const e = repeats.find((r) => r.ratio === median(repeats.map((x) => x.ratio))) ?? repeats[0];
  metrics[`browser.engineRatio.${backend}`] = median(repeats.map((x) => x.ratio));
  spread[`browser.engineRatio.${backend}`] = spreadOf(repeats.map((x) => x.ratio));
  detail[`engine.browser.${backend}`] = { median: e, repeats };
  log(
    `${backend} (${getThreadsCount()} threads): engine ratio median of ${repeats.length}: ${median(repeats.map((x) => x.ratio)).toFixed(2)} (ratio of medians ${median(repeats.map((x) => x.ratioOfMedians)).toFixed(2)}) [${repeats.map((x) => `${x.sessionStepsPerS.toFixed(1)}/${x.loopStepsPerS.toFixed(1)}`).join(', ')} steps/s]`,
  );
  return metrics;
}

async function runBench(): Promise<{
  metrics: Record<string, number>;
  /** The repetitions behind a median metric: how far one of them could stray. */
  spread: Record<string, Spread>;
  detail: Record<string, unknown>;
  scaling: Record<string, ScalingRow[]>;
  log: string[];
}> {
  const lines: string[] = [];
  const log: Log = (line) => {
    lines.push(line);
    console.log(line);
  };
  const metrics: Record<string, number> = {};
  const detail: Record<string, unknown> = { userAgent: navigator.userAgent };
  const spread: Record<string, Spread> = {};
  const quick = new URLSearchParams(location.search).has('quick');
  if (new URLSearchParams(location.search).get('wasmThreads') === '0') {
    return { metrics: await singleThreadedWasm(log, quick), spread, detail, scaling: {}, log: lines };
  }
  // `?updateOnly=webgl,…`: only the update ratio on those backends (an A/B of an optimizer kernel).
  const updateOnly = new URLSearchParams(location.search).get('updateOnly');
  if (updateOnly) {
    for (const backend of updateOnly.split(',') as BackendName[]) {
      await loadBackend(backend, { allowSoftwareWebGl: true });
      if (!(await tf.setBackend(backend))) throw new Error(`setBackend('${backend}') returned false`);
      const u = await measureUpdateRatio(quick ? 20 : 100);
      metrics[`browser.updateRatio.${backend}`] = u.ratio;
      log(
        `${backend}: update sadam ${u.sadamMs.toFixed(2)} ms / adam ${u.adamMs.toFixed(2)} ms = ${u.ratio.toFixed(2)}`,
      );
    }
    return { metrics, spread, detail, scaling: {}, log: lines };
  }
  // `?engineOnly`: only the WASM engine ratio (an A/B of the snapshot path; bench/update-only.mjs).
  if (new URLSearchParams(location.search).has('engineOnly')) {
    await loadBackend('wasm', { allowSoftwareWebGl: false });
    if (!(await tf.setBackend('wasm'))) throw new Error("setBackend('wasm') returned false");
    await tf.ready();
    return {
      metrics: await wasmEngineRatio(log, quick, detail, spread),
      spread,
      detail,
      scaling: {},
      log: lines,
    };
  }
  // The paint's WebAssembly kernel loads with import(): time it once loaded, as the app paints.
  detail.heatmapPaintKernel = await paintKernelReady;
  const rounds: HeatmapTimes[] = [heatmaps()];
  const scaling: Record<string, ScalingRow[]> = {};
  for (const backend of ['webgpu', 'webgl', 'wasm', 'cpu'] as BackendName[]) {
    try {
      await loadBackend(backend, { allowSoftwareWebGl: true });
      if (!(await tf.setBackend(backend))) throw new Error('setBackend returned false');
      await tf.ready();
      const reps = quick ? 20 : backend === 'cpu' ? 60 : 100;
      const u = await measureUpdateRatio(reps);
      metrics[`browser.updateRatio.${backend}`] = u.ratio;
      detail[`update.browser.${backend}`] = u;
      log(
        `${backend}: update sadam ${u.sadamMs.toFixed(2)} ms / adam ${u.adamMs.toFixed(2)} ms = ${u.ratio.toFixed(2)}`,
      );
      if (backend === 'wasm') Object.assign(metrics, await wasmEngineRatio(log, quick, detail, spread));
      // The scaling table: whole training steps/s as the model grows (3 pairs at least: WebGPU on
      // SwiftShader takes seconds per step at 1M parameters).
      scaling[backend] = [];
      for (const layers of SCALING_MODELS) {
        const row = await measureScaling(layers, quick ? 300 : 1500, 64, quick ? 2 : 3);
        scaling[backend].push(row);
        metrics[`browser.stepsPerS.${backend}.${row.layers}.adam`] = row.adamStepsPerS;
        metrics[`browser.stepsPerS.${backend}.${row.layers}.sadam`] = row.sadamStepsPerS;
        log(
          `${backend}: ${row.layers} (${row.params} params) adam ${row.adamStepsPerS.toFixed(1)} / sadam ${row.sadamStepsPerS.toFixed(1)} steps/s`,
        );
      }
    } catch (err) {
      log(`${backend}: skipped (${errorMessage(err)})`);
      detail[`skipped.${backend}`] = String(err);
    }
    rounds.push(heatmaps());
  }
  Object.assign(metrics, medianRounds(rounds, log));
  for (const key of ['heatmap1MMs', 'heatmap1MJsMs', 'heatmapPutImageDataMs', 'heatmapAgg4MMs'] as const)
    spread[key] = spreadOf(rounds.map((r) => r[key]));
  detail.heatmapRounds = rounds;
  return { metrics, spread, detail, scaling, log: lines };
}

(window as unknown as { runBench: typeof runBench }).runBench = runBench;
document.title = 'Anisoscope bench (ready)';
