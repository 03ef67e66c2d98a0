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
