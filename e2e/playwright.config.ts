import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against the real thing: the production server bundle serving the built web
 * client at one origin, with the demo workspace (see support/globalSetup.ts), driven through
 * Debian's Chromium. Playwright's own browser downloads are never used.
 */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './specs',
  globalSetup: './support/globalSetup.ts',
  // Two cores: two workers, each its own browser. Specs never share a draft (each creates a
  // brand-new commitment), so they may run side by side; tests in one file run in order.
  workers: 2,
  fullyParallel: false,
  // A flaky realtime test hides a real race: it must be fixed, not retried.
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: './test-results',
  reporter: [
    ['list'],
    // scripts/test-all.mjs sets PLAYWRIGHT_JSON_OUTPUT_NAME and reads the stats from that file;
    // run by hand, the report goes to playwright-report/ rather than to the terminal.
    [
      'json',
      process.env.PLAYWRIGHT_JSON_OUTPUT_NAME
        ? {}
        : { outputFile: 'playwright-report/results.json' },
    ],
  ],
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
