// Accessibility: axe-core on the page as it is used — the default page, the embedded copy, the tour and
// presentation mode — each after the engine is ready and some training has drawn the panels. No
// serious or critical violation may remain; on failure the violations are printed in full.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { trainAtLeast } from './trained';

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 8).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
  }));
  if (report.length) console.log(`axe on ${what}:\n${JSON.stringify(report, null, 2)}`);
  expect(report, `serious or critical axe violations on ${what}`).toEqual([]);
  // The scan looked at the page, not at an empty shell.
  expect(results.passes.length).toBeGreaterThan(10);
}

test('the default page', async ({ page }) => {
  await openApp(page);
  await trainAtLeast(page, 20);
  await expectNoSeriousViolations(page, 'the default page');
});

test('the embedded copy (slide layout, then the full layout)', async ({ page }) => {
  await page.setViewportSize({ width: 960, height: 540 });
  await page.goto('./?embed=1');
  await trainAtLeast(page, 20);
  await expectNoSeriousViolations(page, 'the slide layout');
  await page.goto('./?embed=1&layout=full');
  await trainAtLeast(page, 20);
  await expectNoSeriousViolations(page, 'the full embed layout');
});

test('the tour', async ({ page }) => {
  await page.goto('./?tour=1');
  await expect(page.getByTestId('tour')).toBeVisible({ timeout: 60_000 });
  await trainAtLeast(page, 20);
  await expectNoSeriousViolations(page, 'the tour');
});

test('presentation mode', async ({ page }) => {
  await openApp(page);
  await trainAtLeast(page, 20);
  await page.keyboard.press('p');
  await expect(page.getByTestId('app')).toHaveAttribute('data-present', 'true');
  await expectNoSeriousViolations(page, 'presentation mode');
});
