// The app's own numbers, measured on the production build (dist/, `vite preview`) in headless Chromium:
//  - firstStepMs: navigation start → the first frame that shows a snapshot (the scene's step 0), default
//    scene, `?backend=wasm`, a fresh browser context each time (empty HTTP cache); median of 3.
//  - longTasks, frameP95Ms: the default scene (default backend) trains; after a warm-up, for 20 s, the
//    number of main-thread tasks over 50 ms (PerformanceObserver 'longtask') and the 95th percentile of
//    the intervals between requestAnimationFrame callbacks. The same page measured just before, loaded
//    but not training (longTasksIdle, frameP95IdleMs), says how much of that the machine's load alone
//    causes (it is shared: other processes take the cores too).
import { preview } from 'vite';

const WARMUP_MS = 3_000;

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

async function firstStep(browser, url, log) {
  const times = [];
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(firstDrawProbe);
    await page.goto(`${url}?backend=wasm`);
    const ms = await page.waitForFunction(() => window.__firstDrawMs, null, { timeout: 60_000 });
    times.push(await ms.jsonValue());
    await context.close();
  }
  times.sort((a, b) => a - b);
  log(`app: first drawn snapshot (wasm) ${times.map((t) => t.toFixed(0)).join(' / ')} ms`);
  return { firstStepMs: times[1], detail: times };
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
    return {
      longTasks,
      frames: frames.length,
      p50: sorted[Math.floor(0.5 * (sorted.length - 1))],
      p95: sorted[Math.floor(0.95 * (sorted.length - 1))],
      max: sorted[sorted.length - 1],
      steps: endStep - startStep,
    };
  }, ms);
}

const summarise = (r) =>
  `${r.longTasks.length} long tasks [${r.longTasks.join(', ')}] ms, ${r.frames} frames, interval ` +
  `p50 ${r.p50.toFixed(1)} / p95 ${r.p95.toFixed(1)} / max ${r.max.toFixed(0)} ms, ${r.steps} steps`;

async function smoothness(browser, url, log, seconds) {
  // Reduced motion: the page waits at step 0 (no first-screen warm-up) for the idle baseline and the click.
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-testid="runs"][data-step]', { timeout: 60_000 });
  const backend = (await page.getByTestId('backend-badge').textContent())?.trim();
  // The same page, not training, first: what this machine's load alone does to frames (a baseline).
  await page.waitForTimeout(WARMUP_MS);
  const idle = await watchFrames(page, seconds * 1000);
  log(`app (${backend}): ${seconds} s idle: ${summarise(idle)}`);
  await page.getByTestId('play-pause').click();
  await page.waitForTimeout(WARMUP_MS);
  const r = await watchFrames(page, seconds * 1000);
  await context.close();
  log(`app (${backend}): ${seconds} s training: ${summarise(r)}`);
  return { backend, ...r, idle };
}

/** Serves dist/ and measures it; returns { metrics, detail }. */
export async function measureApp(browser, log, quick) {
  const server = await preview({ logLevel: 'warn', preview: { port: 4184, strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  try {
    const first = await firstStep(browser, url, log);
    const smooth = await smoothness(browser, url, log, quick ? 5 : 20);
    return {
      metrics: {
        firstStepMs: first.firstStepMs,
        longTasks: smooth.longTasks.length,
        frameP95Ms: smooth.p95,
        longTasksIdle: smooth.idle.longTasks.length,
        frameP95IdleMs: smooth.idle.p95,
      },
      detail: { firstStep: first.detail, smoothness: smooth },
    };
  } finally {
    await new Promise((resolve) => server.httpServer.close(resolve));
  }
}
