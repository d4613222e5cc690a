/**
 * The preview-image integration. It owns the worker pool (loaded by Node from astro.config.mjs, so
 * the worker is found next to this file) and shares it with the routes, which Astro bundles, through
 * `api.ts`. The catalogue hands every card to the pool as soon as it is loaded.
 */
import type { AstroIntegration } from 'astro';
import { PreviewPool } from './pool.ts';
import { POOL_KEY } from './api.ts';

export default function previewsIntegration(): AstroIntegration {
  let pool: PreviewPool | undefined;
  return {
    name: 'catalogue-previews',
    hooks: {
      'astro:config:setup': () => {
        pool = new PreviewPool();
        (globalThis as Record<symbol, unknown>)[POOL_KEY] = pool;
      },
      'astro:build:done': async () => {
        await pool?.close();
      },
    },
  };
}
