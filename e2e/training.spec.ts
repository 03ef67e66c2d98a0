// The engine worker driven through the real app: the default scene trains in lockstep, shows the
// Figure 1 contrast, obeys play / pause / step / reset, takes live spec changes, and keeps its state
// when the backend changes under it.
import { expect, numberIn, openApp, stepOf, test } from './fixtures';

const SADAM_CEILING = 50 / Math.LN2; // β/ln 2 at β = 50

test('the default scene (Figure 1 on MNIST) shows Adam at 1/ε and Sadam under β/ln 2', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('scene-picker')).toHaveValue('fig1-mnist');
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '0', { timeout: 30_000 });
  await page.getByTestId('play-pause').click();
  await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(40);
  expect(await numberIn(page, 'alr-max-adam')).toBeGreaterThan(1e7);
  expect(await numberIn(page, 'alr-max-sadam')).toBeLessThanOrEqual(SADAM_CEILING + 0.1);
  expect(Number((await page.getByTestId('orders-adam').textContent())?.replace('10', ''))).toBeGreaterThan(4);

  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('play-pause')).toHaveText(/Play/);
  const paused = await stepOf(page);
  await page.waitForTimeout(500);
  expect(await stepOf(page)).toBe(paused);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', String(paused + 1));
  await page.getByTestId('reset').click();
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '0');
});

test('switching a running Adam to Sadam drops its max A-LR under β/ln 2', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '0', { timeout: 30_000 });
  await page.getByTestId('play-pause').click();
  await expect.poll(() => numberIn(page, 'alr-max-adam'), { timeout: 60_000 }).toBeGreaterThan(1e7);
  await page.getByTestId('optimizer-adam').selectOption('sadam');
  await expect(page.getByTestId('run-adam')).toHaveAttribute('data-optimizer', 'sadam');
  await expect
    .poll(() => numberIn(page, 'alr-max-adam'), { timeout: 30_000 })
    .toBeLessThanOrEqual(SADAM_CEILING + 0.1);
  await page.getByTestId('play-pause').click();
});

test('a backend switch mid-run moves the experiment without restarting it', async ({ page }) => {
  await openApp(page, 'wasm');
  await page.getByTestId('scene-picker').selectOption('race-moons');
  await expect(page.getByTestId('scene-caption')).toContainText('moons');
  await expect(page.getByTestId('run-sgdm')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('step').click();
  await page.getByTestId('step').click();
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '2');
  const lossBefore = await page.getByTestId('loss-adam').textContent();
  await page.getByTestId('backend-picker').selectOption('cpu');
  await expect(page.getByTestId('backend-badge')).toHaveText('CPU', { timeout: 30_000 });
  await expect(page.getByTestId('runs')).toHaveAttribute('data-backend', 'cpu');
  // Same step, same numbers: the weights and optimizer state came along.
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '2');
  expect(await page.getByTestId('loss-adam').textContent()).toBe(lossBefore);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '3');
});

test('trains on WebGPU (SwiftShader) through the worker', async ({ page }) => {
  test.slow(); // SwiftShader compiles every WebGPU shader on first use
  await openApp(page, 'webgpu');
  await page.getByTestId('scene-picker').selectOption('rosenbrock');
  await expect(page.getByTestId('run-sgdm')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('play-pause').click();
  await expect.poll(() => stepOf(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(20);
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('runs')).toHaveAttribute('data-backend', 'webgpu');
  const loss = Number(await page.getByTestId('loss-adam').textContent());
  expect(Number.isFinite(loss)).toBe(true);
  expect(loss).toBeLessThan(20); // f(−1.5, 2) = 12.5 + 6.25 = 18.75 at the start
});

test('trains the Figure 1 MLP on WebGL (fused GLSL update) with the same contrast', async ({ page }) => {
  test.slow(); // SwiftShader rasterises every WebGL program on the CPU
  await openApp(page, 'webgl');
  await expect(page.getByTestId('backend-badge')).toHaveText('WebGL');
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '0', { timeout: 60_000 });
  await page.getByTestId('play-pause').click();
  await expect.poll(() => stepOf(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(40);
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('runs')).toHaveAttribute('data-backend', 'webgl');
  expect(await numberIn(page, 'alr-max-adam')).toBeGreaterThan(1e7);
  expect(await numberIn(page, 'alr-max-sadam')).toBeLessThanOrEqual(SADAM_CEILING + 0.1);
  expect(Number.isFinite(Number(await page.getByTestId('loss-sadam').textContent()))).toBe(true);
});
