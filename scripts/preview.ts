/**
 * Serves a build with Astro's preview server, for the browser tests and the scripts that measure a
 * build (audit, bench, bench:search). The server listens on a port the system picks unless one is
 * asked for, so two runs on one machine never collide, and it stops when the script ends, however
 * it ends.
 */
import { resolve } from 'node:path';
import { preview } from 'astro';

export interface Preview {
  /** The site's root URL, base path included, with a trailing slash. */
  url: string;
  stop: () => Promise<void>;
}

/** `BASE_PATH` as the build used it: one leading and one trailing slash. */
export const basePath = (): string => (process.env['BASE_PATH'] ?? '/').replace(/^\/*/u, '/').replace(/\/*$/u, '/');

/** Serves `dist` under `base`, on `port` (0: any free port). */
export async function startPreview(dist: string, port = 0, base = basePath()): Promise<Preview> {
  const server = await preview({
    root: resolve('.'),
    outDir: resolve(dist),
    base,
    server: { host: '127.0.0.1', port },
    logLevel: 'error',
  });
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopped ??= server.stop());
  process.once('exit', () => void stop());
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => void stop().finally(() => process.exit(code)));
  }
  return { url: `http://127.0.0.1:${server.port}${base}`, stop };
}
