// The charts in the live app: Figure 1 (A-LR percentiles over steps) and the A-LR histogram in every
// run card, the loss / accuracy curves, the φ view (formerly the softplus inset) and the task view. After training they
// draw real paths (never NaN), and the ceiling lines carry the exact bounds: 1/ε = 10⁸ for Adam with
// ε = 10⁻⁸, β/ln 2 ≈ 72.13 for Sadam with β = 50. The fixture fails a test on any console error.
import type { Locator, Page } from '@playwright/test';
import { expect, openApp, test, train } from './fixtures';

/** The `d` of every path under the locator. */
async function pathData(scope: Locator, selector = 'path'): Promise<string[]> {
  return scope.locator(selector).evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? ''));
}

async function loadScene(page: Page, id: string, lastRun: string): Promise<void> {
  await page.getByTestId('scene-picker').selectOption(id);
  await expect(page.getByTestId(`run-${lastRun}`)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '0', { timeout: 30_000 });
}

test('Figure 1 charts draw in each run card, with the ceilings 1/ε and β/ln 2', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '0', { timeout: 30_000 });
  await train(page, 40);

  for (const runId of ['adam', 'sadam']) {
    const card = page.getByTestId(`run-${runId}`);
    const chart = card.getByTestId(`anisotropy-chart-${runId}`);
    await expect(chart).toBeVisible();
    await expect
      .poll(async () => Number(await chart.locator('svg').first().getAttribute('data-points')))
      .toBeGreaterThanOrEqual(3);
    const [median] = await pathData(chart, 'path.alr-median');
    expect(median, `${runId} median`).toMatch(/^M[\d.-]+,[\d.-]+L/);
    const band = await pathData(chart, 'path.alr-band');
    expect(band[0]?.length ?? 0).toBeGreaterThan(10);
    expect(await chart.locator('path.alr-extreme').count()).toBe(2);

    const histogram = card.getByTestId(`alr-histogram-${runId}`);
    await expect(histogram).toBeVisible();
    await expect.poll(() => histogram.locator('rect.bar').count()).toBeGreaterThan(0);
  }

  const adamBound = Number(await page.getByTestId('bound-line-adam').getAttribute('data-value'));
  expect(Math.abs(adamBound / 1e8 - 1)).toBeLessThan(1e-12);
  const sadamBound = Number(await page.getByTestId('bound-line-sadam').getAttribute('data-value'));
  expect(sadamBound).toBeCloseTo(50 / Math.LN2, 6); // 72.1347…
  // Both ceilings are inside the shared y-domain, so their lines are drawn (a flat line has no box
  // for toBeVisible: check that its group is not hidden).
  for (const runId of ['adam', 'sadam']) {
    await expect(page.getByTestId(`bound-line-${runId}`).locator('xpath=..')).not.toHaveAttribute(
      'display',
      'none',
    );
  }

  // One y-axis for both panels: the same log ticks on both.
  const ticks = (runId: string) =>
    page.getByTestId(`anisotropy-chart-${runId}`).locator('.axis--y .tick text').allTextContents();
  expect(await ticks('adam')).toEqual(await ticks('sadam'));

  const curves = page.getByTestId('training-curves');
  await expect(curves).toBeVisible();
  const curvePaths = (await pathData(curves, 'path.curve')).filter((d) => d.length > 0);
  expect(curvePaths.length).toBeGreaterThanOrEqual(4); // train loss and accuracy of two runs at least
  await expect(curves).toContainText('Adam');
  await expect(curves).toContainText('Sadam');

  // The φ view: each run's φ(z) with its weights' z and its A-LR band. Adam's diagonal z + ε turns the
  // spread of z into an A-LR spread over many decades; Sadam's softplus floor keeps its A-LR in one.
  const inset = page.getByTestId('softplus-inset');
  await expect(inset).toBeVisible();
  await expect(inset).toHaveAttribute('data-runs', '2');
  for (const runId of ['adam', 'sadam']) {
    expect((await pathData(inset.getByTestId(`phi-curve-${runId}`), 'path.phi-view__curve'))[0]).toMatch(
      /^M/,
    );
    expect((await pathData(inset.getByTestId(`phi-curve-${runId}`), 'path.phi-view__used'))[0]).toMatch(/^M/);
    const median = Number(await inset.getByTestId(`phi-rug-${runId}`).getAttribute('data-p50'));
    expect(median).toBeGreaterThan(0);
    await expect(inset.getByTestId(`phi-band-bar-${runId}`)).toBeVisible();
  }
  const decades = async (runId: string) =>
    Number(await inset.getByTestId(`phi-band-${runId}`).getAttribute('data-decades'));
  // The same numbers the run cards show: log10(max/min) of the A-LR.
  expect(await decades('adam')).toBeGreaterThan(4);
  expect(await decades('sadam')).toBeLessThan(1);
  await expect(inset.getByTestId('phi-band-adam')).toContainText('decades');
  // The run colours are the app's: the curve of each run has the colour of its run card's frame.
  for (const runId of ['adam', 'sadam']) {
    const frame = await page
      .getByTestId(`run-${runId}`)
      .evaluate((card) => getComputedStyle(card).getPropertyValue('--run-color').trim());
    const probe = await page.evaluate((color) => {
      const el = document.createElement('span');
      el.style.color = color;
      document.body.append(el);
      const rgb = getComputedStyle(el).color;
      el.remove();
      return rgb;
    }, frame);
    expect(
      await inset.getByTestId(`phi-curve-${runId}`).evaluate((g) => getComputedStyle(g).color),
      `${runId}'s φ curve in its card's colour ${frame}`,
    ).toBe(probe);
  }
  await inset.screenshot({ path: test.info().outputPath('phi-view.png') });

  const view = page.getByTestId('task-view');
  await expect(view).toHaveAttribute('data-kind', 'digits');
  expect(await view.locator('canvas.digit').count()).toBe(16);

  // No NaN or infinity in any path these charts drew.
  const charts = page.locator(
    '[data-testid^="anisotropy-chart-"], [data-testid^="alr-histogram-"], [data-testid="training-curves"], [data-testid="softplus-inset"], [data-testid="task-view"]',
  );
  const drawn = await charts.evaluateAll((els) =>
    els.flatMap((el) => [...el.querySelectorAll('path')].map((p) => p.getAttribute('d') ?? '')),
  );
  expect(drawn.length).toBeGreaterThan(10);
  expect(drawn.filter((d) => /NaN|Infinity/.test(d))).toEqual([]);
});

