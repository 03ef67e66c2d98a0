// The main states on the screens the app is used on — a 1280×720 projector, a laptop, a tablet held
// upright (touch) and a phone — with no sideways scrolling, a working touch tooltip, and a screenshot
// of each state attached to the report (and written to test-results/screens/ to be looked at).
import { expect, openApp, sceneReady, test, train } from './fixtures';

const SCREENS = [
  { name: 'projector', width: 1280, height: 720, touch: false },
  { name: 'laptop', width: 1440, height: 900, touch: false },
  { name: 'tablet', width: 820, height: 1180, touch: true },
  { name: 'phone', width: 390, height: 844, touch: true },
] as const;

for (const screen of SCREENS) {
  test.describe(`${screen.name} ${screen.width}×${screen.height}`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height }, hasTouch: screen.touch });

    test('Figure 1 after training: both panels, no sideways scroll', async ({ page }, info) => {
      await openApp(page);
      await sceneReady(page);
      await train(page, 30);
      await expect(page.getByTestId('heatmaps-adam')).toBeVisible();
      await expect(page.getByTestId('heatmaps-sadam')).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'page wider than the screen').toBeLessThanOrEqual(0);
      const shot = await page.screenshot({
        fullPage: true,
        path: `test-results/screens/${screen.name}-fig1.png`,
      });
      await info.attach(`${screen.name}-fig1`, { body: shot, contentType: 'image/png' });
      if (screen.touch) {
        // A tap on a heatmap cell shows the same tooltip a mouse hover does.
        const tiles = page.getByTestId('heatmap-adam-dense1/kernel');
        await tiles.scrollIntoViewIfNeeded();
        const box = await tiles.boundingBox();
        if (!box) throw new Error('no tiles canvas');
        await page.touchscreen.tap(box.x + 2, box.y + 2);
        await expect(page.getByTestId('heatmap-tooltip')).toContainText('dense1/kernel');
      }
    });
  });
}

test('loss surface and 2-D race states', async ({ page }, info) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  for (const [scene, lastRun] of [
    ['rosenbrock', 'sgdm'],
    ['race-spirals', 'sgdm'],
    ['charlm-sonnets', 'sadam'],
  ] as const) {
    await page.getByTestId('scene-picker').selectOption(scene);
    await expect(page.getByTestId(`run-${lastRun}`)).toBeVisible({ timeout: 60_000 });
    await sceneReady(page);
    await train(page, 20);
    await expect(page.getByTestId('task-view')).toBeVisible();
    const shot = await page.screenshot({ fullPage: true, path: `test-results/screens/${scene}.png` });
    await info.attach(scene, { body: shot, contentType: 'image/png' });
  }
});
