/**
 * What the routes use of the preview pool. The pool lives in the integration (not in the routes'
 * bundle, which would get a second copy of it), registered under a global symbol.
 */
import type { Card } from '../../lib/previews.ts';
import type { PreviewPool } from './pool.ts';

export const POOL_KEY = Symbol.for('paper-catalogue.previews');

function pool(): PreviewPool {
  const found = (globalThis as Record<symbol, unknown>)[POOL_KEY] as PreviewPool | undefined;
  if (!found) throw new Error('the previews integration is not registered: add previews() to the integrations in astro.config.mjs');
  return found;
}

/** Starts drawing every card that is not cached yet, in the background. */
export const startPreviews = (cards: readonly Card[]): void => pool().start(cards);

/** The PNG of one card. */
export const previewPng = (card: Card): Promise<Uint8Array> => pool().png(card);
