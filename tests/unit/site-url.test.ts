import type { AstroIntegrationLogger } from 'astro';
import { describe, expect, it } from 'vitest';
import siteUrlCheck from '../../src/integrations/site-url.ts';

/** The warnings the integration gives at the start of a build for `url`. */
function warningsFor(url: string): string[] {
  const warnings: string[] = [];
  const logger = { warn: (message: string) => warnings.push(message) } as unknown as AstroIntegrationLogger;
  const hook = siteUrlCheck(url).hooks['astro:build:start'] as unknown as (options: { logger: AstroIntegrationLogger }) => void;
  hook({ logger });
  return warnings;
}

describe('a build for the placeholder address', () => {
  it('warns once, naming SITE_URL and how to set it', () => {
    const warnings = warningsFor('https://papers.example.org');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('SITE_URL is not set, so canonical URLs, feeds, the sitemap and link previews point at the placeholder');
    expect(warnings[0]).toContain('SITE_URL=https://owner.github.io BASE_PATH=/paper-catalogue npm run build');
  });

  it('says nothing when SITE_URL names the real address', () => {
    expect(warningsFor('https://someone.github.io')).toEqual([]);
  });
});
