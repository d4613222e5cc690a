import { defineConfig } from '@playwright/test';
import { launchOptions } from './browser.ts';

/**
 * Browser tests run against production builds (made by tests/e2e/build.ts) served by Astro's
 * preview server (tests/e2e/servers.ts), never the dev server: the search index only exists in a
 * build. Each project's base URL comes from the server of its build (tests/e2e/fixtures.ts).
 */
const ROOT = new URL('../..', import.meta.url).pathname;

export default defineConfig({
  testDir: '../e2e',
  testMatch: '**/*.spec.ts',
  outputDir: `${ROOT}test-results`,
  globalSetup: '../e2e/servers.ts',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  // Budgets for a shared machine: two suites started at once on two cores (a developer's and CI's)
  // each take about twice as long. Measured so: the axe check of the home page 34 s, the check that
  // no two pages share a title 38 s, the 143 Daily Papers pages 5.2 min, against 30 s and 5 min.
  // Tests that need more than this set their own budget, also sized for a shared machine.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env['CI'] ? [['list'], ['html', { open: 'never', outputFolder: `${ROOT}playwright-report` }]] : [['list']],
  use: { browserName: 'chromium', launchOptions: launchOptions(), trace: 'retain-on-failure' },
  projects: [
    { name: 'root', testIgnore: ['**/hostile.spec.ts', '**/subpath.spec.ts', '**/corpus.spec.ts', '**/rejects.spec.ts'] },
    { name: 'sub', testMatch: '**/subpath.spec.ts' },
    { name: 'hostile', testMatch: '**/hostile.spec.ts' },
    { name: 'corpus', testMatch: ['**/corpus.spec.ts', '**/rejects.spec.ts'] },
  ],
});
