// `node bench/frames-ab.mjs A_DIR B_DIR [rounds] [seconds]`: bench/app-bench.mjs's smoothness measurement
// (idle windows, then training windows: long tasks and p95 frame interval, median of 5 windows) on two
// builds served side by side, alternating A and B for `rounds` rounds in one process, so that both see
// the same machine load. Prints each measurement and the medians.
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { chromiumLaunchOptions } from '../e2e/chromium.mjs';
import { smoothness } from './app-bench.mjs';
import { medianOf } from './spread.mjs';

const [dirA, dirB] = process.argv.slice(2, 4);
const rounds = Number(process.argv[4] ?? 3);
const seconds = Number(process.argv[5] ?? 30);
const serve = (outDir, port) =>
  preview({ logLevel: 'warn', preview: { port, strictPort: false }, build: { outDir } });
const servers = [await serve(dirA, 4191), await serve(dirB, 4192)];
const urls = servers.map((s) => s.resolvedUrls?.local[0]);
const browser = await chromium.launch(chromiumLaunchOptions([]));
const results = [[], []];
try {
  for (let r = 0; r < rounds; r++) {
    for (const which of r % 2 === 0 ? [0, 1] : [1, 0]) {
      const s = await smoothness(browser, urls[which], () => {}, seconds);
      const row = {
        idleLt: s.idle.longTasks,
        idleP95: s.idle.p95,
        lt: s.longTasks,
        p95: s.p95,
        steps: medianOf(s.windows.map((w) => w.steps)),
      };
      results[which].push(row);
      console.log(
        `round ${r + 1} ${'AB'[which]} (${s.backend}): idle ${row.idleLt} lt p95 ${row.idleP95.toFixed(1)} | training ${row.lt} lt p95 ${row.p95.toFixed(1)} (${s.windows.map((w) => `${w.longTasks.length}/${w.p95.toFixed(1)}`).join(' ')}), ${row.steps} steps/window`,
      );
    }
  }
  for (const which of [0, 1]) {
    const rs = results[which];
    const med = (k) => medianOf(rs.map((x) => x[k])).toFixed(1);
    console.log(
      `${'AB'[which]}: median idle ${med('idleLt')} lt, p95 ${med('idleP95')} | training ${med('lt')} lt, p95 ${med('p95')}, ${med('steps')} steps/window`,
    );
  }
} finally {
  await browser.close();
  for (const s of servers) await new Promise((resolve) => s.httpServer.close(resolve));
}
