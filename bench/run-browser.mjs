// Serves dist/bench-web with `vite preview`, opens it in headless Chromium (WebGPU via SwiftShader
// with --enable-unsafe-webgpu) and writes window.runBench()'s result to argv[2], together with the
// app's own numbers (bench/app-bench.mjs: first drawn snapshot, long tasks, frame intervals). Set
// BENCH_QUICK=1 for a short smoke run; CHROMIUM_PATH picks the browser.
import { writeFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { chromiumLaunchOptions } from '../e2e/chromium.mjs';
import { measureApp } from './app-bench.mjs';
import { measureScenes } from './scene-bench.mjs';

const out = process.argv[2] ?? 'dist/bench-browser.json';

/** The bench page with `?wasmThreads=0`: single-threaded WASM on the fig1-mnist MLP. */
async function singleThreaded(browser, url) {
  const page = await browser.newPage();
  page.on('console', (m) => process.stderr.write(`browser (1 thread): ${m.text()}\n`));
  await page.goto(`${url}?wasmThreads=0${process.env.BENCH_QUICK === '1' ? '&quick' : ''}`);
  await page.waitForFunction(() => 'runBench' in window, null, { timeout: 60_000 });
  page.setDefaultTimeout(0);
  return page.evaluate(() => window.runBench());
}
const server = await preview({ configFile: 'bench/vite.bench.config.ts', logLevel: 'warn' });
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('vite preview gave no URL');
const browser = await chromium.launch(chromiumLaunchOptions(['--enable-unsafe-webgpu']));
try {
  const log = (line) => process.stderr.write(`${line}\n`);
  // The app first, on a quiet machine: its numbers are frame times, not ratios.
  const app = await measureApp(browser, log, process.env.BENCH_QUICK === '1').catch((err) => {
    log(`app: skipped (${err instanceof Error ? err.message : String(err)})`);
    return { metrics: {}, detail: { skipped: String(err) } };
  });
  const scenes = await measureScenes(browser, log, process.env.BENCH_QUICK === '1').catch((err) => {
    log(`scenes: skipped (${err instanceof Error ? err.message : String(err)})`);
    return { metrics: {}, detail: { skipped: String(err) } };
  });
  Object.assign(app.metrics, scenes.metrics);
  app.detail.scenes = scenes.detail;
  const page = await browser.newPage();
  page.on('console', (m) => process.stderr.write(`browser: ${m.text()}\n`));
  page.on('pageerror', (e) => process.stderr.write(`browser error: ${e.message}\n`));
  await page.goto(`${url}${process.env.BENCH_QUICK === '1' ? '?quick' : ''}`);
  await page.waitForFunction(() => 'runBench' in window, null, { timeout: 60_000 });
  page.setDefaultTimeout(0);
  const result = await page.evaluate(() => window.runBench());
  // Single-threaded WASM in a fresh page (a page keeps the WASM build it started): the threads' speed-up.
  const oneThread = await singleThreaded(browser, url).catch((err) => {
    process.stderr.write(`wasm, 1 thread: skipped (${err instanceof Error ? err.message : String(err)})\n`);
    return { metrics: {} };
  });
  Object.assign(result.metrics, oneThread.metrics);
  // Threaded ÷ single-threaded steps/s on the fig1-mnist MLP, the geometric mean over Adam and Sadam.
  const fig1 = (b, o) => result.metrics[`browser.stepsPerS.${b}.784-128-64-10.${o}`];
  const ratios = ['adam', 'sadam'].map((o) => fig1('wasm', o) / fig1('wasm1t', o));
  if (ratios.every(Number.isFinite))
    result.metrics['browser.wasmThreadSpeedup'] = Math.sqrt(ratios[0] * ratios[1]);
  result.info = { browser: `Chromium ${browser.version()}` };
  Object.assign(result.metrics, app.metrics);
  result.spread = { ...(result.spread ?? {}), ...(app.spread ?? {}) };
  result.detail.app = app.detail;
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}
