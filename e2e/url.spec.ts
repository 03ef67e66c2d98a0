// The URL is the experiment: a link opens its scene, edits land in the address bar (replaceState, no new
// history entries), a copied link reproduces the same runs and numbers, and a bad link still renders and
// says what it ignored.
import type { Page } from '@playwright/test';
import { decodeState } from '../src/state/url/codec';
import { expect, sceneReady, stepOf, test } from './fixtures';

/** Like the fixtures' `openApp`, but at `./<search>`. */
async function openAt(page: Page, search: string): Promise<void> {
  await page.goto(`./${search}`);
  await expect(page.getByTestId('backend-badge')).not.toHaveAttribute('data-phase', 'starting', {
    timeout: 60_000,
  });
}

/** Presses `step` `count` times, waiting for each snapshot. */
async function stepTimes(page: Page, count: number): Promise<void> {
  const start = await stepOf(page);
  for (let i = 1; i <= count; i++) {
    await page.getByTestId('step').click();
    await expect(page.getByTestId('runs')).toHaveAttribute('data-step', String(start + i));
  }
}

/** The run ids on screen, in order (`run-<id>` cards). */
async function runIds(page: Page): Promise<string[]> {
  const ids = await page
    .getByTestId('runs')
    .locator('[data-testid^="run-"]')
    .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.slice('run-'.length));
}

async function setLr(page: Page, runId: string, lr: string): Promise<void> {
  await page.getByTestId(`edit-${runId}`).click();
  await page.getByTestId(`lr-${runId}`).fill(lr);
  await page.getByTestId(`lr-${runId}`).press('Enter');
}

test('a link with ?scene= opens that scene', async ({ page }) => {
  await openAt(page, '?scene=rosenbrock');
  await expect(page.getByTestId('scene-picker')).toHaveValue('rosenbrock');
  await sceneReady(page);
  expect(await runIds(page)).toEqual(['adam', 'sadam', 'sgdm']);
  await expect(page.getByTestId('url-notice')).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('scene')).toBe('rosenbrock');
});

test('editing a run’s lr rewrites the URL in place, without new history entries', async ({ page }) => {
  await openAt(page, '?scene=rosenbrock');
  await sceneReady(page);
  const historyBefore = await page.evaluate(() => history.length);
  await setLr(page, 'adam', '0.05');
  await expect
    .poll(
      async () => {
        const { state } = decodeState(await page.evaluate(() => location.search));
        return state.experiment?.runs.find((r) => r.id === 'adam')?.spec.lr;
      },
      { timeout: 1_500 },
    )
    .toBe(0.05);
  const search = await page.evaluate(() => location.search);
  expect(decodeState(search).notices).toEqual([]);
  expect(new URLSearchParams(search).get('scene')).toBe('rosenbrock');
  expect(await page.evaluate(() => history.length)).toBe(historyBefore);
  // The other runs are in the link unchanged.
  const runs = decodeState(search).state.experiment?.runs ?? [];
  expect(runs.map((r) => [r.id, r.spec.name, r.spec.lr])).toEqual([
    ['adam', 'adam', 0.05],
    ['sadam', 'sadam', 0.02],
    ['sgdm', 'sgdm', 2e-4],
  ]);
});

test('a copied link reproduces the same runs and the same numbers', async ({ page, context }) => {
  await openAt(page, '?scene=race-moons');
  await sceneReady(page);
  await setLr(page, 'adam', '0.03');
  await setLr(page, 'sadam', '0.05');
  await expect
    .poll(async () => {
      const { state } = decodeState(await page.evaluate(() => location.search));
      return state.experiment?.runs.map((r) => r.spec.lr);
    })
    .toEqual([0.03, 0.05, 0.1]);
  const link = await page.evaluate(() => location.href);
  const steps = 5;
  await stepTimes(page, steps);
  const ids = await runIds(page);
  expect(ids).toEqual(['adam', 'sadam', 'sgdm']);
  const losses = await Promise.all(ids.map((id) => page.getByTestId(`loss-${id}`).textContent()));

  const copy = await context.newPage();
  const copyErrors: string[] = [];
  copy.on('pageerror', (err) => copyErrors.push(err.message));
  await copy.goto(link);
  await expect(copy.getByTestId('backend-badge')).not.toHaveAttribute('data-phase', 'starting', {
    timeout: 60_000,
  });
  await expect(copy.getByTestId('scene-picker')).toHaveValue('race-moons');
  await sceneReady(copy);
  await expect(copy.getByTestId('url-notice')).toHaveCount(0);
  expect(await runIds(copy)).toEqual(ids);
  await copy.getByTestId('edit-adam').click();
  await expect(copy.getByTestId('lr-adam')).toHaveValue('0.03');
  await stepTimes(copy, steps);
  const copyLosses = await Promise.all(ids.map((id) => copy.getByTestId(`loss-${id}`).textContent()));
  expect(copyLosses).toEqual(losses);
  expect(copyErrors).toEqual([]);
});

test('a bad link shows what was ignored and still renders', async ({ page }) => {
  await openAt(page, '?scene=nope&run=x:adamz,lr=abc');
  const notice = page.getByTestId('url-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('nope');
  await expect(notice).toContainText('adamz');
  // The default scene with its own runs.
  await sceneReady(page);
  await expect(page.getByTestId('scene-picker')).toHaveValue('fig1-mnist');
  expect(await runIds(page)).toEqual(['adam', 'sadam']);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '1');
  await notice.getByRole('button', { name: /dismiss/i }).click();
  await expect(notice).toHaveCount(0);
});
