// The per-layer A-LR heatmaps in the run cards of the default scene (Figure 1 on MNIST, Adam vs
// Sadam): one canvas per layer, repainted as training goes, Adam's never-trained border-pixel weights
// at the top of the scale, and a tooltip (pointer or keyboard) with the cell's value and its history.
// Console errors fail every test (fixtures.ts).
import type { Locator, Page } from '@playwright/test';
import { expect, openApp, sceneReady, stepOf, test, train } from './fixtures';

const LAYERS = [
  'dense1/kernel',
  'dense1/bias',
  'dense2/kernel',
  'dense2/bias',
  'dense3/kernel',
  'dense3/bias',
];
const RUNS = ['adam', 'sadam'];

async function openFig1(page: Page): Promise<void> {
  await openApp(page);
  await expect(page.getByTestId('scene-picker')).toHaveValue('fig1-mnist');
  await sceneReady(page);
}

/** Trains until at least `steps`, pauses, and waits until both runs' heatmaps show the last snapshot. */
async function trainTo(page: Page, steps: number): Promise<void> {
  await train(page, steps);
  const step = String(await stepOf(page));
  for (const run of RUNS)
    await expect(page.getByTestId(`heatmaps-${run}`)).toHaveAttribute('data-drawn-step', step);
}

const dataUrl = (canvas: Locator) => canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL());

/** RGB of image pixel (x, y) of a heatmap canvas. */
const pixel = (canvas: Locator, x: number, y: number) =>
  canvas.evaluate(
    (c: HTMLCanvasElement, [px, py]) =>
      [...(c.getContext('2d')?.getImageData(px, py, 1, 1).data ?? [])].slice(0, 3),
    [x, y] as const,
  );

