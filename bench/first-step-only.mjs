// `npm run bench:first-step` (or `node bench/first-step-only.mjs [reps]` after `vite build`): only
// `firstStepMs` and the worker's start-up timeline (bench/app-bench.mjs), for work on the start-up path
// without the 20-minute full bench. BENCH_DIST serves another build folder (a side-by-side comparison).
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { chromiumLaunchOptions } from '../e2e/chromium.mjs';
import { firstStep } from './app-bench.mjs';

const reps = Number(process.argv[2] ?? 7);
const server = await preview({
  logLevel: 'warn',
  preview: { port: 4185, strictPort: false },
  ...(process.env.BENCH_DIST ? { build: { outDir: process.env.BENCH_DIST } } : {}),
});
const url = server.resolvedUrls?.local[0];
const browser = await chromium.launch(chromiumLaunchOptions([]));
try {
  const { firstStepMs, detail } = await firstStep(browser, url, (line) => console.log(line), reps);
  console.log(`firstStepMs\t${firstStepMs}`);
  console.log(`median load's timeline\t${JSON.stringify(detail.medianTimeline)}`);
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}
