// A `test` whose every page is watched: any console error or uncaught page error (from the page or its
// workers) fails the test, so "no error reaches the console" is checked everywhere, not in one spec.
import { test as base, expect, type Page } from '@playwright/test';

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      watch(page, errors);
      await use(errors);
      expect(errors, 'console errors / page errors during the test').toEqual([]);
    },
    { auto: true },
  ],
});

function watch(page: Page, errors: string[]): void {
  // Content-Security-Policy violations (the built site ships a strict policy) count as errors too.
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`);
    });
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
}

export { expect };

/** Opens the app, optionally with `?backend=`, and waits until the engine is ready or has failed. */
export async function openApp(page: Page, backend?: string): Promise<void> {
  await page.goto(backend === undefined ? './' : `./?backend=${backend}`);
  await expect(page.getByTestId('backend-badge')).not.toHaveAttribute('data-phase', 'starting', {
    timeout: 60_000,
  });
}

/** The step of the snapshot on screen. */
export async function stepOf(page: Page): Promise<number> {
  return Number(await page.getByTestId('runs').getAttribute('data-step'));
}

/** Waits for the loaded scene's step-0 snapshot. */
export async function sceneReady(page: Page): Promise<void> {
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '0', { timeout: 60_000 });
}

/** Trains for at least `steps` steps, then pauses and waits until the pause has landed. */
export async function train(page: Page, steps: number): Promise<void> {
  await page.getByTestId('play-pause').click();
  await expect.poll(() => stepOf(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(steps);
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('play-pause')).toHaveText(/Play/);
}

/** The number shown in an element (e.g. a readout). */
export async function numberIn(page: Page, testId: string): Promise<number> {
  return Number((await page.getByTestId(testId).textContent())?.trim());
}
