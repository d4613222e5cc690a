/**
 * Draws the catalogue's preview images on worker threads while the pages render. `start` queues
 * every card that is not cached as soon as the catalogue is known; `png` answers one card, whatever
 * the order Astro renders routes in: from the cache, from the worker drawing it, or, when no worker
 * has taken it yet, drawn on the spot (taken off the queue), so the page thread never waits idle.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Card } from '../../lib/previews.ts';
import { record } from '../timings.ts';
import { cachedPng, cardKey, drawPng, isCached } from './render.ts';

/** Cards per message: enough to keep a worker busy, few enough that the queue stays stealable. */
const BATCH = 20;
// Located from this file, not the working directory; it runs as source (Node strips the types).
const WORKER = new URL('./worker.ts', import.meta.url);

interface Job {
  key: string;
  card: Card;
}

export class PreviewPool {
  private readonly queue: Job[] = [];
  /** Keys a worker is drawing, and how to tell the routes waiting for them. */
  private readonly inFlight = new Map<string, { promise: Promise<void>; done: () => void }>();
  private readonly workers = new Set<Worker>();

  private readonly maxWorkers: number;

  constructor(maxWorkers = Math.max(1, Math.min(4, availableParallelism() - 1))) {
    this.maxWorkers = maxWorkers;
  }

  /** Queues every card that is not cached yet, and starts the workers. Returns at once. */
  start(cards: readonly Card[]): void {
    const queued = new Set(this.queue.map((j) => j.key));
    for (const card of cards) {
      const key = cardKey(card);
      if (!queued.has(key) && !this.inFlight.has(key) && !isCached(key)) {
        this.queue.push({ key, card });
        queued.add(key);
      }
    }
    const wanted = Math.min(this.maxWorkers, Math.ceil(this.queue.length / BATCH));
    for (let w = this.workers.size; w < wanted; w++) this.spawn();
  }

  /** The PNG of a card. */
  async png(card: Card): Promise<Uint8Array> {
    const key = cardKey(card);
    await this.inFlight.get(key)?.promise;
    const cached = cachedPng(key);
    if (cached) return cached;
    const at = this.queue.findIndex((j) => j.key === key);
    if (at >= 0) this.queue.splice(at, 1);
    const started = performance.now();
    const png = drawPng(card, key);
    record('preview images (page thread)', performance.now() - started);
    return png;
  }

  /** Stops the workers (after the build); cards still queued are drawn when asked for. */
  async close(): Promise<void> {
    await Promise.all([...this.workers].map((w) => w.terminate()));
    this.workers.clear();
    for (const { done } of this.inFlight.values()) done();
    this.inFlight.clear();
  }

  private spawn(): void {
    const worker = new Worker(WORKER);
    worker.unref();
    this.workers.add(worker);
    let current: string[] = [];
    const settle = (keys: readonly string[]): void => {
      for (const key of keys) {
        this.inFlight.get(key)?.done();
        this.inFlight.delete(key);
      }
    };
    const next = (): void => {
      // The end of the queue: the routes take cards from its start.
      const batch = this.queue.splice(Math.max(0, this.queue.length - BATCH), BATCH);
      if (batch.length === 0) {
        this.workers.delete(worker);
        void worker.terminate();
        return;
      }
      for (const { key } of batch) {
        let done = (): void => undefined;
        const promise = new Promise<void>((resolve) => (done = resolve));
        this.inFlight.set(key, { promise, done });
      }
      current = batch.map((j) => j.key);
      worker.postMessage(batch);
    };
    worker.on('message', ({ keys, ms }: { keys: string[]; ms: number }) => {
      record('preview images (worker)', ms, keys.length);
      settle(keys);
      next();
    });
    // A failed worker only means the routes draw its cards themselves.
    worker.on('error', () => {
      this.workers.delete(worker);
      settle(current);
      void worker.terminate();
    });
    next();
  }
}
