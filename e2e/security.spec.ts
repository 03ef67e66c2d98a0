// The built site's Content-Security-Policy is really enforced: strings are never evaluated as code and
// nothing is fetched from another origin. (Every other spec fails on any CSP violation through the
// console guard in fixtures.ts; this one provokes violations on purpose, so it counts them itself.)
import { expect, test } from '@playwright/test';

test('the policy blocks eval and remote requests, and allows the app itself', async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation: (v: string) => void }).reportViolation(e.violatedDirective),
    );
  });
  await page.goto('./');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).not.toContain("'unsafe-eval'");
  expect(policy).not.toMatch(/https?:\/\//);

  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '0', { timeout: 60_000 });
  expect(violations, 'the app itself needs nothing the policy forbids').toEqual([]);

  // DevTools' own evaluate is exempt from CSP, so provoke the page into compiling strings itself:
  // an injected inline script and a string timer must both be refused.
  const ran = await page.evaluate(async () => {
    const w = window as unknown as { inlineRan?: boolean; timerRan?: boolean };
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.head.append(script);
    // biome-ignore lint/suspicious/noExplicitAny: a string handler is exactly what must be refused
    (window.setTimeout as any)('window.timerRan = true', 0);
    await new Promise((r) => setTimeout(r, 100));
    return { inline: w.inlineRan === true, timer: w.timerRan === true };
  });
  expect(ran).toEqual({ inline: false, timer: false });
  const remote = await page.evaluate(() =>
    fetch('https://example.org/track').then(
      () => 'fetched',
      () => 'blocked',
    ),
  );
  expect(remote).toBe('blocked');
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
  expect(violations).toEqual(expect.arrayContaining(['script-src', 'connect-src']));
});
