// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import tailwindcss from '@tailwindcss/vite';
import { SITE } from './src/site.config.ts';
import { BODY_FEATURES, mathAndLinks } from './src/integrations/markdown.ts';
import pagefind from './src/integrations/pagefind.ts';
import previews from './src/integrations/previews/index.ts';
import siteUrlCheck from './src/integrations/site-url.ts';

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
    // Only topic overviews are compiled as MDX (curated, with the site's components), so they get
    // their own processor: math and links as in paper bodies, without the guard that keeps paper
    // bodies free of components (paper bodies are rendered by src/loaders/plain-mdx.ts).
    mdx({ processor: satteri({ features: { math: true, gfm: false, smartPunctuation: false }, hastPlugins: [mathAndLinks] }) }),
    sitemap(),
    previews(),
    pagefind(),
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
