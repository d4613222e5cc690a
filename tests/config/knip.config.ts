/**
 * Knip finds unused files, exports and dependencies (run by `npm run lint`). Its Astro plugin
 * knows the pages, the content config and astro.config.mjs; the entry points listed here are the
 * ones it cannot know: the Node CLIs and the tests.
 */
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  entry: ['scripts/*.ts', 'scripts/words/*.ts', 'tests/**/*.{ts,mjs,js}'],
  project: ['src/**/*.{ts,astro,css,mdx}', 'scripts/**/*.ts', 'tests/**/*.{ts,mjs,js}'],
  // Loaded by file path, not imported: the fonts of the pages (astro.config.mjs) and of the
  // preview images (src/integrations/previews/text.ts).
  ignoreDependencies: ['@fontsource/inter', '@fontsource/source-serif-4'],
};

export default config;
