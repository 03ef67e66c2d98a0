// The first screen's backend choice: auto, each explicit backend via the URL, the live picker, and an
// invalid parameter.
import { expect, openApp, test } from './fixtures';

test('auto skips the software WebGPU adapter and runs WASM', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { name: 'Anisoscope' })).toBeVisible();
  await expect(page.getByTestId('backend-badge')).toHaveText('WASM');
  await expect(page.getByTestId('backend-name')).toHaveAttribute('data-backend', 'wasm');
  await expect(page.getByTestId('backend-notes')).toContainText(
    'WebGPU adapter is a software fallback (SwiftShader); WASM is faster here',
  );
});

test('auto times the scene on each backend, shows the rates and runs the fastest', async ({ page }) => {
  await openApp(page);
  const rates = page.getByTestId('backend-rates');
  await expect(rates).toBeVisible({ timeout: 60_000 });
  await expect(rates).toContainText('Measured steps/s');
  await expect(rates).toContainText(/WASM \d+(\.\d)?\/s/);
  await expect(rates).toContainText('WebGL (software)');
  // Never started: its pipelines would compile in the GPU process that draws the page (docs/backends.md).
  await expect(rates).toContainText('WebGPU (software) not measured');
  const measured = JSON.parse((await rates.getAttribute('data-rates')) ?? '[]') as {
    backend: string;
    status: string;
    stepsPerS?: number;
  }[];
  expect(measured.map((r) => r.backend).sort()).toEqual(['wasm', 'webgl', 'webgpu']);
  expect(measured.find((r) => r.backend === 'webgpu')?.status).toBe('notStarted');
  const best = [...measured].sort((a, b) => (b.stepsPerS ?? -1) - (a.stepsPerS ?? -1))[0];
  await expect(page.getByTestId('backend-name')).toHaveAttribute('data-backend', best?.backend ?? '');
  await expect(page.getByTestId('backend-reason')).toContainText('Auto timed this scene on each backend');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('title', /\/s/);
});

test('an explicit ?backend= wins: nothing is measured and the choice stays', async ({ page }) => {
  await openApp(page, 'cpu');
  await expect(page.locator('[data-testid="runs"][data-step]')).toBeVisible({ timeout: 60_000 });
  // Auto's measurement would have started right after the scene loaded; give it the time it would take.
  await page.waitForTimeout(3000);
  await expect(page.getByTestId('backend-measuring')).toHaveCount(0);
  await expect(page.getByTestId('backend-rates')).toHaveCount(0);
  await expect(page.getByTestId('backend-badge')).toHaveText('CPU');
  await expect(page.getByTestId('backend-reason')).toContainText('CPU was requested');
});

test('the page is cross-origin isolated; WASM runs threaded where the cores allow it', async ({ page }) => {
  await openApp(page, 'wasm');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const threads = page.getByTestId('wasm-threads');
  await expect(threads).toBeVisible();
  // tfjs sizes its pool as half the logical cores (the rest stay with the page), 1 to 8; under 4 cores
  // that is one thread, and the single-threaded build runs instead (src/engine/wasm-setup.ts).
  const expected = Math.min(8, Math.max(1, Math.floor(cores / 2)));
  expect(Number(await threads.getAttribute('data-threads'))).toBe(expected);
  await expect(threads).toContainText(
    expected > 1 ? `WASM runs on ${expected} threads` : 'single-threaded build: tfjs uses half the cores',
  );
});

test('?backend=webgpu runs WebGPU and names the SwiftShader adapter', async ({ page }) => {
  await openApp(page, 'webgpu');
  await expect(page.getByTestId('backend-badge')).toHaveText('WebGPU');
  await expect(page.getByTestId('backend-reason')).toContainText('WebGPU was requested');
  await expect(page.getByTestId('adapter-info')).toContainText(/swiftshader/i);
  await expect(page.getByTestId('adapter-info')).toContainText('software fallback');
});

for (const [param, label] of [
  ['webgl', 'WebGL'],
  ['wasm', 'WASM'],
  ['cpu', 'CPU'],
] as const) {
  test(`?backend=${param} runs ${label}`, async ({ page }) => {
    await openApp(page, param);
    await expect(page.getByTestId('backend-badge')).toHaveText(label);
    await expect(page.getByTestId('backend-name')).toHaveAttribute('data-backend', param);
    await expect(page.getByTestId('backend-reason')).toContainText(`${label} was requested`);
    await expect(page.getByTestId('backend-picker')).toHaveValue(param);
  });
}

test('the picker switches backend live and updates the URL', async ({ page }) => {
  await openApp(page, 'cpu');
  await expect(page.getByTestId('backend-badge')).toHaveText('CPU');

  await page.getByTestId('backend-picker').selectOption('webgl');
  await expect(page.getByTestId('backend-badge')).toHaveText('WebGL', { timeout: 60_000 });
  expect(new URL(page.url()).searchParams.get('backend')).toBe('webgl');

  await page.getByTestId('backend-picker').selectOption('auto');
  await expect(page.getByTestId('backend-badge')).toHaveText('WASM', { timeout: 60_000 });
  expect(new URL(page.url()).searchParams.has('backend')).toBe(false);
});

test('an unknown ?backend= shows a dismissible notice and falls back to auto', async ({ page }) => {
  await openApp(page, 'tpu');
  const notice = page.getByTestId('param-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('tpu');
  await expect(page.getByTestId('backend-picker')).toHaveValue('auto');
  await expect(page.getByTestId('backend-badge')).toHaveText('WASM');
  expect(new URL(page.url()).searchParams.has('backend')).toBe(false);
  await page.getByTestId('dismiss-notice').click();
  await expect(notice).toBeHidden();
});
