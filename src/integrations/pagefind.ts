/**
 * Builds the Pagefind search index from the finished site in `astro:build:done`, like Starlight.
 * The index goes to `dist/pagefind/` (never `public/`, where it would go stale and into git).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import * as pagefind from 'pagefind';
import { record, snapshot } from './timings.ts';

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'catalogue-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: fileURLToPath(dir) });
          const written = await index.writeFiles({ outputPath: fileURLToPath(new URL('./pagefind/', dir)) });
          const problems = [...added.errors, ...written.errors];
          if (problems.length > 0) throw new Error(`Pagefind failed: ${problems.join('; ')}`);
          const ms = performance.now() - started;
          record('pagefind', ms);
          logger.info(`indexed ${added.page_count} pages in ${Math.round(ms)} ms`);
          // The benchmark (scripts/bench.ts) asks for the build's own timings in this file.
          const out = process.env['CATALOGUE_TIMINGS'];
          if (out) writeFileSync(out, JSON.stringify(snapshot(), null, 2));
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
