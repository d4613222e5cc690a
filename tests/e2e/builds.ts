/** The production builds the browser tests run against, and where each one is served. */
export const BUILDS = {
  /** The catalogue at the site root, as `npm start` serves it. */
  root: { outDir: 'dist-e2e/root', port: 4391, base: '/' },
  /** The same catalogue under a sub-path. */
  sub: { outDir: 'dist-e2e/sub', port: 4392, base: '/catalogue/' },
  /** A catalogue of hostile entries (tests/fixtures/hostile-strings.ts), built with a canary secret set. */
  hostile: { outDir: 'dist-e2e/hostile', port: 4393, base: '/' },
  /** The accepted cases of the hostile corpus (tests/fixtures/hostile), ingested or copied as entries. */
  corpus: { outDir: 'dist-e2e/corpus', port: 4394, base: '/' },
} as const;

export type BuildName = keyof typeof BUILDS;

export const HOSTILE_CONTENT = 'dist-e2e/hostile-content';
/** Where a build that ran with a canary secret in its environment records the secret. */
export const canaryFile = (name: BuildName): string => `dist-e2e/${name}-canary.txt`;
export const CORPUS_CONTENT = 'dist-e2e/corpus-content';
/** Which paper ids each accepted corpus case became, written by the corpus build. */
export const CORPUS_PAGES = 'dist-e2e/corpus-pages.json';
