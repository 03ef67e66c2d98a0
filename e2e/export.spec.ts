// The export menu: after 20 steps of the default scene every export downloads a valid file — PNGs that
// decode, SVGs that parse with paths, a CSV with one row per history point per run and numeric columns,
// and JSON that passes the schema check.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import {
  parseCsv,
  validateMetricsCsv,
  validateMetricsDocument,
} from '../src/ui/export/testing/metrics-checks';
import { expect, openApp, sceneReady, test, train } from './fixtures';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Opens the menu, clicks one item and returns the downloaded file's name and bytes. */
async function exportFile(page: Page, kind: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId('export-menu').click();
  const item = page.getByTestId(`export-${kind}`);
  await expect(item).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), item.click()]);
  const path = await download.path();
  expect(path, `download of ${kind}`).toBeTruthy();
  return { name: download.suggestedFilename(), bytes: await readFile(path as string) };
}

/** Checks the PNG signature and IHDR in Node, then decodes it in the page. */
async function expectPng(page: Page, bytes: Buffer): Promise<{ width: number; height: number }> {
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect(width).toBeGreaterThan(0);
  expect(height).toBeGreaterThan(0);
  const decoded = await page.evaluate(
    async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return { width: img.naturalWidth, height: img.naturalHeight };
    },
    `data:image/png;base64,${bytes.toString('base64')}`,
  );
  expect(decoded).toEqual({ width, height });
  return decoded;
}

/** Parses the SVG in the page: no parser error, an <svg> root with at least one <path>. */
async function expectSvg(page: Page, text: string): Promise<number> {
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      root: doc.documentElement.localName,
      ns: doc.documentElement.namespaceURI,
      paths: doc.getElementsByTagName('path').length,
    };
  }, text);
  expect(parsed.error).toBe(false);
  expect(parsed.root).toBe('svg');
  expect(parsed.ns).toBe('http://www.w3.org/2000/svg');
  expect(parsed.paths).toBeGreaterThan(0);
  return parsed.paths;
}

test('every export downloads a valid file after 20 steps', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await sceneReady(page);
  await train(page, 20);
  const step = Number(await page.getByTestId('runs').getAttribute('data-step'));
  const runIds = await page
    .locator('article[data-testid^="run-"]')
    .evaluateAll((els) => els.map((el) => (el.getAttribute('data-testid') as string).slice('run-'.length)));
  expect(runIds.length).toBeGreaterThanOrEqual(2);
  // History points per run: what the Figure-1 chart draws (it marks its SVG with the count). A chart
  // draws in an animation frame, which a busy GPU process can hold back: wait until each chart has drawn
  // the step on screen, then read its count.
  const points: Record<string, number> = {};
  for (const id of runIds) {
    const chart = page.getByTestId(`anisotropy-chart-${id}`).locator('svg');
    await expect(chart).toHaveAttribute('data-last-step', String(step), { timeout: 30_000 });
    points[id] = Number(await chart.getAttribute('data-points'));
  }
  for (const id of runIds) expect(points[id]).toBeGreaterThan(1);

  // Data: CSV with a header and one row per history point per run; numeric columns numeric.
  const csv = await exportFile(page, 'csv');
  expect(csv.name).toMatch(new RegExp(`^anisoscope-[a-z0-9-]+-${step}\\.csv$`));
  const csvText = csv.bytes.toString('utf8');
  expect(validateMetricsCsv(csvText, points)).toEqual([]);
  const records = parseCsv(csvText);
  expect(records.length).toBe(1 + Object.values(points).reduce((a, b) => a + b, 0));
  const header = records[0] as string[];
  const lastRow = records.at(-1) as string[];
  for (const col of ['step', 'train_loss', 'alr_min', 'alr_p50', 'alr_max']) {
    expect(Number.isFinite(Number(lastRow[header.indexOf(col)])), `${col} of the last row`).toBe(true);
  }

  // JSON: schema, experiment, runs with specs and their points.
  const json = await exportFile(page, 'json');
  expect(json.name).toMatch(new RegExp(`^anisoscope-[a-z0-9-]+-${step}\\.json$`));
  const doc = JSON.parse(json.bytes.toString('utf8'));
  expect(validateMetricsDocument(doc)).toEqual([]);
  expect(doc.schema).toBe('anisoscope-metrics/1');
  expect(doc.experiment).toBeTruthy();
  expect(doc.runs.map((r: { runId: string }) => r.runId)).toEqual(runIds);
  for (const run of doc.runs as { runId: string; spec: { name: string }; points: unknown[] }[]) {
    expect(run.spec.name).toBeTruthy();
    expect(run.points.length).toBe(points[run.runId]);
  }

  // Images of the page: the whole view and each run panel.
  const view = await exportFile(page, 'png-view');
  expect(view.name).toMatch(/-view\.png$/);
  const viewSize = await expectPng(page, view.bytes);
  for (const id of runIds) {
    const png = await exportFile(page, `png-${id}`);
    expect(png.name).toMatch(new RegExp(`-${id}\\.png$`));
    const size = await expectPng(page, png.bytes);
    expect(size.width).toBeLessThanOrEqual(viewSize.width);
  }

  // Each run's Figure-1 chart as SVG (with its CSS inlined).
  for (const id of runIds) {
    const svg = await exportFile(page, `svg-${id}`);
    expect(svg.name).toMatch(/\.svg$/);
    const text = svg.bytes.toString('utf8');
    await expectSvg(page, text);
    expect(text).toMatch(/style="[^"]*stroke-dasharray/);
  }

  // Figure 1 in the paper's style: one panel per run.
  const figSvg = await exportFile(page, 'figure1-svg');
  expect(figSvg.name).toMatch(/-figure1\.svg$/);
  const figText = figSvg.bytes.toString('utf8');
  expect(await expectSvg(page, figText)).toBeGreaterThanOrEqual(4 * runIds.length);
  expect(figText).toContain('A-LR (log)');
  const figPng = await exportFile(page, 'figure1-png');
  expect(figPng.name).toMatch(/-figure1\.png$/);
  const figSize = await expectPng(page, figPng.bytes);
  expect(figSize.width).toBeGreaterThan(figSize.height);

  await expect(page.getByTestId('export-status')).not.toContainText('failed');
});

