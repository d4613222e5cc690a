/**
 * A preview-image worker: renders the cards it is sent into the artefact cache, off the thread
 * that renders the pages, skipping any the page thread has drawn already. Run with Node's type
 * stripping, like the scripts.
 */
import { existsSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { cachedFilePath, storeFile } from '../cache.ts';
import { renderCard, type Card } from './card.ts';

parentPort?.on('message', (jobs: { key: string; card: Card }[]) => {
  const started = performance.now();
  let rendered = 0;
  for (const { key, card } of jobs) {
    if (existsSync(cachedFilePath('og', key, 'png'))) continue;
    storeFile('og', key, 'png', renderCard(card));
    rendered += 1;
  }
  parentPort?.postMessage({ rendered, ms: performance.now() - started });
});
