/**
 * Which Chromium the browser tests use: $CHROMIUM_PATH, else Playwright's own browser when it is
 * installed, else the system's (Debian's /usr/bin/chromium). Fails with instructions otherwise.
 */
import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

// Flags for a closed network: without them Chromium keeps trying to reach Google's services.
const QUIET = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];

export function launchOptions(): LaunchOptions {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist.`);
    return { executablePath: fromEnv, args: QUIET };
  }
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {
    // Playwright throws when it has no browser registry entry; fall through to the system browser.
  }
  if (bundled && existsSync(bundled)) return { args: QUIET };
  const system = SYSTEM_CHROMIUMS.find((p) => existsSync(p));
  if (system) return { executablePath: system, args: QUIET };
  throw new Error(
    'No Chromium found for the browser tests. Install one of:\n' +
      "  - Playwright's own: npx playwright install chromium\n" +
      '  - Debian/Ubuntu: sudo apt-get install chromium\n' +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
  );
}
