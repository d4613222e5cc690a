/**
 * Serves a build with Astro's preview server, for the browser tests and the scripts that measure a
 * build (audit, bench, bench:search). The server listens on a port the system picks unless one is
 * asked for, so two runs on one machine never collide, and it stops when the script ends, however
 * it ends.
 */
import { Server } from 'node:http';
import { resolve } from 'node:path';
import { preview } from 'astro';

export interface Preview {
  /** The site's root URL, base path included, with a trailing slash. */
  url: string;
  stop: () => Promise<void>;
}

/** `BASE_PATH` as the build used it: one leading and one trailing slash. */
export const basePath = (): string => (process.env['BASE_PATH'] ?? '/').replace(/^\/*/u, '/').replace(/\/*$/u, '/');

/**
 * Node closes a connection after 5 idle seconds, while Playwright's request client keeps idle
 * connections without limit: a test whose request came 5 s after its last one on the same connection
 * (a slow page load between them, on a loaded machine) could write into a connection the server had
 * just closed and fail with ECONNRESET. Idle connections here stay open longer than any test lasts
 * (its timeout is 60 s); `stop` still closes them.
 */
const IDLE_CONNECTION_MS = 10 * 60_000;

function keepIdleConnections(server: object): void {
  // Astro's preview returns its Node server as `server`, outside its published type.
  const http = 'server' in server ? server.server : undefined;
  if (!(http instanceof Server))
    throw new Error(
      'Astro’s preview server no longer exposes its Node server as `server`: scripts/preview.ts must find another way to set keepAliveTimeout.',
    );
  http.keepAliveTimeout = IDLE_CONNECTION_MS;
}

/** Serves `dist` under `base`, on `port` (0: any free port). */
export async function startPreview(dist: string, port = 0, base = basePath()): Promise<Preview> {
  const server = await preview({
    root: resolve('.'),
    outDir: resolve(dist),
    base,
    server: { host: '127.0.0.1', port },
    logLevel: 'error',
  });
  keepIdleConnections(server);
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
