// The guided tour: started from the header button, → / ← move through the steps and load each step's
// scene, the outline sits on the step's target, a link `?tour=1&step=3` opens step 3, Esc closes.
import type { Page } from '@playwright/test';
import { EN_LATER } from '../src/ui/i18n/strings-en-later';
import { TOUR_STEPS, type TourStep } from '../src/ui/tour/tour-steps';
import { expect, openApp, sceneReady, test } from './fixtures';

/** A step's English title, as the string table gives it. */
const titleOf = (step: TourStep) => EN_LATER[`tour.${step.id}.title`];

/** The outline's box is the target's box grown by the same padding on every side (after scrolling). */
async function expectHighlightOn(page: Page, target: string): Promise<void> {
  const highlight = page.getByTestId('tour-highlight');
  await expect(highlight).toHaveAttribute('data-target', target);
  await expect(highlight).toHaveAttribute('data-found', 'true', { timeout: 60_000 });
  await expect
    .poll(
      async () => {
        const [h, t] = await Promise.all([highlight.boundingBox(), page.getByTestId(target).boundingBox()]);
        if (!h || !t) return 'missing';
        const pad = (h.width - t.width) / 2;
        const ok =
          pad >= 0 &&
          pad <= 12 &&
          Math.abs(h.x + pad - t.x) < 2 &&
          Math.abs(h.y + h.height - pad - (t.y + t.height)) < 2;
        return ok ? 'on target' : JSON.stringify({ h, t });
      },
      { timeout: 15_000 },
    )
    .toBe('on target');
}

test('the tour starts from the button, → and ← move through the steps and their scenes', async ({ page }) => {
  test.setTimeout(300_000);
  await openApp(page);
  await sceneReady(page);
  await page.getByTestId('tour-start').click();
  const tour = page.getByTestId('tour');
  await expect(tour).toBeVisible();
  await expect(page.getByTestId('tour-back')).toBeDisabled();
  for (const [i, step] of TOUR_STEPS.entries()) {
    const n = i + 1;
    await expect(page.getByTestId('tour-caption')).toContainText(`${n} of ${TOUR_STEPS.length}`);
    await expect(page.getByTestId('tour-caption')).toContainText(titleOf(step));
    await expect(page.getByTestId('scene-picker')).toHaveValue(step.sceneId);
    await expect(page).toHaveURL(new RegExp(`[?&]step=${n}(&|$)`));
    await expectHighlightOn(page, step.target);
    if (n < TOUR_STEPS.length) await page.keyboard.press('ArrowRight');
  }
  await expect(page.getByTestId('tour-next')).toHaveText(/Finish/);

  // ← goes back one step, and back to that step's scene.
  await page.keyboard.press('ArrowLeft');
  const prev = TOUR_STEPS[TOUR_STEPS.length - 2];
  if (!prev) throw new Error('the tour has fewer than two steps');
  await expect(page.getByTestId('tour-caption')).toContainText(titleOf(prev));
  await expect(page.getByTestId('scene-picker')).toHaveValue(prev.sceneId);
  await page.getByTestId('tour-back').click();
  const third = TOUR_STEPS[TOUR_STEPS.length - 3];
  if (!third) throw new Error('the tour has fewer than three steps');
  await expect(page.getByTestId('tour-caption')).toContainText(titleOf(third));
  await expect(page.getByTestId('scene-picker')).toHaveValue(third.sceneId);

  // The app stays usable under the tour: the picker still loads a scene by hand.
  await page.getByTestId('scene-picker').selectOption('quadratic');
  await expect(page.getByTestId('scene-picker')).toHaveValue('quadratic');
  await expect(tour).toBeVisible();

  await page.getByTestId('tour-close').click();
  await expect(tour).toHaveCount(0);
  expect(new URL(page.url()).searchParams.has('tour')).toBe(false);
});

test('a link ?tour=1&step=3 opens at step 3, and Escape closes the tour', async ({ page }) => {
  test.setTimeout(180_000);
  const step = TOUR_STEPS[2];
  if (!step) throw new Error('the tour has fewer than three steps');
  await page.goto('./?tour=1&step=3');
  await expect(page.getByTestId('backend-badge')).not.toHaveAttribute('data-phase', 'starting', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('tour')).toBeVisible();
  await expect(page.getByTestId('tour-caption')).toContainText(`3 of ${TOUR_STEPS.length}`);
  await expect(page.getByTestId('scene-picker')).toHaveValue(step.sceneId);
  await expectHighlightOn(page, step.target);

  // Arrow keys inside a field belong to the field, not to the tour.
  await page.getByTestId('speed').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tour-caption')).toContainText(`3 of ${TOUR_STEPS.length}`);

  await page.getByTestId('tour-next').focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('tour')).toHaveCount(0);
  expect(new URL(page.url()).searchParams.has('step')).toBe(false);
});

test('a bad step in the link is clamped into range', async ({ page }) => {
  await page.goto('./?tour=1&step=99');
  await expect(page.getByTestId('tour-caption')).toContainText(
    `${TOUR_STEPS.length} of ${TOUR_STEPS.length}`,
  );
  await expect(page).toHaveURL(new RegExp(`[?&]step=${TOUR_STEPS.length}(&|$)`));
});
