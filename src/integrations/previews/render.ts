/**
 * Draws one preview card to PNG, through the artefact cache: a card is drawn once per content
 * hash, so an unchanged page costs no rendering on the next build.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Card } from '../../lib/previews.ts';
import { cachedFilePath, contentHash, storeFile } from '../cache.ts';
import { renderCard } from './card.ts';

/** Bump when the design changes, so cached images are redrawn. */
const DESIGN_VERSION = 3;

export const cardKey = (card: Card): string => contentHash({ card, v: DESIGN_VERSION });

export const isCached = (key: string): boolean => existsSync(cachedFilePath('og', key, 'png'));

/** The PNG of a card from the cache, or undefined. */
export function cachedPng(key: string): Uint8Array | undefined {
  try {
    return readFileSync(cachedFilePath('og', key, 'png'));
  } catch {
    return undefined;
  }
}

/** The PNG of a card: from the cache, or drawn now and stored. */
export function drawPng(card: Card, key = cardKey(card)): Uint8Array {
  const cached = cachedPng(key);
  if (cached) return cached;
  const png = renderCard(card);
  storeFile('og', key, 'png', png);
  return png;
}
