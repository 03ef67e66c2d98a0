// The char-LM's LSTM cell in the app: the scene trains, its kernels are drawn as four gate blocks
// i, f, g, o with hover naming gate, unit and input, and the drawer switches a GRU scene to the LSTM
// (and the link says so).
import type { Locator, Page } from '@playwright/test';
import { expect, sceneReady, stepOf, test, train } from './fixtures';

/** Hovers image cell (x, y) of a heatmap canvas (cells are CSS-scaled evenly). */
async function hoverCell(page: Page, canvas: Locator, x: number, y: number): Promise<void> {
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const [w, h] = ((await canvas.getAttribute('data-cells')) ?? '1x1').split('x').map(Number) as [
    number,
    number,
  ];
  if (!box) throw new Error('no box for the canvas');
  await page.mouse.move(box.x + ((x + 0.5) * box.width) / w, box.y + ((y + 0.5) * box.height) / h);
}

test('the LSTM scene trains; its kernels are four gate blocks i, f, g, o; hover names gate, unit, input', async ({
  page,
}, testInfo) => {
  await page.goto('./?scene=charlm-lstm&backend=wasm');
  await sceneReady(page);
  await train(page, 20);
  expect(await stepOf(page)).toBeGreaterThanOrEqual(20);
  const recurrent = page.getByTestId('heatmap-adam-lstm/recurrent-kernel');
  // Four gate blocks of 64 units, two cells apart; one row per input (the 64 hidden units).
  await expect(recurrent).toHaveAttribute('data-cells', `${4 * 64 + 3 * 2}x64`);
  await expect(page.locator('.heatmaps__gate').first()).toHaveText('i');
  await expect(page.getByTestId('heatmap-adam-gru/recurrent-kernel')).toHaveCount(0);
  const tooltip = page.getByTestId('heatmap-tooltip');
  await hoverCell(page, recurrent, 3 * 66 + 7, 2); // gate o, unit 7, input 2
  await expect(tooltip).toContainText('lstm/recurrent-kernel [2, 199]');
  await expect(tooltip).toContainText('gate o, unit 7, input 2');
  await expect(page.getByTestId('heatmap-tooltip-value')).toHaveText(/^\d/);
  await page.mouse.move(0, 0);
  await recurrent.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('charlm-lstm.png'), fullPage: true });
});

test('the drawer switches the GRU scene to the LSTM, and the link keeps it', async ({ page }) => {
  await page.goto('./?scene=charlm-sonnets&backend=wasm');
  await sceneReady(page);
  await page.getByTestId('experiment-drawer').locator('summary').click();
  await expect(page.getByTestId('task-cell')).toHaveValue('gru');
  await page.getByTestId('task-cell').selectOption('lstm');
  await page.getByTestId('apply-task').click();
  await expect(page.getByTestId('experiment-drawer')).toContainText('Sonnets · LSTM 64');
  await expect(page.getByTestId('heatmap-sadam-lstm/input-kernel')).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => new URL(page.url()).searchParams.get('cell')).toBe('lstm');
  await page.reload();
  await expect(page.getByTestId('heatmap-sadam-lstm/input-kernel')).toBeVisible({ timeout: 60_000 });
});
