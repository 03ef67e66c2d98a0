// The browser the tests and benches run in (e2e/chromium.mjs) does no work of its own beside the page:
// a system Chromium built the omnibox popup as two WebUI renderers for every new window, about a second
// of CPU while the page under test loaded (docs/PERFORMANCE.md, session 13). If a Chromium update renames
// the features the wrapper turns off, this fails instead of the timings quietly getting worse.
import { expect, test } from './fixtures';

test('a new browser context opens no omnibox popup beside the page', async ({ browser, page }) => {
  await page.goto('./');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{}] });
    // The page itself is listed, so the query saw this context's targets.
    expect(targetInfos.map((t) => t.url)).toContainEqual(expect.stringContaining('127.0.0.1'));
    const browserUi = targetInfos.filter((t) => t.url.startsWith('chrome://')).map((t) => t.url);
    expect(browserUi, 'browser UI pages beside the page under test').toEqual([]);
  } finally {
    await cdp.detach();
  }
});
