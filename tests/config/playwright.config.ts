import { defineConfig } from '@playwright/test';
import { launchOptions } from './browser.ts';
import { BUILDS, type BuildName } from '../e2e/builds.ts';

/**
 * Browser tests run against production builds (made by tests/e2e/build.ts) served by
 * `astro preview`, never the dev server: the search index only exists in a build.
 */
const ROOT = new URL('../..', import.meta.url).pathname;
const url = (name: BuildName): string => `http://localhost:${BUILDS[name].port}${BUILDS[name].base}`;

export default defineConfig({
  testDir: '../e2e',
  testMatch: '**/*.spec.ts',
  outputDir: `${ROOT}test-results`,
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: process.env['CI'] ? [['list']] : [['list']],
  use: { browserName: 'chromium', launchOptions: launchOptions(), trace: 'retain-on-failure' },
  projects: [
    {
      name: 'root',
      testIgnore: ['**/hostile.spec.ts', '**/subpath.spec.ts', '**/corpus.spec.ts', '**/rejects.spec.ts'],
      use: { baseURL: url('root') },
    },
    { name: 'sub', testMatch: '**/subpath.spec.ts', use: { baseURL: url('sub') } },
    { name: 'hostile', testMatch: '**/hostile.spec.ts', use: { baseURL: url('hostile') } },
    { name: 'corpus', testMatch: ['**/corpus.spec.ts', '**/rejects.spec.ts'], use: { baseURL: url('corpus') } },
  ],
  webServer: (Object.keys(BUILDS) as BuildName[]).map((name) => ({
    command: `npx astro preview --outDir ${BUILDS[name].outDir} --port ${BUILDS[name].port} --ignore-lock`,
    cwd: ROOT,
    env: { BASE_PATH: BUILDS[name].base },
    url: url(name),
    reuseExistingServer: false,
    timeout: 60_000,
  })),
});
