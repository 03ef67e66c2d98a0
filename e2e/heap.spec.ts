// Issue #7, memory in the live page: the JS heap does not grow with the snapshot history. The default
// scene (Figure 1, MNIST: Adam and Sadam), with one hidden layer of 32 instead of 128-64 so that two
// cores get through 400 snapshots in well under a minute, is driven at one snapshot per step so the
// histories fill and overflow within the test; the heap is measured after a forced GC (DevTools
// protocol) at two points 300+ snapshots apart, with training paused so nothing is in flight.
import type { Page, Worker } from '@playwright/test';
import { workerHeapProbe } from '../bench/worker-heap.mjs';
import { expect, sceneReady, test } from './fixtures';

const MB = 1024 * 1024;
/** 784-32-10: weights and biases. */
const PARAMS = 784 * 32 + 32 + 32 * 10 + 10;
const RUNS = 2;
/**
 * What the bounded histories may legitimately add between two samples once they have filled:
 * - the per-run field history (src/state/field-history.ts) keeps 49–97 frames of one byte per
 *   parameter once it has filled, so it may differ by 48 frames per run;
 * - the per-run point series (HISTORY_CAPACITY = 2000) grows by one point per snapshot until full,
 *   about 0.7 KB a point as measured by `npm run soak`: 1 KB allowed;
 * - plus allocator and JIT noise after GC.
 */
const FIELD_SWING = 48 * RUNS * PARAMS;
const POINT_BYTES = 1024;
const NOISE = 3 * MB;
/** The engine worker keeps no history (snapshots are transferred away, their field buffers come back to
 * a bounded pool): only noise is allowed there. */
const WORKER_NOISE = 2 * MB;

async function pause(page: Page): Promise<void> {
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('play-pause')).toHaveText(/Play/);
}

async function measure(page: Page, worker: Worker, workerHeap: () => Promise<{ usedSize: number }>) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  await cdp.detach();
  const engine = await worker.evaluate(() => {
    type Stats = { numTensors: number; fieldBuffers: { reused: number; made: number } };
    return (self as unknown as { anisoscopeStats(): Stats }).anisoscopeStats();
  });
  return {
    used: heap.usedSize,
    backing: heap.backingStorageSize ?? 0,
    workerUsed: (await workerHeap()).usedSize,
    tensors: engine.numTensors,
    fieldBuffers: engine.fieldBuffers,
    snapshots: await seen(page),
  };
}

const seen = (page: Page) =>
  page.evaluate(() => (window as unknown as { snapshotsSeen: number }).snapshotsSeen);

test('the JS heap does not grow with the snapshot history (default scene, one snapshot per step)', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const workerStarted = page.waitForEvent('worker');
  await page.goto('./?scene=fig1-mnist&hidden=32&backend=wasm');
  const worker = await workerStarted;
  await sceneReady(page);
  const workerHeap = await workerHeapProbe(browser, worker.url());
  // Counts snapshots as they reach the page (each changes the step shown).
  await page.evaluate(() => {
    const w = window as unknown as { snapshotsSeen: number };
    w.snapshotsSeen = 0;
    const runs = document.querySelector('[data-testid="runs"]');
    if (!runs) throw new Error('no runs');
    new MutationObserver(() => {
      w.snapshotsSeen += 1;
    }).observe(runs, { attributes: true, attributeFilter: ['data-step'] });
  });
  // One snapshot per step (the scene's cadence is one per 10): a real `setSpeed` command, handed to the
  // worker's own message handler, since the speed control does not set the cadence.
  await worker.evaluate(() =>
    self.dispatchEvent(
      new MessageEvent('message', { data: { id: -1, type: 'setSpeed', stepsPerTick: 1, snapshotEvery: 1 } }),
    ),
  );

  await page.getByTestId('play-pause').click();
  // Past the field history's first fill (97 snapshots), so both samples see it in its bounded regime.
  // (Counted snapshots are a lower bound: two arriving within one render would count once.)
  await expect.poll(() => seen(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(100);
  await pause(page);
  const first = await measure(page, worker, workerHeap);

  await page.getByTestId('play-pause').click();
  await expect
    .poll(async () => (await seen(page)) - first.snapshots, { timeout: 60_000 })
    .toBeGreaterThanOrEqual(300);
  await pause(page);
  const second = await measure(page, worker, workerHeap);

  const snapshots = second.snapshots - first.snapshots;
  const growth = second.used + second.backing - (first.used + first.backing);
  const bound = FIELD_SWING + snapshots * RUNS * POINT_BYTES + NOISE;
  // Were the field history unbounded, it alone would have grown by this much: the test can tell.
  const unbounded = snapshots * RUNS * PARAMS;
  test.info().annotations.push({
    type: 'heap',
    description:
      `${snapshots} snapshots; JS heap ${(first.used / MB).toFixed(1)} → ${(second.used / MB).toFixed(1)} MB, ` +
      `array buffers ${(first.backing / MB).toFixed(1)} → ${(second.backing / MB).toFixed(1)} MB; ` +
      `growth ${(growth / MB).toFixed(1)} MB, bound ${(bound / MB).toFixed(1)} MB, unbounded would add ≥ ${(unbounded / MB).toFixed(1)} MB; ` +
      `worker heap ${(first.workerUsed / MB).toFixed(1)} → ${(second.workerUsed / MB).toFixed(1)} MB`,
  });
  expect(unbounded).toBeGreaterThan(bound);
  expect(growth).toBeLessThan(bound);
  expect(second.tensors).toBe(first.tensors);
  expect(second.workerUsed - first.workerUsed).toBeLessThan(WORKER_NOISE);
  // The page hands each snapshot's field buffers back once it has drawn them, and the worker reuses them
  // (src/state/field-loans.ts, src/engine/session/field-buffers.ts): after the first few snapshots it
  // makes no new field arrays. (Two fields a snapshot; `snapshots` counts a lower bound.)
  const { reused, made } = second.fieldBuffers;
  test.info().annotations.push({ type: 'field buffers', description: `reused ${reused}, made ${made}` });
  expect(made).toBeLessThanOrEqual(24);
  expect(reused).toBeGreaterThan(RUNS * (second.snapshots - 24));
});
