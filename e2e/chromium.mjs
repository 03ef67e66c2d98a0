// How the e2e tests and the benches start Chromium: one owner for which browser and which switches.
// The one CHROMIUM_PATH (or PLAYWRIGHT_CHROMIUM_PATH) names; else Playwright's own browser when it is
// installed; else a system one (`npx playwright install` cannot download here, so the Debian `chromium`
// package is the usual answer). A system browser is started through system-chromium.sh, which turns off
// the omnibox popup's WebUI (see chromiumLaunchOptions).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

/**
 * WebGPU needs --enable-unsafe-webgpu in headless Chromium (it then offers a SwiftShader adapter); QUIC
 * off avoids stray network errors. Never pass --user-data-dir: Playwright manages the profile and throws.
 */
const CHROMIUM_ARGS = ['--enable-unsafe-webgpu', '--disable-quic'];

/** Named by the environment: chosen even where Playwright's own browser is installed. */
const NAMED = () => [process.env.CHROMIUM_PATH, process.env.PLAYWRIGHT_CHROMIUM_PATH].filter(Boolean);
const USUAL = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * The system Chromium to use: one the environment names, else none when Playwright's own browser is
 * installed, else the first on the usual paths. Throws when there is none at all.
 */
function findSystemChromium() {
  const named = NAMED().find((p) => existsSync(p));
  if (named) return named;
  const own = chromium.executablePath();
  if (own && existsSync(own)) return undefined;
  const candidates = [...NAMED(), ...USUAL];
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  throw new Error(
    [
      'No Chromium found for the e2e tests and benches. Looked for:',
      `  Playwright's own browser: ${own}`,
      ...candidates.map((p) => `  ${p}`),
      'Install one of:',
      '  sudo apt-get install chromium          (Debian/Ubuntu system browser)',
      '  npx playwright install chromium        (Playwright-managed browser)',
      'or point CHROMIUM_PATH at a Chromium/Chrome binary.',
    ].join('\n'),
  );
}

/**
 * Launch options for Playwright. A system Chromium (Debian's 156 here) builds the omnibox popup as two
 * WebUI renderers for every new window, so for every new browser context: about a second of CPU each
 * time, on a 2-core machine, while the page under test loads (docs/PERFORMANCE.md, session 13). A
 * headless browser shows no omnibox, and Playwright's own headless shell has none, so the wrapper turns
 * them off; it merges the --disable-features lists, because Chromium honours only the last one.
 */
export function chromiumLaunchOptions(args = CHROMIUM_ARGS) {
  const system = findSystemChromium();
  if (!system) return { args };
  return {
    executablePath: fileURLToPath(new URL('./system-chromium.sh', import.meta.url)),
    env: { ...process.env, ANISOSCOPE_CHROMIUM: system },
    args,
  };
}
