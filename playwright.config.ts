// End-to-end tests in a real Chromium against the production build (`vite build && vite preview`), which is
// closer to what users get than the dev server (bundled worker, hashed WASM assets, relative base).
import { existsSync } from 'node:fs';
import { chromium, defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);

/**
 * Playwright's own Chromium when it is installed; else one named by the environment; else a system one.
 * `npx playwright install` cannot download here, so the Debian `chromium` package is the usual answer.
 */
function findChromium(): string | undefined {
  const own = chromium.executablePath();
  if (own && existsSync(own)) return undefined; // Playwright's default: nothing to override.
  const candidates = [
    process.env.CHROMIUM_PATH,
    process.env.PLAYWRIGHT_CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  throw new Error(
    [
      'No Chromium found for the e2e tests. Looked for:',
      `  Playwright's own browser: ${own}`,
      ...candidates.map((p) => `  ${p}`),
      'Install one of:',
      '  sudo apt-get install chromium          (Debian/Ubuntu system browser)',
      '  npx playwright install chromium        (Playwright-managed browser)',
      'or point CHROMIUM_PATH at a Chromium/Chrome binary.',
    ].join('\n'),
  );
}

const executablePath = findChromium();

export default defineConfig({
  testDir: './e2e',
  // Two cores: one test at a time keeps SwiftShader's shader compiles from starving each other.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  timeout: 90_000,
  expect: { timeout: 30_000 },
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    // The app's reduced-motion path: the first screen waits at step 0 with "press ▶ Play to train"
    // instead of warming up by itself, so every spec starts from step 0 as before. The warm-up has
    // its own spec (first-screen.spec.ts), which asks for motion.
    reducedMotion: 'reduce',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      // WebGPU needs the flag in headless Chromium (it then offers a SwiftShader adapter); QUIC off avoids
      // stray network errors. Never pass --user-data-dir: Playwright manages the profile and throws.
      args: ['--enable-unsafe-webgpu', '--disable-quic'],
    },
  },
  webServer: {
    command: `npx vite build --logLevel warn && npx vite preview --strictPort --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    // Never reuse a server left running: it could be serving an older build.
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
