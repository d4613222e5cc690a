/**
 * Build timings for the benchmark: how long the catalogue's own work takes (related papers,
 * preview images). Kept on globalThis so the pages (bundled) and the integrations (not bundled)
 * share one record within a build; written out only when the benchmark asks for it.
 */
type Timings = Record<string, { ms: number; count: number }>;

const store = ((globalThis as { __catalogueTimings?: Timings }).__catalogueTimings ??= {});

/** Adds a duration (covering `count` items) to a named timing. */
export function record(name: string, ms: number, count = 1): void {
  const entry = (store[name] ??= { ms: 0, count: 0 });
  entry.ms += ms;
  entry.count += count;
}

/** Runs `fn`, recording how long it took (until its promise settles, if it returns one). */
export function timed<T>(name: string, fn: () => T): T {
  const start = performance.now();
  const result = fn();
  if (result instanceof Promise) return result.finally(() => record(name, performance.now() - start)) as T;
  record(name, performance.now() - start);
  return result;
}

export function snapshot(): Timings {
  return structuredClone(store);
}
