/** The production builds the browser tests run against, and where each one is served. */
export const BUILDS = {
  /** The catalogue at the site root, as `npm start` serves it. */
  root: { outDir: 'dist-e2e/root', base: '/' },
  /** The same catalogue under a sub-path. */
  sub: { outDir: 'dist-e2e/sub', base: '/catalogue/' },
  /** A catalogue of hostile entries (tests/fixtures/hostile-strings.ts), built with a canary secret set. */
  hostile: { outDir: 'dist-e2e/hostile', base: '/' },
  /** The accepted cases of the hostile corpus (tests/fixtures/hostile), ingested or copied as entries. */
  corpus: { outDir: 'dist-e2e/corpus', base: '/' },
} as const;

export type BuildName = keyof typeof BUILDS;

/**
 * The environment variable holding the URL a build is served at. The servers listen on ports the
 * system picks (tests/e2e/servers.ts), so two test runs on one machine never collide.
 */
export const urlVariable = (name: BuildName): string => `CATALOGUE_E2E_URL_${name.toUpperCase()}`;

export const HOSTILE_CONTENT = 'dist-e2e/hostile-content';
/** Where a build that ran with a canary secret in its environment records the secret. */
export const canaryFile = (name: BuildName): string => `dist-e2e/${name}-canary.txt`;
export const CORPUS_CONTENT = 'dist-e2e/corpus-content';
/** Which paper ids each accepted corpus case became, written by the corpus build. */
export const CORPUS_PAGES = 'dist-e2e/corpus-pages.json';
