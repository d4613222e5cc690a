/** The production builds the browser tests run against, and where each one is served. */
export const BUILDS = {
  /** The catalogue at the site root, as `npm start` serves it. */
  root: { outDir: 'dist-e2e/root', port: 4391, base: '/' },
  /** The same catalogue under a sub-path. */
  sub: { outDir: 'dist-e2e/sub', port: 4392, base: '/catalogue/' },
  /** A catalogue of hostile entries (tests/fixtures/hostile-strings.ts), built with a canary secret set. */
  hostile: { outDir: 'dist-e2e/hostile', port: 4393, base: '/' },
} as const;

export type BuildName = keyof typeof BUILDS;

export const HOSTILE_CONTENT = 'dist-e2e/hostile-content';
export const CANARY_FILE = 'dist-e2e/hostile-canary.txt';
