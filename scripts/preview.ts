/**
 * Serves a build with `astro preview` for the scripts that measure it (audit, bench, bench:search).
 * It refuses a port that something already answers on, rather than measuring whatever listens
 * there, and it stops the server when the script ends, however it ends.
 */
import { spawn } from 'node:child_process';

export interface Preview {
  /** The site's root URL, base path included, with a trailing slash. */
  url: string;
  stop: () => void;
}

/** `BASE_PATH` as the build used it: one leading and one trailing slash. */
export const basePath = (): string => (process.env['BASE_PATH'] ?? '/').replace(/^\/*/u, '/').replace(/\/*$/u, '/');

const answers = async (url: string): Promise<Response | undefined> => {
  try {
    return await fetch(url);
  } catch {
    return undefined;
  }
};

export async function startPreview(dist: string, port: number, base = basePath()): Promise<Preview> {
  const origin = `http://localhost:${port}`;
  if (await answers(`${origin}/`)) {
    throw new Error(`something already answers on port ${port} (a preview server left running?): stop it, or pass another --port`);
  }
  // Astro's own entry point, not npx: killing an npx wrapper leaves its server running.
  const child = spawn(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'preview', '--outDir', dist, '--port', String(port), '--ignore-lock'],
    {
      stdio: 'ignore',
    },
  );
  const stop = (): void => {
    child.kill();
  };
  process.once('exit', stop);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => process.exit(code));
  }
  const url = `${origin}${base}`;
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`astro preview exited with code ${child.exitCode} before serving ${dist}`);
    if ((await answers(url))?.ok) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  stop();
  throw new Error(`the preview server did not answer at ${url} within 30 s`);
}
