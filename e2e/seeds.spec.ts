// Several seeds in the live app (issue #15): a 3-seed link trains every run on three seeds, the loss,
// accuracy and Figure-1 charts draw bands around the means, the live Table-1 card fills in, and the seed
// picker switches what the heatmaps and readouts show; axe finds nothing serious on that page.
import AxeBuilder from '@axe-core/playwright';
import { expect, sceneReady, test, train } from './fixtures';

test('a 3-seed link draws bands, fills the seed table, and the seed picker switches the heatmaps', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('./?scene=race-moons&seeds=3&backend=wasm');
  await sceneReady(page);
  const picker = page.getByTestId('seed-picker');
  await expect(picker.locator('option')).toHaveText(['seed 1', 'seed 2', 'seed 3']);
  await train(page, 20);

  // Bands: one per run under each mean curve, drawn (a non-empty path), and the legend says what they are.
  const curves = page.getByTestId('training-curves');
  await expect(curves.locator('svg')).not.toHaveAttribute('data-bands', '0');
  const band = curves.locator('path.curve-band').first();
  await expect(band).toHaveAttribute('d', /^M/);
  await expect(page.getByTestId('curves-seed-band')).toHaveText(/mean of 3 seeds; band: min–max/);
  await expect(page.locator('.anisotropy-chart path.alr-seed-band').first()).toHaveAttribute('d', /^M/);

  // The live table: one row per optimizer, 3 seeds each, and a verdict sentence.
  const table = page.getByTestId('seed-table');
  await expect(table).toContainText('Final numbers over 3 seeds');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(table.locator('tbody tr').first().locator('td').last()).toHaveText('3');
  await expect(page.getByTestId('seed-table-verdict')).not.toHaveAttribute('data-verdict', 'tooFew');

  // The picker: seed 2's runs start from other weights, so the readout changes; the link keeps seeds=3.
  const firstRun = page.locator('[data-testid^="loss-"]').first();
  const seed1Loss = await firstRun.textContent();
  await picker.selectOption('1');
  await expect(picker).toHaveValue('1');
  await expect(firstRun).not.toHaveText(seed1Loss ?? '');
  expect(new URL(page.url()).searchParams.get('seeds')).toBe('3');

  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
