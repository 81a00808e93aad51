import { defineConfig } from '@playwright/test';

/** Port of the test server: not the user's 4617, so tests never touch a user's IndexedDB. */
// YISHI_E2E_PORT lets a second checkout run its end-to-end specs at the same time.
const PORT = Number(process.env.YISHI_E2E_PORT ?? '') || 4618;
const chromium = process.env.YISHI_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests',
  // The power-cut specs are the longest (one to three minutes a test): queued first, so the
  // short end-to-end specs fill the other worker around them and both finish together.
  projects: [
    { name: 'fault', testMatch: 'fault/**/*.spec.ts' },
    { name: 'e2e', testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'] },
  ],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.tmp/playwright.json' }]],
  outputDir: '.tmp/test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    acceptDownloads: true,
    // A control that never appears fails its step with the locator named, not the whole test's timeout.
    actionTimeout: 30_000,
    // The app turns animations off for users who ask for reduced motion; tests do too.
    contextOptions: { reducedMotion: 'reduce' },
    launchOptions: {
      executablePath: chromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
