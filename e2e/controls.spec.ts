// Live controls: hyperparameters change at the next step without a reset, bad typed values are
// refused next to their field, and task changes restart training and say so.
import { expect, numberIn, openApp, test } from './fixtures';

test('moving the softplus β slider moves the A-LR ceiling, and the run obeys it without a reset', async ({
  page,
}) => {
  await openApp(page);
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '0', { timeout: 30_000 });
  await page.getByTestId('play-pause').click();
  await expect
    .poll(async () => Number(await page.getByTestId('runs').getAttribute('data-step')), { timeout: 60_000 })
    .toBeGreaterThan(20);
  expect(await numberIn(page, 'ceiling-sadam')).toBeCloseTo(50 / Math.LN2, 0);
  await page.getByTestId('edit-sadam').click();
  const slider = page.getByTestId('softplusBeta-sadam');
  await slider.focus();
  // Arrow keys step the log slider by 0.01 decade; Home jumps to β = 1.
  await slider.press('Home');
  await expect(page.getByTestId('softplusBeta-sadam-value')).toHaveText('1');
  await expect.poll(() => numberIn(page, 'ceiling-sadam'), { timeout: 30_000 }).toBeCloseTo(1 / Math.LN2, 1);
  const stepAtChange = Number(await page.getByTestId('runs').getAttribute('data-step'));
  await expect
    .poll(() => numberIn(page, 'alr-max-sadam'), { timeout: 30_000 })
    .toBeLessThanOrEqual(1 / Math.LN2 + 1e-3);
  // No reset happened: the step count kept growing.
  expect(Number(await page.getByTestId('runs').getAttribute('data-step'))).toBeGreaterThanOrEqual(
    stepAtChange,
  );
  await page.getByTestId('play-pause').click();
});

test('typed values: a valid lr is applied, a bad β1 is refused with the reason beside the field', async ({
  page,
}) => {
  await openApp(page);
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '0', { timeout: 30_000 });
  await page.getByTestId('edit-adam').click();
  await page.getByTestId('lr-adam').fill('3e-3');
  await page.getByTestId('lr-adam').press('Enter');
  await page.getByTestId('step').click();
  await expect(page.getByTestId('lr-adam')).toHaveValue('0.003');
  await page.getByTestId('beta1-adam').fill('1.5');
  await page.getByTestId('beta1-adam').press('Enter');
  await expect(page.getByTestId('beta1-adam-error')).toContainText('beta1 must be a finite number in [0, 1)');
  await page.getByTestId('eps-adam').fill('lots');
  await page.getByTestId('eps-adam').press('Enter');
  await expect(page.getByTestId('eps-adam-error')).toContainText('is not a number');
  // The experiment kept running on the old, valid values.
  await page.getByTestId('step').click();
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '2');
});

test('changing the task restarts the runs and says so', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '0', { timeout: 30_000 });
  await page.getByTestId('step').click();
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '1');
  await page.getByTestId('experiment-drawer').locator('summary').click();
  await page.getByTestId('task-kind').selectOption('classify2d');
  await page.getByTestId('task-hidden').fill('8, 8, 8, 8, 8');
  await expect(page.getByTestId('task-hidden-error')).toContainText('1 to 4');
  await expect(page.getByTestId('apply-task')).toBeDisabled();
  await page.getByTestId('task-hidden').fill('12, 12');
  await page.getByTestId('apply-task').click();
  await expect(page.getByTestId('training-notice')).toContainText('restarted');
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '0');
  await expect(page.getByTestId('experiment-drawer')).toContainText('spirals · MLP 2-12-12');
  await page.getByTestId('step').click();
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '1');
});

test('the closed experiment drawer holds no fields: its body loads on the first opening and keeps its edits', async ({
  page,
}) => {
  const bodyRequests: string[] = [];
  page.on('request', (request) => {
    if (/experiment-drawer-body/.test(request.url())) bodyRequests.push(request.url());
  });
  await openApp(page);
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '0', { timeout: 30_000 });
  await expect(page.getByTestId('task-kind')).toHaveCount(0);
  expect(bodyRequests).toEqual([]);
  const summary = page.getByTestId('experiment-drawer').locator('summary');
  await summary.click();
  await expect(page.getByTestId('task-kind')).toBeVisible();
  expect(bodyRequests.length).toBeGreaterThan(0);
  // An edit not yet applied survives closing and opening again.
  await page.getByTestId('task-kind').selectOption('classify2d');
  await summary.click();
  await expect(page.getByTestId('task-kind')).toBeHidden();
  await summary.click();
  await expect(page.getByTestId('task-kind')).toHaveValue('classify2d');
});

test('runs can be added (up to four) and removed while the scene is loaded', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '0', { timeout: 30_000 });
  await page.getByTestId('step').click();
  await page.getByTestId('add-run').click();
  await expect(page.getByTestId('run-run3')).toBeVisible();
  await expect(page.getByTestId('run-run3')).toHaveAttribute('data-optimizer', 'samsgrad');
  await page.getByTestId('add-run').click();
  await expect(page.getByTestId('run-run4')).toBeVisible();
  await expect(page.getByTestId('add-run')).toHaveCount(0);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '2');
  // The late runs trained one step from the shared initial weights: their heatmaps exist too.
  await expect(page.getByTestId('heatmaps-run4')).toBeVisible();
  await page.getByTestId('remove-run3').click();
  await page.getByTestId('remove-adam').click();
  await expect(page.getByTestId('run-run3')).toHaveCount(0);
  await expect(page.getByTestId('run-adam')).toHaveCount(0);
  await expect(page.locator('[data-testid^="run-"][data-optimizer]')).toHaveCount(2);
});
