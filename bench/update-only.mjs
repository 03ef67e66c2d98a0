// `node bench/update-only.mjs [backends] [rounds]` after `vite build --config bench/vite.bench.config.ts`:
// only `browser.updateRatio.<backend>` (default webgl), one fresh page per round, for work on an optimizer
// kernel. BENCH_WEB serves another bench build folder, so two builds can alternate in one session.
// BENCH_QUERY replaces the page's query: `engineOnly` gives only `browser.engineRatio.wasm`.
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { chromiumLaunchOptions } from '../e2e/chromium.mjs';

const backends = process.argv[2] ?? 'webgl';
const rounds = Number(process.argv[3] ?? 3);
const server = await preview({
  configFile: 'bench/vite.bench.config.ts',
  logLevel: 'warn',
  preview: { port: 4187, strictPort: false },
  ...(process.env.BENCH_WEB ? { build: { outDir: resolve(process.env.BENCH_WEB) } } : {}),
});
const url = server.resolvedUrls?.local[0];
const browser = await chromium.launch(chromiumLaunchOptions(['--enable-unsafe-webgpu']));
try {
  for (let i = 0; i < rounds; i++) {
    const page = await browser.newPage();
    await page.goto(`${url}?${process.env.BENCH_QUERY ?? `updateOnly=${backends}`}`);
    await page.waitForFunction(() => 'runBench' in window, null, { timeout: 60_000 });
    page.setDefaultTimeout(0);
    const { log } = await page.evaluate(() => window.runBench());
    for (const line of log) console.log(`round ${i + 1}: ${line}`);
    await page.close();
  }
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}
