// Labels follow the spec: a run's derived label follows live changes of the settings it names; a
// typed label stays as typed; the link stores a label only when it was typed.
import { expect, openApp, sceneReady, test } from './fixtures';

test('a derived label follows β, a typed one stays, and only the typed one goes into the link', async ({
  page,
}) => {
  await openApp(page);
  await sceneReady(page);
  const heading = page.getByTestId('run-sadam').locator('h3');
  await expect(heading).toHaveText('Sadam β=50');
  await page.getByTestId('edit-sadam').click();
  const slider = page.getByTestId('softplusBeta-sadam');
  await slider.focus();
  for (let i = 0; i < 3; i++) await slider.press('ArrowRight');
  // The shown β may still be catching up with the last key press: the heading must name the β shown.
  const shownBeta = async () => (await page.getByTestId('softplusBeta-sadam-value').textContent())?.trim();
  await expect
    .poll(async () => {
      const shown = await shownBeta();
      return Number(shown) > 50 && (await heading.textContent())?.trim() === `Sadam β=${shown}`;
    })
    .toBe(true);
  const beta = await shownBeta();
  expect(Number(beta)).toBeGreaterThan(50);
  await expect(heading).toHaveText(`Sadam β=${beta}`);
  await expect.poll(() => page.url()).toContain('beta=');
  expect(page.url()).not.toContain('label');

  // A typed label is kept as typed, through a β change and through the link.
  const field = page.getByTestId('label-sadam');
  await field.fill('My Sadam');
  await field.press('Enter');
  await expect(heading).toHaveText('My Sadam');
  await expect.poll(() => page.url()).toContain('label=My%20Sadam');
  await slider.focus();
  await slider.press('ArrowRight');
  await expect(page.getByTestId('softplusBeta-sadam-value')).not.toHaveText(beta ?? '');
  await expect(heading).toHaveText('My Sadam');
  await expect(page.getByTestId('task-view')).toContainText('My Sadam'); // every view shows the same label

  await page.reload();
  await sceneReady(page);
  await expect(heading).toHaveText('My Sadam');
  await page.getByTestId('edit-sadam').click();
  await expect(page.getByTestId('label-sadam')).toHaveAttribute('data-typed', 'true');

  // Cleared, the label is derived again (from the current β) and leaves the link.
  const now = (await page.getByTestId('softplusBeta-sadam-value').textContent())?.trim();
  await page.getByTestId('label-sadam').fill('');
  await page.getByTestId('label-sadam').press('Enter');
  await expect(heading).toHaveText(`Sadam β=${now}`);
  await expect.poll(() => page.url()).not.toContain('label');
});
