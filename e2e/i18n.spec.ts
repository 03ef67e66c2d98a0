// The UI in Simplified Chinese: `?lang=zh` (or a Chinese browser) words the header controls, the run
// panels, the charts (drawn with d3), the heatmap tooltip and the shortcut sheet in Chinese; the picker
// switches back to English and writes `?lang=` without losing the other parameters. Console errors
// fail every test (fixtures.ts).
import type { Page } from '@playwright/test';
import { expect, sceneReady, test } from './fixtures';

async function open(page: Page, search: string): Promise<void> {
  await page.goto(`./${search}`);
  await expect(page.getByTestId('backend-badge')).not.toHaveAttribute('data-phase', 'starting', {
    timeout: 60_000,
  });
  await sceneReady(page);
}

test('?lang=zh words the header, run panels, charts, heatmap tooltip and shortcut sheet in Chinese', async ({
  page,
}) => {
  await open(page, '?lang=zh&backend=wasm');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByTestId('language-picker')).toHaveValue('zh');
  await expect(page.getByLabel('语言', { exact: true })).toHaveValue('zh');

  // Header controls.
  const header = page.locator('header.header');
  await expect(header).toContainText('逐参数观察自适应学习率');
  await expect(header).toContainText('场景');
  await expect(header).toContainText('后端');
  await expect(page.getByTestId('play-pause')).toHaveText(/播放/);
  await expect(page.getByTestId('step')).toHaveText(/单步/);
  await expect(page.getByTestId('reset')).toHaveText(/重置/);
  await expect(page.getByTestId('step-count')).toHaveText('第 0 步');
  await expect(page.getByTestId('scene-picker').locator('option[value="fig1-mnist"]')).toHaveText(
    /图 1 — MNIST/,
  );
  await expect(page.getByTestId('scene-caption')).toContainText('数量级');
  // The backend panel's reason is a typed code, worded by the string tables.
  await expect(page.getByTestId('backend-reason')).toHaveText('按要求使用 WASM。');

  // Run panels.
  const adam = page.getByTestId('run-adam');
  await expect(adam).toContainText('A-LR 范围');
  await expect(adam).toContainText('训练损失');
  await expect(adam).toContainText('测试准确率');
  await expect(adam).toContainText('编辑超参数');
  // One step, so the heatmaps have data and their legend shows.
  await page.getByTestId('step').click();
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '1', { timeout: 60_000 });
  await expect(adam.getByTestId('heatmap-legend')).toContainText('A-LR（对数刻度）');
  await expect(adam.getByTestId('heatmap-legend')).toContainText('尚无数据');

  // Charts drawn by d3: the curves' panel titles, the Figure 1 ceiling label and legends.
  await expect(page.getByTestId('training-curves').locator('.panel-loss .panel-title')).toHaveText(/^损失/);
  await expect(page.getByTestId('training-curves')).toContainText('训练');
  await expect(page.getByTestId('anisotropy-chart-adam').locator('.bound-label')).toHaveText(/^上限 1\/ε/);
  await expect(page.getByTestId('anisotropy-chart-adam')).toContainText('中位数');
  await expect(page.getByTestId('alr-histogram-adam')).toContainText('参数占比');
  await expect(page.getByTestId('softplus-inset')).toContainText('分母');

  // The heatmap tooltip of a tile pixel.
  const tiles = page.getByTestId('heatmap-adam-dense1/kernel');
  await expect(tiles).toHaveAttribute('aria-label', /dense1\/kernel.*方向键/);
  await tiles.scrollIntoViewIfNeeded();
  const box = await tiles.boundingBox();
  if (!box) throw new Error('no box for the tiles canvas');
  await page.mouse.move(box.x + 1.5, box.y + 1.5);
  const tooltip = page.getByTestId('heatmap-tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText(/单元 0，像素 \(\d+, \d+\)/);
  await expect(tooltip).toContainText('A-LR 随步数的变化');
  await page.mouse.move(0, 0);
  await expect(tooltip).toBeHidden();

  // The shortcut sheet.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  const sheet = page.getByTestId('shortcut-sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('键盘快捷键');
  await expect(sheet).toContainText('演示模式');
  await expect(sheet).toContainText('空格');
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
});

test.describe('a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('gets Chinese by default, and ?lang=en still wins', async ({ page }) => {
    await open(page, '?backend=wasm');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await expect(page.getByTestId('language-picker')).toHaveValue('zh');
    await expect(page.getByTestId('play-pause')).toHaveText(/播放/);

    await open(page, '?backend=wasm&lang=en');
    await expect(page.getByTestId('language-picker')).toHaveValue('en');
    await expect(page.getByTestId('play-pause')).toHaveText(/Play/);
  });
});

test('the picker switches back to English: the page and the URL follow', async ({ page }) => {
  await open(page, '?lang=zh&backend=wasm&scene=nope');
  await expect(page.getByTestId('play-pause')).toHaveText(/播放/);
  // A link's notices are typed codes, worded in the page's language (and again after a switch).
  const notice = page.getByTestId('url-notice');
  await expect(notice).toContainText('scene=“nope” 不是已知场景；改为显示“fig1-mnist”');
  const curvesTitle = page.getByTestId('training-curves').locator('.panel-loss .panel-title');
  await expect(curvesTitle).toHaveText(/^损失/);

  await page.getByTestId('language-picker').selectOption('en');
  await expect(page.getByTestId('play-pause')).toHaveText(/Play/);
  await expect(page.getByTestId('step-count')).toHaveText('step 0');
  await expect(page.getByTestId('run-adam')).toContainText('A-LR range');
  await expect(curvesTitle).toHaveText(/^loss/); // redrawn without a new snapshot
  await expect(page.getByTestId('anisotropy-chart-adam').locator('.bound-label')).toHaveText(/^ceiling/);
  await expect(page.getByTestId('scene-caption')).toContainText('orders of magnitude');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('backend-badge')).toHaveText('WASM');
  await expect(page.getByTestId('backend-reason')).toHaveText('WASM was requested.');
  await expect(notice).toContainText('scene=“nope” is not a scene we know; showing “fig1-mnist”');

  const url = new URL(page.url());
  expect(url.searchParams.get('lang')).toBe('en');
  expect(url.searchParams.get('backend')).toBe('wasm');

  // The choice survives a reload (it is in the URL).
  await open(page, url.search);
  await expect(page.getByTestId('play-pause')).toHaveText(/Play/);
});
