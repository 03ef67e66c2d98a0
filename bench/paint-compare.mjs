// `npm run bench:paint`: the heatmap paint's WebAssembly kernel against its JavaScript loop, side by
// side in one headless Chromium page (bench/paint-compare/), ROUNDS rounds (default 7) of 30
// interleaved reps each. Prints each round and the median of the rounds; a ratio > 1 means the kernel
// is faster. Set CHROMIUM_PATH to pick the browser.
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { chromiumLaunchOptions } from '../e2e/chromium.mjs';

const root = fileURLToPath(new URL('./paint-compare/', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/paint-compare/', import.meta.url));
const rounds = Number(process.env.ROUNDS ?? 7);

await build({ root, base: './', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const server = await preview({
  root,
  base: './',
  logLevel: 'warn',
  build: { outDir },
  preview: {
    host: '127.0.0.1',
    // Cross-origin isolated, as the app is: performance.now() then resolves to 5 µs, not 100.
    headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
  },
});
const url = server.resolvedUrls?.local[0];
const browser = await chromium.launch(chromiumLaunchOptions([]));
try {
  if (!url) throw new Error('vite preview gave no URL');
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => 'comparePaint' in window);
  const results = [];
  for (let i = 0; i < rounds; i++) {
    const r = await page.evaluate(() => window.comparePaint());
    results.push(r);
    console.log(
      `round ${i + 1}: kernel ${r.kernelMs.toFixed(2)} ms, JavaScript ${r.jsMs.toFixed(2)} ms, ×${r.ratio.toFixed(2)}`,
    );
  }
  const mid = (k) => results.map((r) => r[k]).sort((a, b) => a - b)[results.length >> 1];
  console.log(
    `median of ${rounds} rounds: kernel ${mid('kernelMs').toFixed(2)} ms, JavaScript ${mid('jsMs').toFixed(2)} ms, ×${mid('ratio').toFixed(2)}`,
  );
} finally {
  await browser.close();
  await server.close();
}
