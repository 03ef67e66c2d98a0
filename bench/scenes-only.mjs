// `npm run bench:scenes`: only the per-scene training rates (app.stepsPerS.<scene>.<backend>,
// app.flopRatio.<scene>), without the rest of the browser bench. BENCH_SCENES=a,b limits the scenes.
import { writeFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium.mjs';
import { measureScenes } from './scene-bench.mjs';

const out = process.argv[2] ?? 'dist/bench-scenes.json';
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const { metrics, detail } = await measureScenes(browser, (line) => console.log(line), false);
  for (const [key, value] of Object.entries(metrics)) console.log(`${key}\t${value}`);
  await writeFile(out, `${JSON.stringify({ metrics, detail }, null, 2)}\n`);
} finally {
  await browser.close();
}
