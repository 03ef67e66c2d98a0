// `node bench/frame-profile.mjs [seconds]` after `vite build`: where the page's main thread spends its
// time while the default scene trains (`?backend=wasm`, 1280×900, headless Chromium). Records a
// Chromium trace over the window and prints, for the main thread: the tasks over 16 ms and 50 ms, the
// time per trace event (message receive, timers, animation frames, style, layout, paint) and the
// JavaScript functions with the most self time (a CPU profile; build with `--minify false` for
// readable names). BENCH_DIST serves another build folder.
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { chromiumLaunchOptions } from '../e2e/chromium.mjs';

const seconds = Number(process.argv[2] ?? 6);
const server = await preview({
  logLevel: 'warn',
  preview: { port: Number(process.env.PROFILE_PORT ?? 4186), strictPort: false },
  ...(process.env.BENCH_DIST ? { build: { outDir: process.env.BENCH_DIST } } : {}),
});
const url = server.resolvedUrls?.local[0];
const browser = await chromium.launch(chromiumLaunchOptions([]));

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  ...(process.env.PROFILE_INVALIDATIONS
    ? ['disabled-by-default-devtools.timeline.invalidationTracking']
    : []),
].join(',');

/** Collects the trace's events through CDP (Tracing.dataCollected chunks until tracingComplete). */
async function trace(cdp, ms) {
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  await new Promise((r) => setTimeout(r, ms));
  const { profile } = await cdp.send('Profiler.stop');
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  return { events, profile };
}

function mainThread(events) {
  const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name');
  const main = names.find((e) => e.args?.name === 'CrRendererMain');
  return events.filter(
    (e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined,
  );
}

function summarise({ events, profile }, ms) {
  const main = mainThread(events);
  const tasks = main.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const over = (t) => tasks.filter((e) => e.dur / 1000 > t).length;
  const busy = tasks.reduce((s, e) => s + e.dur, 0) / 1000;
  console.log(
    `main thread: ${tasks.length} tasks, busy ${busy.toFixed(0)} ms of ${ms} (${((100 * busy) / ms).toFixed(0)} %), >16 ms: ${over(16)}, >50 ms: ${over(50)}`,
  );
  console.log(
    `longest tasks (ms): ${tasks
      .map((e) => (e.dur / 1000).toFixed(1))
      .sort((a, b) => b - a)
      .slice(0, 12)
      .join(' ')}`,
  );
  // Self-ish time per event name: total duration of each name (nested names overlap their parents).
  const byName = new Map();
  for (const e of main) {
    if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') continue;
    const key =
      e.name === 'EventDispatch' || e.name === 'FunctionCall'
        ? `${e.name}:${e.args?.data?.type ?? e.args?.data?.functionName ?? ''}`
        : e.name;
    const s = byName.get(key) ?? { ms: 0, n: 0, max: 0 };
    s.ms += e.dur / 1000;
    s.n += 1;
    s.max = Math.max(s.max, e.dur / 1000);
    byName.set(key, s);
  }
  console.log('event (inclusive ms total / count / max):');
  for (const [k, s] of [...byName].sort((a, b) => b[1].ms - a[1].ms).slice(0, 28))
    console.log(
      `  ${k.padEnd(48)} ${s.ms.toFixed(1).padStart(8)} ${String(s.n).padStart(6)} ${s.max.toFixed(1).padStart(7)}`,
    );
  // CPU profile: self time per function (main thread only: Profiler is the page's target).
  const dt = profile.timeDeltas;
  const selfUs = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]);
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    selfUs.set(key, (selfUs.get(key) ?? 0) + (dt[i + 1] ?? 0));
  }
  // Inclusive time of React components (functions named in capitals) and of the draw callbacks.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const seen = new Set();
    // Which task the sample is in: a scheduled React render, or anything else (a message, a frame).
    let where = '';
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const name = byId.get(id).callFrame.functionName;
      if (name === 'performWorkUntilDeadline') where = '[scheduled] ';
      if (name === 'FireAnimationFrame' || name === 'flush') where ||= '';
    }
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id).callFrame;
      if (!/^[A-Z][A-Za-z0-9]+$|^(draw|update|paint|render|redraw|receive|push|flush)/.test(f.functionName))
        continue;
      const key = `${where}${f.functionName} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + (dt[i + 1] ?? 0));
    }
  }
  console.log('inclusive time of components and draws (ms):');
  for (const [k, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 40))
    console.log(`  ${(us / 1000).toFixed(1).padStart(8)}  ${k}`);
  console.log('JS self time (ms):');
  for (const [k, us] of [...selfUs].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`  ${(us / 1000).toFixed(1).padStart(8)}  ${k}`);
}

try {
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
  const step0 = Number(await page.getByTestId('runs').getAttribute('data-step'));
  const result = await trace(cdp, seconds * 1000);
  const step1 = Number(await page.getByTestId('runs').getAttribute('data-step'));
  console.log(`steps in the window: ${step1 - step0}`);
  summarise(result, seconds * 1000);
  if (process.env.PROFILE_OUT) {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(process.env.PROFILE_OUT, JSON.stringify({ traceEvents: result.events }));
  }
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}
