// The first screen teaches before the first click: opened and left alone, the default link trains a
// fixed first stretch and pauses, with Adam's A-LR spanning ≥ 5 orders beside Sadam's band. How soon
// (≤ 10 s) is a timing, so it is measured by `npm run bench` (`firstContrastMs`), not asserted here.
// With prefers-reduced-motion it waits at step 0 and says plainly "press ▶ Play to train".
import type { Page } from '@playwright/test';
import { expect, stepOf, test } from './fixtures';

const SADAM_CEILING = 50 / Math.LN2;

async function attr(page: Page, testId: string, name: string): Promise<number> {
  const value = await page.getByTestId(testId).getAttribute(name);
  return value === null ? Number.NaN : Number(value);
}

test.describe('with motion allowed', () => {
  test.use({ reducedMotion: 'no-preference' });

  test('the default link draws the contrast with no click, then pauses at a fixed step', async ({ page }) => {
    const start = Date.now();
    await page.goto('./');
    await expect
      .poll(
        async () => [
          await attr(page, 'orders-adam', 'data-orders'),
          await attr(page, 'orders-sadam', 'data-orders'),
        ],
        {
          timeout: 60_000,
        },
      )
      .toEqual([expect.any(Number), expect.any(Number)]);
    await expect
      .poll(() => attr(page, 'orders-adam', 'data-orders'), { timeout: 60_000 })
      .toBeGreaterThanOrEqual(5);
    console.log(`first screen: Adam ≥ 5 orders after ${Date.now() - start} ms (from navigation)`);
    // Sadam, beside it, stays inside its band (≤ β/ln 2) and spans little.
    expect(await attr(page, 'orders-sadam', 'data-alr-max')).toBeLessThanOrEqual(SADAM_CEILING + 1e-3);
    expect(await attr(page, 'orders-sadam', 'data-orders')).toBeLessThan(2);
    await expect(page.getByTestId('first-screen')).toHaveAttribute('data-phase', /warming|warmed/);

    // It stops by itself at the same step every time, says so, and waits for ▶.
    await expect(page.getByTestId('first-screen')).toHaveAttribute('data-phase', 'warmed', {
      timeout: 60_000,
    });
    await expect(page.getByTestId('first-screen')).toContainText('Trained 100 steps');
    expect(await stepOf(page)).toBe(100);
    await expect(page.getByTestId('play-pause')).toHaveText(/Play/);
    await page.waitForTimeout(1000);
    expect(await stepOf(page)).toBe(100);
    // Its test numbers are from this step (no "at step" qualifier), and no panel looks broken.
    await expect(page.getByTestId('accuracy-adam')).toBeVisible();
    await expect(page.locator('[data-testid^="evaluated-at-"]')).toHaveCount(0);
    await expect(page.locator('[data-testid^="hist-note-"]').filter({ hasText: 'NaN' })).toHaveCount(0);

    // ▶ carries on from there; the note goes.
    await page.getByTestId('play-pause').click();
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(100);
    await expect(page.getByTestId('first-screen')).toHaveCount(0);
    await page.getByTestId('play-pause').click();
  });

  test('a link that names a scene warms up the same fixed steps: opened twice, the same numbers', async ({
    page,
    context,
  }) => {
    const read = async (p: Page) => {
      await expect(p.getByTestId('first-screen')).toHaveAttribute('data-phase', 'warmed', {
        timeout: 90_000,
      });
      return {
        step: await stepOf(p),
        losses: await p.locator('[data-testid^="loss-"]').allTextContents(),
        accuracy: await p.locator('[data-testid^="accuracy-"]').allTextContents(),
      };
    };
    await page.goto('./?scene=race-moons');
    const first = await read(page);
    expect(first.step).toBe(100);
    const again = await context.newPage();
    await again.goto(page.url());
    expect(await read(again)).toEqual(first);
  });

  test('embedded in a slide it warms up too, and a postMessage pause stops the warm-up', async ({ page }) => {
    const host = `<!doctype html><html><body style="margin:0">
<iframe id="app" src="./?embed=1" style="width:960px;height:540px;border:0"></iframe>
<script>window.send = (m) => document.getElementById('app').contentWindow.postMessage(m, '*');</script>
</body></html>`;
    await page.route('**/slide-host.html', (route) =>
      route.fulfill({ contentType: 'text/html', body: host }),
    );
    await page.goto('./slide-host.html');
    const app = page.frameLocator('#app');
    const step = async () => Number(await app.getByTestId('runs').getAttribute('data-step'));
    // The slide layout leaves the caption line (and the warm-up note in it) out: the steps show it.
    await expect(app.getByTestId('app')).toHaveAttribute('data-layout', 'slide', { timeout: 60_000 });
    await expect.poll(step, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
    await page.evaluate(() =>
      (window as unknown as { send: (m: unknown) => void }).send({ source: 'anisoscope', type: 'pause' }),
    );
    await expect(app.getByTestId('first-screen')).toHaveCount(0);
    await expect(app.getByTestId('play-pause')).toHaveText(/Play/);
    let last = -1;
    await expect
      .poll(
        async () => {
          const now = await step();
          const settled = now === last;
          last = now;
          return settled;
        },
        { intervals: [2000], timeout: 60_000 },
      )
      .toBe(true);
    expect(last).toBeLessThan(100);
  });

  test('a tour link plays its scene at once: no warm-up note over it', async ({ page }) => {
    await page.goto('./?tour=1');
    await expect(page.getByTestId('tour')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('play-pause')).toHaveText(/Pause/, { timeout: 60_000 });
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(1000);
    await expect(page.getByTestId('first-screen')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await page.getByTestId('play-pause').click();
  });

  test('a click during the warm-up stops it where it is', async ({ page }) => {
    // On the CPU backend (~8 steps/s here): on WASM a quiet machine ends the 100-step warm-up in about a
    // second, and the page shows its steps a few snapshots late, so a click after the first shown step
    // could land once it had ended (the button turned to ▶ Play, and the click played on).
    await page.goto('./?backend=cpu');
    await expect(page.getByTestId('first-screen')).toHaveAttribute('data-phase', 'warming', {
      timeout: 60_000,
    });
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId('play-pause')).toHaveText(/Pause/);
    await page.getByTestId('play-pause').click();
    await expect(page.getByTestId('play-pause')).toHaveText(/Play/);
    await expect(page.getByTestId('first-screen')).toHaveCount(0);
    // A pause lands within one slice of the step command in flight (issue 14), so the warm-up may stop
    // inside a chunk; nothing follows it.
    let last = -1;
    await expect
      .poll(
        async () => {
          const now = await stepOf(page);
          const settled = now === last;
          last = now;
          return settled;
        },
        { intervals: [2000], timeout: 60_000 },
      )
      .toBe(true);
    await page.waitForTimeout(2000);
    expect(await stepOf(page)).toBe(last);
    expect(last).toBeLessThan(100);
  });
});

test('with reduced motion the first screen waits at step 0 and says plainly to press ▶', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '0', { timeout: 60_000 });
  await expect(page.getByTestId('first-screen')).toHaveAttribute('data-phase', 'prompt');
  await expect(page.getByTestId('first-screen')).toContainText('press ▶ Play to train');
  // Step 0 is not drawn as broken: no dash, no NaN count, a plain reason instead.
  await expect(page.getByTestId('orders-adam')).toHaveText('none before the first step');
  await expect(page.getByTestId('loss-adam')).toHaveText('none before the first step');
  await expect(page.getByTestId('before-first-step-adam')).toBeVisible();
  await expect(page.getByTestId('hist-note-adam')).toHaveText('no A-LR before the first step');
  await expect(page.getByTestId('hist-note-sadam')).not.toContainText('NaN');
  await page.waitForTimeout(1500);
  expect(await stepOf(page)).toBe(0);

  // One click: training starts; the first test numbers after play come within a few steps.
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('first-screen')).toHaveCount(0);
  await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(40);
  const stale = page.getByTestId('evaluated-at-accuracy-adam');
  if ((await stale.count()) > 0) {
    // A repeated evaluation names its step, which is never step 0 beside a trained network.
    expect(Number(await stale.getAttribute('data-step'))).toBeGreaterThanOrEqual(5);
  }
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('play-pause')).toHaveText(/Play/);
  // Paused: the numbers are from the step on screen.
  await expect(page.locator('[data-testid^="evaluated-at-"]')).toHaveCount(0);
  await expect(page.getByTestId('before-first-step-adam')).toHaveCount(0);
});
