// Your own φ: a run switched to the custom rule takes a typed formula, refuses a bad one beside the field
// (training untouched), trains with a good one (its A-LR obeys 1/φ), and the shared link reopens the
// same experiment with the same numbers.
import type { Page } from '@playwright/test';
import { expect, numberIn, openApp, sceneReady, stepOf, test } from './fixtures';

async function stepTo(page: Page, steps: number): Promise<void> {
  while ((await stepOf(page)) < steps) {
    const before = await stepOf(page);
    await page.getByTestId('step').click();
    await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBeGreaterThan(before);
  }
  expect(await stepOf(page)).toBe(steps);
}

async function readout(page: Page) {
  return {
    orders: await page.getByTestId('orders-sadam').textContent(),
    range: await page.getByTestId('alr-range-sadam').textContent(),
    loss: await page.getByTestId('loss-sadam').textContent(),
  };
}

test('a typed φ formula trains, is refused with a reason when bad, and survives a shared link', async ({
  page,
  context,
}) => {
  await openApp(page);
  await sceneReady(page);
  await page.getByTestId('edit-sadam').click();
  await page.getByTestId('optimizer-sadam').selectOption('custom');
  const field = page.getByTestId('phi-sadam');
  await expect(field).toBeVisible();
  await expect(field).toHaveValue('log(1 + exp(b*z))/b; b = 50');
  await expect(page.getByTestId('phi-param-b-sadam-value')).toHaveText('50');

  // A formula that does not parse: refused beside the field with the place, nothing changes.
  await field.fill('log(1 + exp(b*z)/b');
  await field.press('Enter');
  await expect(page.getByTestId('phi-sadam-error')).toContainText('the formula ends too early');
  // One that parses but is 0 at z = 0: refused, naming the z.
  await field.fill('z^2');
  await field.press('Enter');
  await expect(page.getByTestId('phi-sadam-error')).toContainText('φ(0) = 0');
  expect(await stepOf(page)).toBe(0);

  // A good one: φ = max(z, 1e-2), so the A-LR can never exceed 100.
  await field.fill('max(z, c); c = 1e-2');
  await field.press('Enter');
  await expect(page.getByTestId('phi-sadam-error')).toHaveCount(0);
  await expect(page.getByTestId('phi-param-c-sadam-value')).toHaveText('0.01');
  await stepTo(page, 4);
  await expect.poll(() => numberIn(page, 'alr-max-sadam')).toBeCloseTo(100, 3);
  // The φ view draws the custom run's φ with the rest.
  await expect(page.getByTestId('phi-curve-sadam').locator('path.phi-view__curve')).toHaveAttribute(
    'd',
    /^M/,
  );
  // Every weight sits on φ's flat start (z < 1e-2): the lane shows that range, not a false z = 0.
  await expect(page.getByTestId('phi-flat-sadam')).toBeVisible();
  await page
    .getByTestId('softplus-inset')
    .screenshot({ path: test.info().outputPath('phi-view-custom.png') });
  const before = await readout(page);

  await page.getByTestId('share-button').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toContain('run=sadam:custom');
  expect(link).toContain('phi=max(z%2C%20c)%3B%20c%20%3D%201e-2');
  await page.keyboard.press('Escape');

  const other = await context.newPage();
  await other.goto(link);
  await sceneReady(other);
  await other.getByTestId('edit-sadam').click();
  await expect(other.getByTestId('phi-sadam')).toHaveValue('max(z, c); c = 1e-2');
  await stepTo(other, 4);
  expect(await readout(other)).toEqual(before);
  await other.close();
});
