// @ts-check
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { defineConfig, fontProviders } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import tailwindcss from '@tailwindcss/vite';
import { SITE } from './src/site.config.ts';
import { BODY_FEATURES, mathAndLinks } from './src/integrations/markdown.ts';
import contentStore from './src/integrations/content-store.ts';
import pagefind from './src/integrations/pagefind.ts';
import previews from './src/integrations/previews/index.ts';
import siteUrlCheck from './src/integrations/site-url.ts';

const require = createRequire(import.meta.url);
const SUBSETS = ['latin', 'latin-ext', 'greek', 'cyrillic'];

/**
 * A @fontsource family as local font variants: one per subset, weight and style, each with the
 * unicode-range the package gives it, so a browser downloads only the subsets a page uses.
 * @param {string} family @param {number[]} weights @param {('normal' | 'italic')[]} styles
 */
function fontsource(family, weights, styles) {
  /** @type {Record<string, string>} */
  const ranges = require(`@fontsource/${family}/unicode.json`);
  const variants = SUBSETS.flatMap((subset) =>
    weights.flatMap((weight) =>
      styles.map((style) => ({
        src: /** @type {[URL]} */ ([
          pathToFileURL(require.resolve(`@fontsource/${family}/files/${family}-${subset}-${weight}-${style}.woff2`)),
        ]),
        weight,
        style,
        display: /** @type {const} */ ('swap'),
        unicodeRange: /** @type {[string, ...string[]]} */ ((ranges[subset] ?? '').split(',')),
      })),
    ),
  );
  return /** @type {[typeof variants[number], ...typeof variants]} */ (variants);
}

export default defineConfig({
  site: SITE.url,
  base: SITE.base,
  trailingSlash: 'always',
  markdown: {
    // Sätteri is Astro 7's default (Rust) processor for .md and .mdx; it runs no remark/rehype
    // plugins, so math and link attributes are a Sätteri hast plugin. Bodies are plain abstracts,
    // parsed with the features the papers' loader checks them with (BODY_FEATURES).
    processor: satteri({ features: BODY_FEATURES, hastPlugins: [mathAndLinks] }),
    syntaxHighlight: false,
  },
  // Separate caches let the test builds (other content, other base) run without clobbering each other.
  ...(process.env['CATALOGUE_CACHE_DIR'] ? { cacheDir: process.env['CATALOGUE_CACHE_DIR'] } : {}),
  integrations: [
    siteUrlCheck(SITE.url),
    contentStore(),
    // Only topic overviews are compiled as MDX (curated, with the site's components), so they get
    // their own processor: math and links as in paper bodies, without the guard that keeps paper
    // bodies free of components (paper bodies are rendered by src/loaders/plain-mdx.ts).
    mdx({ processor: satteri({ features: { math: true, gfm: false, smartPunctuation: false }, hastPlugins: [mathAndLinks] }) }),
    sitemap(),
    previews(),
    pagefind(),
  ],
  // Self-hosted fonts from the @fontsource packages in node_modules, never fetched from a CDN:
  // Inter for text, Source Serif 4 for titles and abstracts. Astro writes the @font-face rules,
  // preloads the Latin files and sizes a local fallback to each font's metrics, so text barely
  // moves when the font arrives; other scripts' files download only on pages that use them.
  fonts: [
    {
      provider: fontProviders.local(),
      name: 'Inter',
      cssVariable: '--font-text',
      fallbacks: ['sans-serif'],
      options: { variants: fontsource('inter', [400, 600], ['normal']) },
    },
    {
      provider: fontProviders.local(),
      name: 'Source Serif 4',
      cssVariable: '--font-title',
      fallbacks: ['serif'],
      options: { variants: fontsource('source-serif-4', [400, 600], ['normal', 'italic']) },
    },
  ],
  security: {
    // Astro adds a hash for every script and style it emits to this policy, as a <meta> tag.
    // Scripts are files ('self'); the only extra is 'wasm-unsafe-eval', which Pagefind's
    // WebAssembly needs. No 'unsafe-inline', no 'unsafe-eval'. Headers a meta tag cannot set
    // (frame-ancestors and others) are listed in the README for the host to add.
    csp: {
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
      directives: [
        "default-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  vite: {
    plugins: [tailwindcss()],
    // Keep scripts as files rather than inlining them, so the CSP can forbid inline scripts.
    build: {
      assetsInlineLimit: 0,
      rolldownOptions: {
        onwarn(warning, warn) {
          // Astro's MDX output (the topic overviews) carries a directive Rolldown warns about once
          // per file; harmless (withastro/astro#18087). Hide only that one so real warnings stay visible.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
