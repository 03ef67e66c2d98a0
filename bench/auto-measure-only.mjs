// `node bench/auto-measure-only.mjs [loads]` after `vite build`: only Auto's measurement on the default
// scene (issue #12: `app.autoMeasureMs`, `app.autoRate.<backend>`), with each backend's phases from the
// worker's `engine:auto-<backend>-<phase>` marks (begin, started, built, compiled, timed), in ms since
// `auto-measure-start`. BENCH_DIST serves another build folder (a side-by-side comparison).
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { chromiumLaunchOptions } from '../e2e/chromium.mjs';

const loads = Number(process.argv[2] ?? 3);
const server = await preview({
  logLevel: 'warn',
  preview: { port: 4186, strictPort: false },
  ...(process.env.BENCH_DIST ? { build: { outDir: process.env.BENCH_DIST } } : {}),
});
const url = server.resolvedUrls?.local[0];
const browser = await chromium.launch(chromiumLaunchOptions(['--enable-unsafe-webgpu']));
try {
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(url);
    const rates = page.getByTestId('backend-rates');
    await rates.waitFor({ timeout: 90_000 });
    const ms = await rates.getAttribute('data-ms');
    const text = (await rates.textContent())?.trim();
    let phases = {};
    for (const worker of page.workers()) {
      const marks = await worker
        .evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))
        .catch(() => []);
      const start = marks.find(([name]) => name === 'engine:auto-measure-start');
      if (!start) continue;
      phases = Object.fromEntries(
        marks
          .filter(([name, t]) => name.startsWith('engine:auto-') && t >= start[1])
          .map(([name, t]) => [name.slice('engine:auto-'.length), Math.round(t - start[1])]),
      );
    }
    console.log(`load ${i + 1}: ${text} (data-ms ${ms})`);
    console.log(`  phases ${JSON.stringify(phases)}`);
    await context.close();
  }
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}
