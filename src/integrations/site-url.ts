/**
 * Warns, once a build, when the site is built for the placeholder address: its canonical URLs,
 * feeds, sitemap and link previews would all point at papers.example.org. A warning, not an error:
 * the tests and a first local build use the placeholder on purpose.
 */
import type { AstroIntegration } from 'astro';
import { PLACEHOLDER_URL } from '../site.config.ts';

export default function siteUrlCheck(url: string): AstroIntegration {
  return {
    name: 'catalogue-site-url',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (url !== PLACEHOLDER_URL) return;
        logger.warn(
          `SITE_URL is not set, so canonical URLs, feeds, the sitemap and link previews point at the placeholder ${PLACEHOLDER_URL}. ` +
            'Set SITE_URL (and BASE_PATH for a sub-path) to where the site is served, e.g. SITE_URL=https://owner.github.io BASE_PATH=/paper-catalogue npm run build (README, "Deploy").',
        );
      },
    },
  };
}