const luminance = ([r = 0, g = 0, b = 0]: number[]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

test('each run card has a heatmap canvas per layer, MNIST layer 1 as 28×28 tiles', async ({ page }) => {
  await openFig1(page);
  for (const run of RUNS) {
    const card = page.getByTestId(`run-${run}`);
    for (const layer of LAYERS) {
      const canvas = card.getByTestId(`heatmap-${run}-${layer}`);
      await expect(canvas).toBeVisible();
      await expect(canvas).toHaveAttribute('tabindex', '0');
      await expect(canvas).toHaveAttribute('aria-label', new RegExp(layer.replace('/', '\\/')));
    }
  }
  const tiles = page.getByTestId('heatmap-adam-dense1/kernel');
  const perRow = Number(await tiles.getAttribute('data-tiles-per-row'));
  expect(perRow).toBeGreaterThan(0);
  await expect(tiles).toHaveAttribute('data-cells', `${perRow * 29 - 1}x${Math.ceil(128 / perRow) * 29 - 1}`);
  await expect(page.getByTestId('run-adam').getByText('dense1/kernel')).toBeVisible();
});

test("training repaints the heatmaps, and Adam's border pixels sit at the top of the scale", async ({
  page,
}) => {
  await openFig1(page);
  const adam = page.getByTestId('heatmap-adam-dense1/kernel');
  const sadam = page.getByTestId('heatmap-sadam-dense1/kernel');
  await expect(page.getByTestId('heatmaps-adam')).toHaveAttribute('data-drawn-step', '0');
  const before = { adam: await dataUrl(adam), sadam: await dataUrl(sadam) };
  await trainTo(page, 40);
  expect(await dataUrl(adam)).not.toBe(before.adam);
  expect(await dataUrl(sadam)).not.toBe(before.sadam);

  // Image pixel (0, 0) of the tiles is pixel (0, 0) of unit 0: always black in MNIST, so Adam's A-LR
  // there is 1/ε = 10⁸, the top of any domain that ends at 10⁸ — viridis's yellow.
  if ((await adam.getAttribute('data-factor')) === '1') {
    const corner = await pixel(adam, 0, 0);
    expect(corner[0]).toBeGreaterThan(200);
    expect(corner[1]).toBeGreaterThan(200);
    expect(corner[2]).toBeLessThan(100);
    // On a shared scale Sadam's same weight is far darker: its A-LR is capped at β/ln 2.
    const domains = await Promise.all(
      RUNS.map((r) => page.getByTestId(`heatmaps-${r}`).getAttribute('data-domain')),
    );
    if (domains[0] === domains[1] && (await sadam.getAttribute('data-factor')) === '1')
      expect(luminance(await pixel(sadam, 0, 0))).toBeLessThan(luminance(corner) - 80);
  }
});

test('hovering a cell shows its layer, tile position, value and A-LR sparkline', async ({ page }) => {
  await openFig1(page);
  await trainTo(page, 30); // snapshots every 10 steps: three points of history
  const tiles = page.getByTestId('heatmap-adam-dense1/kernel');
  await tiles.scrollIntoViewIfNeeded();
  const box = await tiles.boundingBox();
  if (!box) throw new Error('no box for the tiles canvas');
  await page.mouse.move(box.x + 1.5, box.y + 1.5); // a border pixel of unit 0's tile
  const tooltip = page.getByTestId('heatmap-tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText('dense1/kernel');
  await expect(tooltip).toContainText(/unit 0, pixel \(\d+, \d+\)/);
  await expect(page.getByTestId('heatmap-tooltip-value')).toHaveText('1.00×10⁸');
  const spark = tooltip.getByTestId('heatmap-sparkline');
  await expect(spark).toBeVisible();
  expect(await spark.locator('path').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/); // at least two points

  // Another layer: a plain matrix cell reads as its tensor index [i, o].
  const dense2 = page.getByTestId('heatmap-sadam-dense2/kernel');
  await dense2.scrollIntoViewIfNeeded();
  const b2 = await dense2.boundingBox();
  if (!b2) throw new Error('no box for dense2/kernel');
  await page.mouse.move(b2.x + b2.width / 2, b2.y + b2.height / 2);
  await expect(tooltip).toContainText(/dense2\/kernel\s*\[\d+, \d+\]/);
  await expect(page.getByTestId('heatmap-tooltip-value')).toHaveText(/^\d/);

  await page.mouse.move(0, 0);
  await expect(tooltip).toBeHidden();
});

test('the keyboard moves a cell cursor over a focused heatmap and shows the same tooltip', async ({
  page,
}) => {
  await openFig1(page);
  await trainTo(page, 20);
  const tiles = page.getByTestId('heatmap-adam-dense1/kernel');
  await tiles.focus();
  await page.keyboard.press('ArrowRight'); // from pixel (0, 0) of unit 0
  const tooltip = page.getByTestId('heatmap-tooltip');
  await expect(tooltip).toContainText('unit 0, pixel (0, 1)');
  await page.keyboard.press('ArrowDown');
  await expect(tooltip).toContainText('unit 0, pixel (1, 1)');
  await page.keyboard.press('Shift+ArrowRight'); // one tile on: the same pixel of unit 1
  await expect(tooltip).toContainText('unit 1, pixel (1, 1)');
  await expect(tiles).toHaveAttribute('aria-describedby', /heatmap-tooltip/);
  await page.keyboard.press('Escape');
  await expect(tooltip).toBeHidden();
});

test('each panel has a legend that labels powers of ten and marks its ceiling', async ({ page }) => {
  await openFig1(page);
  await trainTo(page, 20);
  const legends = page.getByTestId('heatmap-legend');
  await expect(legends).toHaveCount(2);
  await expect(legends.first()).toContainText('10⁸');
  await expect(page.getByTestId('run-adam').getByTestId('heatmap-legend-eps')).toBeVisible();
  await expect(page.getByTestId('run-sadam').getByTestId('heatmap-legend-beta')).toBeVisible();
});

test('conv kernels are drawn as 5×5 filters and GRU kernels as gate blocks; hover names them', async ({
  page,
}) => {
  const tooltip = page.getByTestId('heatmap-tooltip');
  /** Hovers image cell (x, y) of a canvas (cells are CSS-scaled evenly). */
  const hoverCell = async (canvas: Locator, x: number, y: number) => {
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    const [w, h] = ((await canvas.getAttribute('data-cells')) ?? '1x1').split('x').map(Number) as [
      number,
      number,
    ];
    if (!box) throw new Error('no box for the canvas');
    await page.mouse.move(box.x + ((x + 0.5) * box.width) / w, box.y + ((y + 0.5) * box.height) / h);
  };

  await page.goto('./?scene=mnist-cnn&backend=wasm');
  await sceneReady(page);
  await train(page, 20);
  const conv2 = page.getByTestId('heatmap-adam-conv2/kernel');
  // 6 input channels (rows) × 16 filters (columns) of 5×5 tiles, one cell apart.
  await expect(conv2).toHaveAttribute('data-cells', `${16 * 6 - 1}x${6 * 6 - 1}`);
  await hoverCell(conv2, 2 * 6 + 3, 1 * 6 + 4); // filter 2, input channel 1, tap (4, 3)
  await expect(tooltip).toContainText('conv2/kernel [4, 3, 1, 2]');
  await expect(tooltip).toContainText('filter 2, input channel 1, tap (4, 3)');
  await expect(page.getByTestId('heatmap-tooltip-value')).toHaveText(/^\d/);
  await expect(tooltip.getByTestId('heatmap-sparkline')).toBeVisible();

  await page.goto('./?scene=charlm-sonnets&backend=wasm');
  await sceneReady(page);
  await train(page, 1);
  const recurrent = page.getByTestId('heatmap-sadam-gru/recurrent-kernel');
  // Three gate blocks of 64 units, two cells apart; one row per input.
  await expect(recurrent).toHaveAttribute('data-cells', `${3 * 64 + 2 * 2}x64`);
  await expect(page.locator('.heatmaps__gate').first()).toHaveText('z');
  await hoverCell(recurrent, 66 + 5, 3); // gate r, unit 5, input 3
  await expect(tooltip).toContainText('gru/recurrent-kernel [3, 69]');
  await expect(tooltip).toContainText('gate r, unit 5, input 3');
});
