// "Share / embed" builds a link that reproduces the experiment and an <iframe> snippet for slides.
import { expect, openApp, sceneReady, test } from './fixtures';

test('the share dialog gives a working link and an embed snippet with the chosen options', async ({
  page,
  context,
}) => {
  await openApp(page);
  await sceneReady(page);
  await page.getByTestId('scene-picker').selectOption('race-moons');
  await expect(page.getByTestId('run-sgdm')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('edit-adam').click();
  await page.getByTestId('lr-adam').fill('0.02');
  await page.getByTestId('lr-adam').press('Enter');
  // Share at once: the link carries the edit while it is still on its way to the engine.
  await page.getByTestId('share-button').click();
  const dialog = page.getByTestId('share-dialog');
  await expect(dialog).toBeVisible();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toContain('scene=race-moons');
  expect(link).toMatch(/run=adam:adam,lr=0\.02/);
  await page.getByTestId('share-hide-curves').check();
  // Not an origin (no scheme; then a path): refused where it is typed, and no snippet to copy.
  for (const bad of ['slides.example.org', 'https://slides.example.org/deck']) {
    await page.getByTestId('share-origin').fill(bad);
    await expect(page.getByTestId('share-origin-error')).toBeVisible();
    await expect(page.getByTestId('share-origin')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('share-snippet')).toHaveValue('');
    await expect(page.getByTestId('copy-snippet')).toBeDisabled();
  }
  await page.getByTestId('share-origin').fill('https://slides.example.org');
  await expect(page.getByTestId('share-origin-error')).toHaveCount(0);
  const snippet = await page.getByTestId('share-snippet').inputValue();
  expect(snippet).toMatch(/^<iframe src="[^"]*embed=1[^"]*" width="960" height="720"/);
  expect(snippet).toContain('hide=settings,add,curves');
  expect(snippet).toContain('origin=https:%2F%2Fslides.example.org');
  expect(snippet).not.toContain('layout=');
  await page.getByTestId('share-slide').uncheck(); // the full layout, scrolling, even in a wide frame
  await expect(page.getByTestId('share-snippet')).toHaveValue(/layout=full/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The link opens the same experiment in a fresh page.
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('scene-picker')).toHaveValue('race-moons', { timeout: 60_000 });
  await expect(other.getByTestId('run-sgdm')).toBeVisible({ timeout: 60_000 });
  await other.getByTestId('edit-adam').click();
  await expect(other.getByTestId('lr-adam')).toHaveValue('0.02');
  await other.close();
});
