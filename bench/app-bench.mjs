// The app's own numbers, measured on the production build (dist/, `vite preview`) in headless Chromium:
//  - firstStepMs: navigation start → the first frame that shows a snapshot (the scene's step 0), default
//    scene, `?backend=wasm`, a fresh browser context each time (empty HTTP cache); median of 7, with the
//    engine worker's start-up timeline (its `engine:*` marks, on the page's clock) for each.
//  - longTasks, frameP95Ms: the default scene (Auto) trains; after a warm-up, in 5 windows of 6 s, the
//    number of main-thread tasks over 50 ms (PerformanceObserver 'longtask') and the 95th percentile of
//    the intervals between requestAnimationFrame callbacks; the median window is reported, so one quiet
//    moment cannot stand for the run. The same page measured just before, loaded but not training
//    (longTasksIdle, frameP95IdleMs), says how much of that the machine's load alone causes (it is
//    shared: other processes take the cores too).
//  - firstContrastMs: the default link opened with motion allowed (the first screen's warm-up, no click):
//    navigation start → the moment the page shows Adam's A-LR spanning ≥ 5 orders of magnitude (the
//    contrast the first screen exists to show); median of 3 fresh contexts. Target ≤ 10 s.
//  - app.autoRate.<backend>, app.autoMeasureMs: the steps/s Auto measured for the default scene on each backend (issue #12), the
//    measurement's wall time and the backend it chose.
import { preview } from 'vite';
import { medianOf, spreadOf } from './spread.mjs';

const WARMUP_MS = 3_000;
const FIRST_STEP_REPS = 7;
const WINDOWS = 5;

