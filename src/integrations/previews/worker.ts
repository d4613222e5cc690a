/**
 * A preview-image worker: draws the cards it is sent into the artefact cache, off the thread that
 * renders the pages, and answers with their keys. Run with Node's type stripping, like the scripts.
 */
import { parentPort } from 'node:worker_threads';
import type { Card } from '../../lib/previews.ts';
import { drawPng } from './render.ts';

parentPort?.on('message', (jobs: { key: string; card: Card }[]) => {
  const started = performance.now();
  for (const { key, card } of jobs) drawPng(card, key);
  parentPort?.postMessage({ keys: jobs.map((j) => j.key), ms: performance.now() - started });
});
