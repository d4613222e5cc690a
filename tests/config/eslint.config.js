// ESLint for TypeScript and Astro files: typescript-eslint's recommended type-aware rules and the
// Astro plugin's recommended rules. Run from the repository root (npm run lint).
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'dist-*/**',
      '.astro/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.scratch/**',
      'public/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    // src/lib is pure TypeScript, unit-tested without a build: no file system, threads, native
    // modules or build machinery (those live in src/integrations), and no content collections
    // (queried once, in src/content.ts).
    files: ['src/lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'src/lib is pure: move code that needs Node built-ins to src/integrations/.' },
            {
              regex: '^(fs|path|os|child_process|worker_threads|crypto|zlib|url|module)(/|$)',
              message: 'src/lib is pure: move code that needs Node built-ins to src/integrations/.',
            },
            {
              regex: '^(@resvg/|fontkit|satteri|@astrojs/markdown-satteri|pagefind)',
              message: 'src/lib is pure: native modules and build tools belong in src/integrations/.',
            },
            { regex: '^astro:content$', message: 'Query the collections in src/content.ts only.' },
            { regex: '(^|/)(integrations|loaders|pages|components|layouts|client)/', message: 'src/lib depends on nothing outside it.' },
          ],
        },
      ],
    },
  },
);
