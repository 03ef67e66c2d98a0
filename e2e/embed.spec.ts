// Embed mode inside a real iframe, driven by its parent page through the documented postMessage API
// (docs/embed.md): load a scene, play, pause, step, set a run's spec, and hear the state back.
import { expect, test } from './fixtures';

const HOST = `<!doctype html><html><body style="margin:0">
<iframe id="app" src="./?embed=1&hide=curves" style="width:900px;height:700px;border:0"></iframe>
<script>
  window.states = [];
  addEventListener('message', (e) => { if (e.data && e.data.source === 'anisoscope') window.states.push(e.data); });
  window.send = (m) => document.getElementById('app').contentWindow.postMessage(m, '*');
</script></body></html>`;

test('a parent page drives an embedded instance and hears its state', async ({ page }) => {
  await page.route('**/embed-host.html', (route) => route.fulfill({ contentType: 'text/html', body: HOST }));
  await page.goto('./embed-host.html');
  const app = page.frameLocator('#app');
  await expect(app.getByTestId('runs')).toHaveAttribute('data-step', '0', { timeout: 60_000 });
  // Only the visual panels and the slim bar: no header, no drawer, no curves (hidden by flag).
  await expect(app.getByTestId('play-pause')).toBeVisible();
  await expect(app.getByTestId('experiment-drawer')).toHaveCount(0);
  await expect(app.getByTestId('backend-picker')).toHaveCount(0);
  await expect(app.getByTestId('training-curves')).toHaveCount(0);
  await expect(app.getByTestId('heatmaps-adam')).toBeVisible();

  const send = (m: unknown) =>
    page.evaluate((msg) => (window as unknown as { send: (m: unknown) => void }).send(msg), m);
  const states = () =>
    page.evaluate(
      () =>
        (
          window as unknown as {
            states: {
              step: number;
              playing: boolean;
              scene: string;
              runs: { id: string; optimizer: string }[];
            }[];
          }
        ).states,
    );

  // Malformed and foreign messages are ignored.
  await send({ type: 'play' });
  await send({ source: 'anisoscope', type: 'explode' });
  await send('play');
  await page.waitForTimeout(500);
  await expect(app.getByTestId('runs')).toHaveAttribute('data-step', '0');

  await send({ source: 'anisoscope', type: 'load', scene: 'rosenbrock' });
  await expect(app.getByTestId('run-sgdm')).toBeVisible({ timeout: 60_000 });
  await send({ source: 'anisoscope', type: 'play' });
  await expect.poll(async () => (await states()).at(-1)?.step ?? 0, { timeout: 30_000 }).toBeGreaterThan(20);
  expect((await states()).at(-1)?.scene).toBe('rosenbrock');
  await send({ source: 'anisoscope', type: 'pause' });
  await expect(app.getByTestId('play-pause')).toHaveText(/Play/);
  await send({
    source: 'anisoscope',
    type: 'setSpec',
    runId: 'adam',
    spec: { name: 'sadam', softplusBeta: 5 },
  });
  await send({ source: 'anisoscope', type: 'step', count: 3 });
  await expect(app.getByTestId('run-adam')).toHaveAttribute('data-optimizer', 'sadam');
  await send({ source: 'anisoscope', type: 'getState' });
  await expect
    .poll(async () => (await states()).at(-1)?.runs.find((r) => r.id === 'adam')?.optimizer)
    .toBe('sadam');
  expect((await states()).at(-1)?.playing).toBe(false);
  await send({ source: 'anisoscope', type: 'reset' });
  await expect(app.getByTestId('runs')).toHaveAttribute('data-step', '0');
});

/** A parent page around the app at `src`, recording every message it hears. */
const hostFor = (src: string) =>
  HOST.replace('./?embed=1&amp;hide=curves', src).replace('./?embed=1&hide=curves', src);

test('origin= fails closed: a value that is not an origin is refused with a notice, and no parent is heard or told', async ({
  page,
}) => {
  for (const bad of ['slides.example.org', 'data:,x', 'https://slides.example.org/deck']) {
    const src = `./?embed=1&origin=${encodeURIComponent(bad)}`;
    await page.route('**/embed-host.html', (route) =>
      route.fulfill({ contentType: 'text/html', body: hostFor(src) }),
    );
    await page.goto('./embed-host.html');
    const app = page.frameLocator('#app');
    await expect(app.getByTestId('runs')).toHaveAttribute('data-step', '0', { timeout: 60_000 });
    await expect(app.getByTestId('origin-notice')).toContainText('origin=');
    await page.evaluate(() => {
      const w = window as unknown as { send: (m: unknown) => void };
      w.send({ source: 'anisoscope', type: 'step', count: 5 });
      w.send({ source: 'anisoscope', type: 'getState' });
    });
    await page.waitForTimeout(1500);
    await expect(app.getByTestId('runs')).toHaveAttribute('data-step', '0');
    expect(await page.evaluate(() => (window as unknown as { states: unknown[] }).states.length), bad).toBe(
      0,
    );
    await page.unroute('**/embed-host.html');
  }
});

test('a flood of step messages coalesces; pause stops it and the instance keeps answering', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // The parent's own origin, written as origin= asks: only it may drive the app.
  const origin = new URL(baseURL as string).origin;
  const src = `./?embed=1&backend=cpu&origin=${encodeURIComponent(origin)}`;
  await page.route('**/embed-host.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: hostFor(src) }),
  );
  await page.goto('./embed-host.html');
  const app = page.frameLocator('#app');
  await expect(app.getByTestId('runs')).toHaveAttribute('data-step', '0', { timeout: 60_000 });
  await page.evaluate(() =>
    (window as unknown as { send: (m: unknown) => void }).send({
      source: 'anisoscope',
      type: 'load',
      scene: 'race-moons',
    }),
  );
  await expect(app.getByTestId('run-sgdm')).toBeVisible({ timeout: 60_000 });
  await page.evaluate(() => {
    const w = window as unknown as { send: (m: unknown) => void };
    for (let i = 0; i < 300; i++) w.send({ source: 'anisoscope', type: 'step', count: 1000 });
  });
  const stepNow = async () => Number(await app.getByTestId('runs').getAttribute('data-step'));
  // Progress shows while the long command runs (it yields to the page between slices).
  await expect.poll(stepNow, { timeout: 60_000 }).toBeGreaterThan(0);
  await page.evaluate(() =>
    (window as unknown as { send: (m: unknown) => void }).send({ source: 'anisoscope', type: 'pause' }),
  );
  // Pause lands within a slice: the step count settles well short of 300 × 1000.
  let settled = -1;
  await expect
    .poll(
      async () => {
        const before = await stepNow();
        await page.waitForTimeout(700);
        const after = await stepNow();
        settled = after;
        return after === before;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  expect(settled).toBeLessThanOrEqual(2000);
  await page.evaluate(() =>
    (window as unknown as { send: (m: unknown) => void }).send({ source: 'anisoscope', type: 'getState' }),
  );
  await expect
    .poll(
      async () =>
        (await page.evaluate(() => (window as unknown as { states: { step: number }[] }).states)).at(-1)
          ?.step,
    )
    .toBe(settled);
});
