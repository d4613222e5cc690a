// The browser tests use the same Chromium as the audit and the benchmarks.
export { launchOptions } from '../../scripts/chromium.ts';
