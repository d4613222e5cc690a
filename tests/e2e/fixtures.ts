/**
 * The test object every browser test uses. Its base URL is the server of the project's build
 * (started on a free port by tests/e2e/servers.ts), and it fails any test during which the page
 * reported a Content Security Policy violation (a `securitypolicyviolation` event, or a CSP
 * console error from a page or its workers).
 */
import { test as base, expect } from '@playwright/test';
import { BUILDS, urlVariable, type BuildName } from './builds.ts';

/** The URL the named build is served at in this test run. */
export function buildUrl(name: BuildName): string {
  const url = process.env[urlVariable(name)];
  if (!url) throw new Error(`${urlVariable(name)} is not set: run the browser tests with npm run test:e2e`);
  return url;
}

export const test = base.extend<{ cspGuard: void }>({
  // Playwright's fixture syntax: a fixture that depends on no other still takes an object pattern.
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use, testInfo) => {
    const name = testInfo.project.name;
    await use(name in BUILDS ? buildUrl(name as BuildName) : undefined);
  },
  cspGuard: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.exposeBinding('__reportCspViolation', (_source, report: string) => void violations.push(report));
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const report = (window as unknown as { __reportCspViolation: (r: string) => void }).__reportCspViolation;
          report(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
        });
      });
      context.on('console', (msg) => {
        if (/Content Security Policy/iu.test(msg.text())) violations.push(msg.text());
      });
      await use();
      expect(violations, 'Content Security Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { Page } from '@playwright/test';
