// `node bench/frame-cpu-ab.mjs DIR_A DIR_B [rounds] [seconds]` (after building both): the page's
// main-thread CPU time per training step while the default scene trains (`?backend=wasm`, 1280×900),
// for two builds alternating in one process. It reads thread CPU time (the trace's `tdur`), not wall
// time, so a machine loaded by other processes inflates it far less than it does frame intervals; split
// into script, style + layout, and paint (pre-paint, paint, layerize, commit). Medians of the rounds.
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { chromiumLaunchOptions } from '../e2e/chromium.mjs';
import { medianOf } from './spread.mjs';

const [dirA, dirB] = process.argv.slice(2, 4);
const rounds = Number(process.argv[4] ?? 3);
const seconds = Number(process.argv[5] ?? 8);
const CATEGORIES = 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline';
const TASK = new Set(['ThreadControllerImpl::RunTask']);
const STYLE_LAYOUT = new Set(['UpdateLayoutTree', 'Layout']);
const PAINT = new Set(['PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer']);

/** Sums `tdur` (ms) of the outermost events named in `names` (nested ones of the same kinds skipped). */
function cpuOf(events, names) {
  let total = 0;
  let end = -1;
  for (const e of events) {
    if (!names.has(e.name) || e.tdur === undefined) continue;
    if (e.ts < end) continue; // inside one already counted
    total += e.tdur / 1000;
    end = e.ts + e.dur;
  }
  return total;
}

async function measure(browser, url) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await page.goto(`${url}?backend=wasm`);
  await page.waitForSelector('[data-testid="runs"][data-step]', { timeout: 60_000 });
  await page.getByTestId('play-pause').click();
  await page.waitForTimeout(3_000);
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const step = async () => Number(await page.getByTestId('runs').getAttribute('data-step'));
  const s0 = await step();
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await page.waitForTimeout(seconds * 1000);
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  const steps = (await step()) - s0;
  await context.close();
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  const m = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const total = cpuOf(m, TASK);
  const styleLayout = cpuOf(m, STYLE_LAYOUT);
  const paint = cpuOf(m, PAINT);
  const per = (v) => (steps > 0 ? (10 * v) / steps : Number.NaN); // per snapshot (every 10 steps)
  return {
    steps,
    total: per(total),
    script: per(total - styleLayout - paint),
    styleLayout: per(styleLayout),
    paint: per(paint),
  };
}

const serve = (outDir, port) =>
  preview({ logLevel: 'warn', preview: { port, strictPort: false }, build: { outDir } });
const servers = [await serve(dirA, 4193), await serve(dirB, 4194)];
const urls = servers.map((s) => s.resolvedUrls?.local[0]);
const browser = await chromium.launch(chromiumLaunchOptions([]));
const rows = [[], []];
const fmt = (r) =>
  `CPU ms per 10 steps: total ${r.total.toFixed(1)} = script ${r.script.toFixed(1)} + style/layout ${r.styleLayout.toFixed(1)} + paint ${r.paint.toFixed(1)} (${r.steps} steps)`;
try {
  for (let r = 0; r < rounds; r++) {
    for (const which of r % 2 === 0 ? [0, 1] : [1, 0]) {
      const row = await measure(browser, urls[which]);
      rows[which].push(row);
      console.log(`round ${r + 1} ${'AB'[which]}: ${fmt(row)}`);
    }
  }
  for (const which of [0, 1]) {
    const med = Object.fromEntries(
      ['steps', 'total', 'script', 'styleLayout', 'paint'].map((k) => [
        k,
        medianOf(rows[which].map((x) => x[k])),
      ]),
    );
    console.log(`${'AB'[which]} median: ${fmt(med)}`);
  }
} finally {
  await browser.close();
  for (const s of servers) await new Promise((resolve) => s.httpServer.close(resolve));
}