test('a loss surface shows contours with every run’s path', async ({ page }) => {
  await openApp(page);
  await loadScene(page, 'rosenbrock', 'sgdm');
  await train(page, 30);

  const view = page.getByTestId('task-view');
  await expect(view).toHaveAttribute('data-kind', 'trajectory');
  expect(await view.locator('path.contour').count()).toBeGreaterThan(5);
  const runs = view.locator('g.trajectory');
  await expect(runs).toHaveCount(3);
  for (const runId of ['adam', 'sadam', 'sgdm']) {
    const path = view.locator(`g.trajectory[data-run="${runId}"]`);
    await expect.poll(async () => Number(await path.getAttribute('data-points'))).toBeGreaterThanOrEqual(30);
    expect((await pathData(path))[0]).toMatch(/^M[\d.-]+,[\d.-]+L/);
  }
  await expect(view.locator('.mark-minimum')).toBeVisible();
  await expect(view.locator('.mark-start')).toBeVisible();
  // S-Momentum's A-LR is 1 by construction: its ceiling line says so.
  expect(Number(await page.getByTestId('bound-line-sgdm').getAttribute('data-value'))).toBe(1);

  // Reset starts the paths again.
  await page.getByTestId('reset').click();
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '0');
  await expect.poll(async () => Number(await runs.first().getAttribute('data-points'))).toBe(0);
});

test('the contour view draws each run’s A-LR cross: lopsided for Adam on two gradient scales', async ({
  page,
}) => {
  await openApp(page);
  await loadScene(page, 'two-scales', 'sadam');
  await train(page, 60);
  const view = page.getByTestId('task-view');
  await expect(view.getByText(/A-LR of x ↔ and of y ↕/)).toBeVisible();
  const cross = (runId: string) => view.locator(`g.trajectory[data-run="${runId}"] path.alr-cross`);
  const alr = async (runId: string) =>
    ((await cross(runId).getAttribute('data-alr')) ?? '').split(',').map(Number) as [number, number];
  // No cross before the first step's field: wait for both numbers.
  await expect.poll(async () => (await alr('adam')).filter(Number.isFinite).length).toBe(2);
  // Adam divides y's 1000× smaller gradient by its own √v: its y A-LR is ~1000× its x A-LR.
  const [ax, ay] = await alr('adam');
  expect(ay / ax).toBeGreaterThan(100);
  // Sadam's stays under its ceiling β/ln 2 ≈ 14.4 (β = 10).
  const [, sy] = await alr('sadam');
  expect(sy).toBeLessThanOrEqual(10 / Math.LN2 + 1e-3);
  // The arms: horizontal for x, vertical for y; Adam's vertical arm is the longer one.
  const arms = (await cross('adam').getAttribute('d'))?.match(/^M(-[\d.]+),0H([\d.]+)M0,(-[\d.]+)V([\d.]+)$/);
  expect(arms).not.toBeNull();
  expect(Number(arms?.[4])).toBeGreaterThan(Number(arms?.[2]) + 10);
  await expect(cross('adam').locator('title')).toContainText('Adam: A-LR of x');
});

test('a click on the contour plot restarts every run from the clicked point', async ({ page }) => {
  await openApp(page);
  await loadScene(page, 'quadratic', 'sgdm');
  await train(page, 10);
  const plot = page.getByTestId('task-view').locator('svg.trajectory-view__plot');
  const box = await plot.boundingBox();
  if (!box) throw new Error('no contour plot');
  await plot.click({ position: { x: box.width * 0.75, y: box.height * 0.25 } });
  await expect(page.getByTestId('training-notice')).toContainText('New start point');
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '0');
  // The drawer shows the new start, in the upper right quadrant of ½(x² + 100y²)'s plot.
  await page.getByTestId('experiment-drawer').locator('summary').click();
  expect(Number(await page.getByTestId('task-start-x').inputValue())).toBeGreaterThan(0);
  expect(Number(await page.getByTestId('task-start-y').inputValue())).toBeGreaterThan(0);
});

test('a 2-D race shows one decision boundary per run', async ({ page }) => {
  await openApp(page);
  await loadScene(page, 'race-moons', 'sgdm');
  await train(page, 20);
  const view = page.getByTestId('task-view');
  await expect(view).toHaveAttribute('data-kind', 'boundary');
  await expect(view.locator('.boundary-plot canvas')).toHaveCount(3);
  const curves = page.getByTestId('training-curves');
  await expect(curves.locator('.panel-accuracy')).toHaveCount(1);
});
