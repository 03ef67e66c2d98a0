// "Your own data": a CSV of x, y, label rows switches the 2-D classifier to those points; a
// malformed file gets a specific message and leaves the current experiment exactly as it was.
import type { Page } from '@playwright/test';
import { expect, openApp, sceneReady, stepOf, test, train } from './fixtures';

const csvFile = (name: string, content: string | Buffer, mimeType = 'text/csv') => ({
  name,
  mimeType,
  buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
});

/** 240 points, two well-separated blobs in file units far from the view (x 100…190, y −50…−5). */
function goodCsv(): string {
  const rows = ['label;x;y'];
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  for (let i = 0; i < 240; i++) {
    const blue = i % 2 === 1;
    const x = (blue ? 160 : 100) + random() * 30;
    const y = (blue ? -20 : -50) + random() * 15;
    // Semicolons with decimal commas, as a European spreadsheet exports them.
    rows.push(`${blue ? 'blue' : 'red'};${x.toFixed(2).replace('.', ',')};${y.toFixed(2).replace('.', ',')}`);
  }
  return `${rows.join('\r\n')}\r\n`;
}

function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

async function openDrawer(page: Page): Promise<void> {
  const drawer = page.getByTestId('experiment-drawer');
  if ((await drawer.getAttribute('open')) === null) await drawer.locator('summary').click();
  await expect(page.getByTestId('csv-input')).toBeAttached();
}

/** What must not change when a file is refused. */
async function experimentState(page: Page) {
  return {
    scene: await page.getByTestId('scene-picker').inputValue(),
    step: await stepOf(page),
    runCards: await page
      .locator('.run-card')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-testid'))),
    task: (await page.getByTestId('experiment-drawer').locator('summary').textContent())?.trim(),
    view: await page.getByTestId('task-view').getAttribute('data-kind'),
  };
}

test('a good CSV switches the task to the custom points, which then train', async ({ page }) => {
  await openApp(page);
  await sceneReady(page);
  await openDrawer(page);
  const input = page.getByTestId('csv-input');
  // The picker is a real, labelled file input (keyboard: Tab to it, Enter opens the dialog).
  await expect(page.getByLabel('Choose a CSV…')).toHaveAttribute('data-testid', 'csv-input');
  await expect(input).toBeEnabled();

  await input.setInputFiles(csvFile('blobs.csv', goodCsv()));
  await expect(page.getByTestId('csv-summary')).toContainText(
    "240 points, 2 classes ('red' = 0, 'blue' = 1)",
  );
  await expect(page.getByTestId('csv-error')).toHaveCount(0);
  await expect(page.getByTestId('experiment-drawer').locator('summary')).toContainText(
    'Custom points (240) · MLP 2-',
    { timeout: 30_000 },
  );
  const view = page.getByTestId('task-view');
  await expect(view).toHaveAttribute('data-kind', 'boundary', { timeout: 60_000 });
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '0');
  const runs = await page.locator('.run-card').count();
  await expect(view.locator('.boundary-plot canvas')).toHaveCount(runs);

  await train(page, 30);
  expect(await stepOf(page)).toBeGreaterThanOrEqual(30);
  await expect(view).toHaveAttribute('data-kind', 'boundary');
  await expect(view.locator('.boundary-plot figcaption').first()).toContainText('%');
});

test('malformed files say what is wrong and where, and leave the experiment untouched', async ({ page }) => {
  await openApp(page);
  await sceneReady(page);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '1');
  await openDrawer(page);
  const before = await experimentState(page);
  expect(before.step).toBe(1);

  const input = page.getByTestId('csv-input');
  const error = page.getByTestId('csv-error');
  const bad: [ReturnType<typeof csvFile>, string | RegExp][] = [
    [csvFile('two-columns.csv', '1,2\n3,4\n5,6\n'), 'expected 3 columns (x, y, label), line 1 has 2'],
    [
      csvFile('not-a-number.csv', 'x,y,label\n0,0,0\n1,1,1\n0,1,0\n1,0,1\n2,2,0\n2,abc,1\n'),
      "line 7, column 2: 'abc' is not a number",
    ],
    [csvFile('empty.csv', ''), 'the file is empty'],
    [csvFile('blank.csv', '\n\n  \n'), 'the file is empty'],
    [
      csvFile('binary.csv', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256))),
      'not UTF-8 text (it looks like a binary file)',
    ],
    [csvFile('unicode.csv', utf16le('x,y,label\n0,0,0\n1,1,1\n0,1,0\n1,0,1\n')), /UTF-16 \(little-endian\)/],
    [csvFile('one-class.csv', '0,0,a\n1,1,a\n2,2,a\n3,3,a\n'), /same label 'a'; at least 2 classes/],
    [csvFile('huge.csv', Buffer.alloc(3 * 1024 * 1024, 0x30)), 'too large: 3 MB (limit 2 MB)'],
  ];
  for (const [file, message] of bad) {
    await input.setInputFiles(file);
    await expect(error).toContainText(file.name);
    await expect(error).toContainText(message);
    await expect(error).toHaveAttribute('role', 'alert');
    await expect(page.getByTestId('csv-summary')).toHaveCount(0);
  }

  // Dropped on the zone rather than chosen: the same checks.
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['x,y\n1,2\n'], 'dropped.csv', { type: 'text/csv' }));
    return dt;
  });
  await page.getByTestId('csv-drop').dispatchEvent('drop', { dataTransfer });
  await expect(error).toContainText("dropped.csv: line 1: the header has no 'label' column");

  // Give a refused file every chance to have done something, then compare.
  await page.waitForTimeout(500);
  expect(await experimentState(page)).toEqual(before);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '2');
});
