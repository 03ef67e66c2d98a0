// The slide layout: `?embed=1` alone, in a 16:9 frame the size of a slide, shows both runs' main
// heatmaps, their Figure 1 charts and their max/min readouts without scrolling, with no text smaller
// than 14 CSS px at 960×540. Screenshots go to test-results/slide/ (and the report) to be looked at.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { trainAtLeast } from './trained';

const SIZES = [
  { width: 960, height: 540, minFont: 14 },
  { width: 1280, height: 720, minFont: 14 },
] as const;

const MUST_SHOW = [
  'heatmap-adam-dense1/kernel',
  'heatmap-sadam-dense1/kernel',
  'anisotropy-chart-adam',
  'anisotropy-chart-sadam',
  'orders-adam',
  'orders-sadam',
];

/** Every piece of text a reader sees, with its rendered size (CSS px, after any SVG scaling). */
function visibleTextSizes(page: Page) {
  return page.evaluate(() => {
    const out: { text: string; px: number; where: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const el = node.parentElement;
      if (!text || !el?.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue; // visually hidden (screen-reader only)
      let px = Number.parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGElement && el instanceof SVGGraphicsElement) px *= el.getScreenCTM()?.a ?? 1;
      out.push({
        text: text.slice(0, 40),
        px,
        where: `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`,
      });
    }
    return out;
  });
}

for (const size of SIZES) {
  test.describe(`slide ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('Figure 1 fits one screen: heatmaps, charts and readouts, large type', async ({ page }, info) => {
      await page.goto('./?embed=1');
      await expect(page.getByTestId('app')).toHaveAttribute('data-layout', 'slide');
      await trainAtLeast(page, 20);
      for (const id of MUST_SHOW) await expect(page.getByTestId(id)).toBeVisible();
      // Painted, not just laid out.
      await expect(page.getByTestId('heatmaps-adam')).toHaveAttribute('data-drawn-step', /[1-9]/);

      const shot = await page.screenshot({
        path: `test-results/slide/fig1-${size.width}x${size.height}.png`,
      });
      await info.attach(`slide-${size.width}x${size.height}`, { body: shot, contentType: 'image/png' });

      for (const id of MUST_SHOW) {
        const box = await page.getByTestId(id).boundingBox();
        expect(box, id).not.toBeNull();
        if (!box) continue;
        expect(box.x, `${id} left`).toBeGreaterThanOrEqual(0);
        expect(box.y, `${id} top`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `${id} right`).toBeLessThanOrEqual(size.width);
        expect(box.y + box.height, `${id} bottom`).toBeLessThanOrEqual(size.height);
      }
      const scroll = await page.evaluate(() => ({
        x: document.documentElement.scrollWidth - window.innerWidth,
        y: document.documentElement.scrollHeight - window.innerHeight,
      }));
      expect(scroll, 'the slide scrolls').toEqual({ x: 0, y: 0 });

      const sizes = await visibleTextSizes(page);
      expect(sizes.length).toBeGreaterThan(20); // axis labels, readouts, legend: the walk saw the page
      const small = sizes.filter((s) => s.px < size.minFont - 0.01);
      expect(small, `text under ${size.minFont} px`).toEqual([]);
    });
  });
}

test('the full layout on request, and parts brought back below the slide', async ({ page }) => {
  await page.setViewportSize({ width: 960, height: 540 });
  await page.goto('./?embed=1&layout=full');
  await expect(page.getByTestId('app')).toHaveAttribute('data-layout', 'full');
  await expect(page.getByTestId('alr-histogram-adam')).toBeVisible({ timeout: 60_000 });
  await page.goto('./?embed=1&show=numbers');
  await expect(page.getByTestId('app')).toHaveAttribute('data-layout', 'slide');
  await expect(page.getByTestId('loss-adam')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('alr-histogram-adam')).toHaveCount(0);
  await expect(page.getByTestId('training-curves')).toHaveCount(0);
  // A tall frame (portrait) keeps the flowing layout.
  await page.setViewportSize({ width: 540, height: 960 });
  await expect(page.getByTestId('app')).toHaveAttribute('data-layout', 'full');
  await expect(page.getByTestId('alr-histogram-adam')).toBeVisible();
});
