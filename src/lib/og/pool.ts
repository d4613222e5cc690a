/**
 * Renders preview images in a worker thread while the pages are being rendered. The card route
 * hands over every card when Astro collects the routes' paths, before any page is rendered. The
 * worker draws them from the end of the list while the route, when its turn comes, takes them
 * from the start, drawing any the worker has not reached; the two meet in the middle, so the
 * images cost at most half their time whatever the order Astro renders routes in.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { record } from '../timings.ts';
import type { Card } from './card.ts';

/** Cards per message: enough to keep a worker busy, few enough to stop near the middle. */
const BATCH = 20;
// Workers run the source directly (Node strips the types); the bundled build has no copy of it.
const WORKER = resolve(process.cwd(), 'src/lib/og/worker.ts');

/** Queues cards for rendering in workers, last first. Returns false when workers are unavailable. */
export function renderInBackground(jobs: { key: string; card: Card }[]): boolean {
  if (jobs.length === 0) return true;
  if (!existsSync(WORKER)) return false;
  const queue: { key: string; card: Card }[][] = [];
  for (let end = jobs.length; end > 0; end -= BATCH) queue.push(jobs.slice(Math.max(0, end - BATCH), end).reverse());
  const count = Math.max(1, Math.min(4, availableParallelism() - 1, queue.length));
  const started = performance.now();
  let running = count;
  for (let w = 0; w < count; w++) {
    const worker = new Worker(WORKER);
    worker.unref();
    const next = (): void => {
      const batch = queue.shift();
      if (batch) worker.postMessage(batch);
      else {
        void worker.terminate();
        if (--running === 0) record('preview images (worker wall)', performance.now() - started, 0);
      }
    };
    worker.on('message', ({ rendered, ms }: { rendered: number; ms: number }) => {
      record('preview images (rendered)', ms, rendered);
      record('preview images (worker)', ms, rendered);
      next();
    });
    // A failed worker only means the route draws the rest itself.
    worker.on('error', () => void worker.terminate());
    next();
  }
  return true;
}
