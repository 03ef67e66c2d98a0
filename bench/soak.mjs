// `npm run soak [-- --minutes N] [-- --out file.json] [-- --backend wasm]`: trains the default scene in
// headless Chromium for N minutes (default 30) and samples, once a minute with training paused for a
// moment (so nothing is in flight): the page's and the engine worker's JS heap after a forced GC
// (DevTools protocol), the worker's tensor count and bytes (`self.anisoscopeStats()`,
// src/engine/debug-stats.ts) and the steps/s
// since the last sample. Prints a table, writes JSON, and exits 1 when anything grew beyond noise.
//
// The app is built into a temporary folder, so e2e runs (which rebuild dist/) cannot pull the site out
// from under a soak that is running. CHROMIUM_PATH picks the browser, as in bench/run-browser.mjs.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { chromiumLaunchOptions } from '../e2e/chromium.mjs';
import { judgeSoak } from './soak-judge.mjs';
import { workerHeapProbe } from './worker-heap.mjs';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    out: { type: 'string', default: 'soak-result.json' },
    backend: { type: 'string' },
    // Seconds between samples: a minute by default; shorter only to try the script out.
    every: { type: 'string', default: '60' },
  },
});
const minutes = Number(args.minutes);
const everyMs = Number(args.every) * 1000;
if (!(minutes > 0) || !(everyMs > 0)) throw new Error('--minutes and --every must be positive numbers');

const MB = 1024 * 1024;
const site = await mkdtemp(join(tmpdir(), 'anisoscope-soak-'));
await build({ logLevel: 'warn', build: { outDir: site, emptyOutDir: true } });
const server = await preview({
  logLevel: 'warn',
  build: { outDir: site },
  preview: { host: '127.0.0.1', port: 4380, strictPort: false },
});
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('vite preview gave no URL');

const browser = await chromium.launch(chromiumLaunchOptions());
let exitCode = 0;
try {
  // Reduced motion: the page waits at step 0 (no first-screen warm-up) until the soak presses play.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const workerReady = page.waitForEvent('worker', { timeout: 60_000 });
  await page.goto(args.backend ? `${url}?backend=${args.backend}` : url);
  const worker = await workerReady;
  const runs = page.getByTestId('runs');
  await runs.waitFor({ timeout: 120_000 });
  await page.waitForFunction(
    () => document.querySelector('[data-testid="runs"]')?.getAttribute('data-step') === '0',
    null,
    { timeout: 120_000 },
  );
  const backend = await worker.evaluate(() => self.anisoscopeStats().backend);
  const cdp = await page.context().newCDPSession(page);
  const workerHeap = await workerHeapProbe(browser, worker.url());
  const playPause = page.getByTestId('play-pause');
  const stepNow = async () => Number(await runs.getAttribute('data-step'));

  /** Pauses, waits for the pause to land, samples, and leaves training paused. */
  async function sample(minute, playedMs, stepsBefore) {
    if (/Pause/.test((await playPause.textContent()) ?? '')) {
      await playPause.click();
      await page.waitForFunction(
        () => /Play/.test(document.querySelector('[data-testid="play-pause"]')?.textContent ?? ''),
        null,
        { timeout: 60_000 },
      );
    }
    const step = await stepNow();
    // Twice: the first collection may leave garbage that finalisers free for the second.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const engine = await worker.evaluate(() => self.anisoscopeStats());
    const inWorker = await workerHeap();
    return {
      minute,
      step,
      stepsPerSecond: playedMs > 0 ? ((step - stepsBefore) * 1000) / playedMs : 0,
      heapUsedMB: heap.usedSize / MB,
      heapTotalMB: heap.totalSize / MB,
      // ArrayBuffer backing stores (the snapshots' fields, the quantised field history) live outside
      // the V8 heap proper; newer Chromium reports them separately.
      backingStoreMB: heap.backingStorageSize !== undefined ? heap.backingStorageSize / MB : null,
      workerHeapMB: inWorker.usedSize / MB,
      numTensors: engine.numTensors,
      tensorMB: engine.numBytes / MB,
      ...(engine.numBytesInGPU !== undefined ? { gpuMB: engine.numBytesInGPU / MB } : {}),
    };
  }

  const samples = [await sample(0, 0, 0)];
  printHeader(backend);
  printRow(samples[0]);
  const total = Math.round((minutes * 60_000) / everyMs);
  for (let i = 1; i <= total; i++) {
    const before = samples.at(-1).step;
    await playPause.click();
    const started = Date.now();
    await page.waitForTimeout(everyMs);
    const played = Date.now() - started;
    const s = await sample((i * everyMs) / 60_000, played, before);
    samples.push(s);
    printRow(s);
  }

  const verdict = judgeSoak(samples);
  if (errors.length > 0) verdict.problems.push(`${errors.length} console error(s): ${errors[0]}`);
  const result = {
    date: new Date().toISOString(),
    browser: `Chromium ${browser.version()}`,
    scene: 'fig1-mnist (default)',
    backend,
    minutes,
    sampleEverySeconds: everyMs / 1000,
    samples,
    verdict,
  };
  await writeFile(args.out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n${verdict.summary}`);
  for (const p of verdict.problems) console.log(`  PROBLEM: ${p}`);
  console.log(`written to ${args.out}`);
  exitCode = verdict.problems.length > 0 ? 1 : 0;
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
  await rm(site, { recursive: true, force: true });
}
process.exit(exitCode);

function printHeader(backend) {
  console.log(`soak: default scene on ${backend}, ${minutes} min, a sample every ${everyMs / 1000} s`);
  console.log('  min     step  steps/s  heap MB  backing MB  worker heap MB  tensors  tensor MB');
}

function printRow(s) {
  const f = (x, w, d = 1) => (x === null ? '–' : x.toFixed(d)).padStart(w);
  console.log(
    `${f(s.minute, 5)} ${String(s.step).padStart(8)} ${f(s.stepsPerSecond, 8)} ${f(s.heapUsedMB, 8)} ` +
      `${f(s.backingStoreMB, 11)} ${f(s.workerHeapMB, 15)} ${String(s.numTensors).padStart(8)} ${f(s.tensorMB, 10, 2)}`,
  );
}
