// Training to a step whether or not the page already plays on its own (a first stretch on load), then
// paused, so that what is checked next holds still.
import { expect, type Page } from '@playwright/test';

const step = async (page: Page) => Number(await page.getByTestId('runs').getAttribute('data-step'));

/** Waits for a snapshot, plays if needed until at least `steps` steps, then pauses. */
export async function trainAtLeast(page: Page, steps: number): Promise<void> {
  const button = page.getByTestId('play-pause');
  await expect(button).toBeEnabled({ timeout: 60_000 });
  if ((await step(page)) < steps && /Play/.test((await button.textContent()) ?? '')) await button.click();
  await expect.poll(() => step(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(steps);
  if (/Pause/.test((await button.textContent()) ?? '')) await button.click();
  await expect(button).toHaveText(/Play/);
}
