// Every lecture shortcut, pressed on the page: space plays and pauses, → steps, r resets, number keys
// load scenes, ? opens the sheet, p toggles presentation mode — and none fires while typing in a field.
import { expect, openApp, sceneReady, stepOf, test } from './fixtures';

test('space, →, r, number keys, ? and p drive the app', async ({ page }) => {
  await openApp(page);
  await sceneReady(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });

  await page.keyboard.press('Space');
  await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(10);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('play-pause')).toHaveText(/Play/);
  const paused = await stepOf(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', String(paused + 1));
  await page.keyboard.press('r');
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '0');

  await page.keyboard.press('2'); // the second scene: ε matters
  await expect(page.getByTestId('scene-picker')).toHaveValue('eps-matters');
  await expect(page.getByTestId('run-eps3')).toBeVisible({ timeout: 60_000 });

  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcut-sheet')).toBeVisible();
  await expect(page.getByTestId('shortcut-sheet')).toContainText('presentation mode');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcut-sheet')).toHaveCount(0);

  await page.keyboard.press('p');
  await expect(page.getByTestId('app')).toHaveAttribute('data-present', 'true');
  await expect(page.locator('html')).toHaveClass(/present/);
  await expect(page.getByTestId('verify-button')).toBeHidden();
  await page.keyboard.press('p');
  await expect(page.getByTestId('app')).toHaveAttribute('data-present', 'false');
});

test('keys typed into a field stay in the field', async ({ page }) => {
  await openApp(page);
  await sceneReady(page);
  await page.getByTestId('edit-adam').click();
  const lr = page.getByTestId('lr-adam');
  await lr.fill('');
  await lr.type('2 r ?');
  await expect(lr).toHaveValue('2 r ?');
  await expect(page.getByTestId('shortcut-sheet')).toHaveCount(0);
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '0');
  await expect(page.getByTestId('scene-picker')).toHaveValue('fig1-mnist');
});

test('?present=1 opens in presentation mode', async ({ page }) => {
  await page.goto('./?present=1');
  await expect(page.getByTestId('app')).toHaveAttribute('data-present', 'true');
});
