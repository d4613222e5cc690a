/**
 * Playwright's global setup: serves each production build (made by tests/e2e/build.ts) with Astro's
 * preview server, never the dev server (the search index only exists in a build), on a port the
 * system picks, and tells the tests where through the environment.
 */
import { startPreview, type Preview } from '../../scripts/preview.ts';
import { BUILDS, urlVariable, type BuildName } from './builds.ts';

export default async function serveBuilds(): Promise<() => Promise<void>> {
  const servers: Preview[] = [];
  for (const name of Object.keys(BUILDS) as BuildName[]) {
    const { outDir, base } = BUILDS[name];
    const server = await startPreview(outDir, 0, base);
    servers.push(server);
    process.env[urlVariable(name)] = server.url;
  }
  return async () => {
    await Promise.all(servers.map((s) => s.stop()));
  };
}
