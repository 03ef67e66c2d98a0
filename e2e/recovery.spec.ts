// Recovery (issue #7), with the faults `?debug=1` exposes: a lost WebGPU device moves training to the next
// backend from the last checkpoint; a crashed or silent engine worker is replaced and the runs restored from
// the last checkpoint. Each time the page says what happened, training goes on from the checkpoint (not from
// step 0), the charts keep their history, and nothing reaches the console as an error.
import type { Page } from '@playwright/test';
import { expect, stepOf, test } from './fixtures';

type Point = { step: number; loss: number };
type Debug = {
  anisoscopeDebug: {
    fault: (fault: 'loseDevice' | 'loseContext' | 'crash' | 'close') => Promise<void>;
    history: () => Record<string, Point[]>;
  };
};

const history = (page: Page) => page.evaluate(() => (window as unknown as Debug).anisoscopeDebug.history());
const fault = (page: Page, kind: 'loseDevice' | 'loseContext' | 'crash' | 'close') =>
  page.evaluate((k) => (window as unknown as Debug).anisoscopeDebug.fault(k), kind);

/** Trains until a checkpoint newer than step `after` has surely been taken (one every 3 s). */
async function trainPastCheckpoint(page: Page, after: number): Promise<void> {
  await page.getByTestId('play-pause').click();
  await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(after);
  await page.waitForTimeout(3500);
}

/** The step the notice says training carries on from (the checkpoint's). */
async function restoredStep(page: Page): Promise<number> {
  const text = (await page.getByTestId('training-notice').textContent()) ?? '';
  return Number(/from step (\d+)/.exec(text)?.[1] ?? Number.NaN);
}

/**
 * Checks what the recovery must keep. `before` is the history read just before the fault (training may go
 * on a little after it, and the checkpoint may be later than it). The history up to the checkpoint is still
 * there, exactly; the steps go on past it; and the runs continue from the checkpoint's weights: the first
 * loss after it is close to the loss at it (re-initialised weights would jump back towards the first loss),
 * and where `before` has points after the checkpoint, the runs retrace them (the rosenbrock surface has no
 * batches, so restored runs take the same steps again, up to the backends' float32 differences).
 */
async function expectContinuedFromCheckpoint(page: Page, before: Record<string, Point[]>): Promise<void> {
  const from = await restoredStep(page);
  expect(from).toBeGreaterThan(0);
  const lastBefore = before.adam?.at(-1)?.step ?? 0;
  await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(Math.max(from, lastBefore) + 20);
  const after = await history(page);
  for (const [runId, points] of Object.entries(before)) {
    const now = after[runId] ?? [];
    const upTo = (list: Point[], step: number) => list.filter((p) => p.step <= step);
    const keptBefore = upTo(points, from);
    expect(keptBefore.length, `${runId}: points before the checkpoint`).toBeGreaterThan(3);
    expect(upTo(now, keptBefore.at(-1)?.step ?? 0), `${runId}: history up to the checkpoint kept`).toEqual(
      keptBefore,
    );
    const first = points.find((p) => Number.isFinite(p.loss))?.loss ?? Number.NaN;
    const atCheckpoint = upTo(now, from).at(-1);
    const next = now.find((p) => p.step > from);
    expect(atCheckpoint?.step, `${runId}: the point of the checkpoint`).toBe(from);
    expect(next, `${runId}: a point after the checkpoint`).toBeDefined();
    const jump = Math.abs((next?.loss ?? Number.NaN) - (atCheckpoint?.loss ?? Number.NaN));
    expect(jump, `${runId}: loss from step ${from} to ${next?.step}`).toBeLessThan(
      0.1 * Math.abs(first - (atCheckpoint?.loss ?? Number.NaN)),
    );
    const earlier = new Map(points.map((p) => [p.step, p.loss]));
    for (const p of now.filter((q) => q.step > from && earlier.has(q.step))) {
      const then = earlier.get(p.step) ?? Number.NaN;
      expect(Math.abs(p.loss - then), `${runId}: step ${p.step} retraced`).toBeLessThan(
        0.05 * Math.abs(first - then) + 1e-6,
      );
    }
  }
}

test('a lost WebGPU device: training moves to the next backend and carries on from the checkpoint', async ({
  page,
}) => {
  test.slow(); // SwiftShader compiles every WebGPU shader on first use
  await page.goto('./?backend=webgpu&debug=1&scene=rosenbrock');
  await expect(page.getByTestId('backend-badge')).toHaveText('WebGPU', { timeout: 60_000 });
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '0', { timeout: 60_000 });
  await trainPastCheckpoint(page, 20);
  const before = await history(page);
  await fault(page, 'loseDevice');
  const notice = page.getByTestId('training-notice');
  await expect(notice).toContainText('WebGPU device was lost', { timeout: 60_000 });
  await expect(notice).toContainText(/moved to (WebGL|WASM|CPU) and carries on from step \d+/, {
    timeout: 60_000,
  });
  await expect(page.getByTestId('backend-badge')).not.toHaveText('WebGPU');
  await expect(page.getByTestId('backend-reason')).toContainText('WebGPU stopped working');
  await expect(page.getByTestId('runs')).not.toHaveAttribute('data-backend', 'webgpu');
  await expect(page.getByTestId('play-pause')).toHaveText(/Pause/);
  await expectContinuedFromCheckpoint(page, before);
  await expect(page.getByTestId('training-error')).toHaveCount(0);
});

test('a lost WebGL context (WEBGL_lose_context): training moves to the next backend and carries on from the checkpoint', async ({
  page,
}) => {
  test.slow();
  await page.goto('./?backend=webgl&debug=1&scene=rosenbrock');
  await expect(page.getByTestId('backend-badge')).toHaveText('WebGL', { timeout: 60_000 });
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '0', { timeout: 60_000 });
  await trainPastCheckpoint(page, 20);
  const before = await history(page);
  await fault(page, 'loseContext');
  const notice = page.getByTestId('training-notice');
  await expect(notice).toContainText('WebGL context was lost', { timeout: 60_000 });
  await expect(notice).toContainText(/moved to (WASM|CPU) and carries on from step \d+/, { timeout: 60_000 });
  await expect(page.getByTestId('backend-badge')).not.toHaveText('WebGL');
  await expect(page.getByTestId('backend-reason')).toContainText('WebGL stopped working');
  await expect(page.getByTestId('runs')).not.toHaveAttribute('data-backend', 'webgl');
  await expect(page.getByTestId('play-pause')).toHaveText(/Pause/);
  await expectContinuedFromCheckpoint(page, before);
  await expect(page.getByTestId('training-error')).toHaveCount(0);
});

for (const kind of ['crash', 'close'] as const) {
  const how = kind === 'crash' ? 'crashes (uncaught error)' : 'goes silent (closed; found by the watchdog)';
  test(`an engine worker that ${how} is restarted and the runs restored from the checkpoint`, async ({
    page,
  }) => {
    if (kind === 'close') test.slow(); // the watchdog waits 20 s of silence before it declares the worker dead
    await page.goto('./?debug=1&scene=rosenbrock');
    await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '0', { timeout: 60_000 });
    await trainPastCheckpoint(page, 100);
    const before = await history(page);
    await fault(page, kind);
    const notice = page.getByTestId('training-notice');
    await expect(notice).toContainText(/restarted and the runs restored from step [1-9]\d*/, {
      timeout: 60_000,
    });
    await expect(page.getByTestId('backend-badge')).toHaveText('WASM');
    await expect(page.getByTestId('play-pause')).toHaveText(/Pause/);
    await expectContinuedFromCheckpoint(page, before);
  });
}
