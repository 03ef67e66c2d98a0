// End-to-end tests in a real Chromium against the production build (`vite build && vite preview`), which is
// closer to what users get than the dev server (bundled worker, hashed WASM assets, relative base).
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4173);

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
    // Playwright's own browser, else a system one without the omnibox popup's renderers (e2e/chromium.mjs).
    launchOptions: chromiumLaunchOptions(),
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