/** Runs in the page before any of its scripts: records the frame in which a snapshot first shows. */
function firstDrawProbe() {
  const look = (t) => {
    if (document.querySelector('[data-testid="runs"][data-step]')) {
      // The heatmaps paint in this same frame (they are scheduled in rAF by the snapshot's store update).
      window.__firstDrawMs = t;
      return;
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

/** The engine worker's `engine:*` marks, in ms since the page's navigation start. */
async function workerTimeline(page) {
  const pageOrigin = await page.evaluate(() => performance.timeOrigin);
  for (const worker of page.workers()) {
    const marks = await worker
      .evaluate(() =>
        performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('engine:'))
          .map((m) => [m.name, performance.timeOrigin + m.startTime]),
      )
      .catch(() => []);
    // The first of each name: later loads (Auto's measurement builds sessions too) repeat some marks.
    if (marks.length > 0) {
      const first = new Map();
      for (const [name, t] of marks) {
        const key = name.slice('engine:'.length);
        if (!first.has(key)) first.set(key, Math.round(t - pageOrigin));
      }
      return Object.fromEntries([...first].sort((a, b) => a[1] - b[1]));
    }
  }
  return {};
}

export async function firstStep(browser, url, log, reps = FIRST_STEP_REPS) {
  const times = [];
  const timelines = [];
  for (let i = 0; i < reps; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(firstDrawProbe);
    await page.goto(`${url}?backend=wasm`);
    const ms = await page.waitForFunction(() => window.__firstDrawMs, null, { timeout: 60_000 });
    const t = await ms.jsonValue();
    times.push(t);
    const timeline = {
      domContentLoaded: Math.round(
        await page.evaluate(
          () => performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? 0,
        ),
      ),
      ...(await workerTimeline(page)),
      firstDraw: Math.round(t),
    };
    timelines.push(timeline);
    log(
      `app: first step ${i + 1}: ${Object.entries(timeline)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    await context.close();
  }
  log(
    `app: first drawn snapshot (wasm) ${times.map((t) => t.toFixed(0)).join(' / ')} ms, median ${medianOf(times).toFixed(0)}`,
  );
  // The median rep's timeline names where the time goes.
  const order = times.map((t, i) => [t, i]).sort((a, b) => a[0] - b[0]);
  const middle = timelines[order[(order.length - 1) >> 1][1]];
  return { firstStepMs: medianOf(times), detail: { times, timelines, medianTimeline: middle } };
}

/** firstContrastMs (see the header): median of `reps` fresh loads of the default link. */
export async function firstContrast(browser, url, log, reps = 3) {
  const times = [];
  for (let i = 0; i < reps; i++) {
    const context = await browser.newContext({ reducedMotion: 'no-preference' });
    const page = await context.newPage();
    await page.goto(url);
    const handle = await page.waitForFunction(
      () => {
        const orders = Number(
          document.querySelector('[data-testid="orders-adam"]')?.getAttribute('data-orders'),
        );
        return orders >= 5 ? performance.now() : null;
      },
      null,
      { timeout: 60_000, polling: 20 },
    );
    times.push(await handle.jsonValue());
    await context.close();
  }
  log(`app: first contrast (Adam ≥ 5 orders, no click) ${times.map((t) => t.toFixed(0)).join(' / ')} ms`);
  return { firstContrastMs: medianOf(times), times };
}

/** Long tasks and frame intervals over `ms` on the page as it is. */
function watchFrames(page, ms) {
  return page.evaluate(async (ms) => {
    const longTasks = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push(Math.round(e.duration));
    });
    observer.observe({ type: 'longtask' });
    const frames = [];
    const startStep = Number(document.querySelector('[data-testid="runs"]')?.getAttribute('data-step'));
    await new Promise((resolve) => {
      const t0 = performance.now();
      let last = t0;
      const tick = (t) => {
        frames.push(t - last);
        last = t;
        if (t - t0 < ms) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    observer.disconnect();
    const endStep = Number(document.querySelector('[data-testid="runs"]')?.getAttribute('data-step'));
    frames.shift();
    const sorted = [...frames].sort((a, b) => a - b);
    // A window starved of frames (a very busy machine) has no intervals: NaN, never undefined.
    const at = (q) => (sorted.length ? sorted[Math.floor(q * (sorted.length - 1))] : Number.NaN);
    return {
      longTasks,
      frames: frames.length,
      p50: at(0.5),
      p95: at(0.95),
      max: at(1),
      steps: endStep - startStep,
    };
  }, ms);
}

/** The median window of `windows` watched one after another (long tasks, p95 interval, steps). */
async function watchWindows(page, windows, ms) {
  const all = [];
  for (let i = 0; i < windows; i++) all.push(await watchFrames(page, ms));
  return {
    longTasks: medianOf(all.map((w) => w.longTasks.length)),
    p95: medianOf(all.map((w) => w.p95).filter(Number.isFinite)),
    windows: all,
  };
}

const summariseWindows = (r) =>
  `median of ${r.windows.length}: ${r.longTasks} long tasks, p95 ${r.p95.toFixed(1)} ms; ` +
  r.windows.map((w) => `[${w.longTasks.length} lt, p95 ${w.p95.toFixed(1)}, ${w.steps} steps]`).join(' ');

/** What Auto measured on the default scene (the panel's data-rates), waiting for it if need be. */
async function autoRates(page) {
  const rates = page.getByTestId('backend-rates');
  await rates.waitFor({ timeout: 60_000 }).catch(() => undefined);
  const json = await rates.getAttribute('data-rates').catch(() => null);
  const chosen = await page
    .getByTestId('backend-name')
    .getAttribute('data-backend')
    .catch(() => null);
  const text = await rates.textContent().catch(() => null);
  const ms = Number(await rates.getAttribute('data-ms').catch(() => Number.NaN));
  return { rates: json ? JSON.parse(json) : [], chosen, text, ms };
}

export async function smoothness(browser, url, log, seconds) {
  // Reduced motion: the page waits at step 0 (no first-screen warm-up) for the idle baseline and the click.
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-testid="runs"][data-step]', { timeout: 60_000 });
  const auto = await autoRates(page);
  log(`app: Auto measured ${auto.text ?? '(nothing)'} in ${auto.ms} ms; chose ${auto.chosen}`);
  const backend = (await page.getByTestId('backend-badge').textContent())?.trim();
  const windowMs = (seconds * 1000) / WINDOWS;
  // The same page, not training, first: what this machine's load alone does to frames (a baseline).
  await page.waitForTimeout(WARMUP_MS);
  const idle = await watchWindows(page, WINDOWS, windowMs);
  log(`app (${backend}): idle, ${summariseWindows(idle)}`);
  await page.getByTestId('play-pause').click();
  await page.waitForTimeout(WARMUP_MS);
  const r = await watchWindows(page, WINDOWS, windowMs);
  await context.close();
  log(`app (${backend}): training, ${summariseWindows(r)}`);
  return { backend, ...r, idle, auto };
}

/** Serves dist/ and measures it; returns { metrics, detail }. */
export async function measureApp(browser, log, quick) {
  const server = await preview({ logLevel: 'warn', preview: { port: 4184, strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  try {
    const first = await firstStep(browser, url, log);
    const contrast = await firstContrast(browser, url, log);
    const smooth = await smoothness(browser, url, log, quick ? 5 : 30);
    const auto = {};
    for (const r of smooth.auto.rates)
      if (r.stepsPerS !== undefined) auto[`app.autoRate.${r.backend}`] = r.stepsPerS;
    if (Number.isFinite(smooth.auto.ms)) auto['app.autoMeasureMs'] = smooth.auto.ms;
    return {
      spread: {
        firstStepMs: spreadOf(first.detail.times),
        firstContrastMs: spreadOf(contrast.times),
        longTasks: spreadOf(smooth.windows.map((w) => w.longTasks.length)),
        frameP95Ms: spreadOf(smooth.windows.map((w) => w.p95)),
      },
      metrics: {
        firstStepMs: first.firstStepMs,
        firstContrastMs: contrast.firstContrastMs,
        longTasks: smooth.longTasks,
        frameP95Ms: smooth.p95,
        longTasksIdle: smooth.idle.longTasks,
        frameP95IdleMs: smooth.idle.p95,
        ...auto,
      },
      detail: { firstStep: first.detail, firstContrast: contrast.times, smoothness: smooth },
    };
  } finally {
    await new Promise((resolve) => server.httpServer.close(resolve));
  }
}
