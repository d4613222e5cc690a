/**
 * Which Chromium the browser tests, the audit and the benchmarks use: $CHROMIUM_PATH, else
 * Playwright's own browser when it is installed, else the system's (Debian's /usr/bin/chromium).
 * Fails with instructions otherwise.
 */
import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Flags for a closed network: without them Chromium keeps trying to reach Google's services. */
export const QUIET_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];

/** The Chromium executable to use, or undefined for Playwright's own. */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {
    // Playwright throws when it has no browser registry entry; fall through to the system browser.
  }
  if (bundled && existsSync(bundled)) return undefined;
  const system = SYSTEM_CHROMIUMS.find((p) => existsSync(p));
  if (system) return system;
  throw new Error(
    'No Chromium found. Install one of:\n' +
      "  - Playwright's own: npx playwright install chromium\n" +
      '  - Debian/Ubuntu: sudo apt-get install chromium\n' +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
  );
}

/** Launch options for Playwright. */
export function launchOptions(): LaunchOptions {
  const path = chromiumPath();
  return path ? { executablePath: path, args: QUIET_FLAGS } : { args: QUIET_FLAGS };
}

/** An executable path for tools that launch Chromium themselves (Lighthouse). */
export function chromiumExecutable(): string {
  return chromiumPath() ?? chromium.executablePath();
}