test('the export menu works from the keyboard', async ({ page }) => {
  await openApp(page);
  await sceneReady(page);
  const button = page.getByTestId('export-menu');
  await button.focus();
  await page.keyboard.press('ArrowDown');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('menuitem').last()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(button).toBeFocused();
  await expect(page.getByRole('menu')).toHaveCount(0);
});

test('exports are inert: a formula label is neutralised in the CSV, and SVG/PNG carry no script', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const formula = '=HYPERLINK("evil")';
  const tag = '<script>alert(1)</script>';
  const run = (id: string, label: string) => `run=${id}:adam,label=${encodeURIComponent(label)}`;
  await page.goto(`./?${run('a', formula)}&${run('b', tag)}`);
  await sceneReady(page);
  await train(page, 5);

  // The CSV as text: the label's cell starts with a quote inside quotes, no cell starts with "=".
  const csvText = (await exportFile(page, 'csv')).bytes.toString('utf8');
  expect(csvText).toContain(`,"'=HYPERLINK(""evil"")",`);
  for (const line of csvText.split('\r\n')) {
    expect(
      line.split(',').some((cell) => /^[=+@\t\r]/.test(cell)),
      line,
    ).toBe(false);
  }
  expect(validateMetricsCsv(csvText)).toEqual([]);

  // SVG: the label is escaped text; no script element, no event handler, no foreign HTML.
  for (const kind of ['svg-b', 'figure1-svg']) {
    const text = (await exportFile(page, kind)).bytes.toString('utf8');
    expect(text).not.toMatch(/<script|<foreignObject|\son[a-z]+=|javascript:/i);
    const active = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      const handlers = Array.from(doc.querySelectorAll('*')).flatMap((el) =>
        Array.from(el.attributes).filter((a) => a.name.startsWith('on')),
      );
      return doc.querySelectorAll('script, foreignObject').length + handlers.length;
    }, text);
    expect(active, kind).toBe(0);
  }
  // PNG: pixels only — a valid image, and the label's text appears nowhere in its bytes.
  const png = (await exportFile(page, 'figure1-png')).bytes;
  await expectPng(page, png);
  expect(png.toString('latin1')).not.toContain('<script');
});
