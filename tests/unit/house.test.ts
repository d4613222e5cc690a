/**
 * The architecture the README's Layout describes, checked on the source tree: src/lib is pure
 * TypeScript, every route with parameters is computed in src/routing.ts, and pages are thin.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const files = (dir: string): string[] =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => /\.(?:ts|astro)$/u.test(f));
const imports = (source: string): string[] =>
  [...source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gmu)].map(
    (m) => m[1] ?? m[2] ?? '',
  );

const pages = files('src/pages').filter((f) => !f.includes('_components'));

describe('the house', () => {
  it('keeps src/lib pure: no Node built-in, worker, native module or build machinery', () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const machinery = /^(?:astro:content|@resvg\/|fontkit|pagefind|\.\.\/integrations\/|\.\.\/content)/u;
    const offending = files('src/lib').flatMap((file) =>
      imports(readFileSync(join(root, file), 'utf8'))
        .filter((spec) => builtins.has(spec) || builtins.has(spec.split('/')[0] ?? '') || machinery.test(spec))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(files('src/lib').length).toBeGreaterThan(10);
    expect(offending).toEqual([]);
  });

  it('keeps every page file under 60 lines', () => {
    const long = pages
      .map((file) => ({ file, lines: readFileSync(join(root, file), 'utf8').trimEnd().split('\n').length }))
      .filter(({ lines }) => lines >= 60);
    expect(pages.length).toBeGreaterThan(10);
    expect(long).toEqual([]);
  });

  it('computes every route with parameters in src/routing.ts, which pages take whole', () => {
    const dynamic = pages.filter((f) => f.includes('['));
    expect(dynamic.length).toBeGreaterThanOrEqual(6);
    for (const file of dynamic) {
      const source = readFileSync(join(root, file), 'utf8');
      expect(source, relative(root, file)).toMatch(/export const getStaticPaths = [^;]*\b\w+Routes\b/u);
      expect(
        imports(source).some((spec) => spec.endsWith('/routing')),
        file,
      ).toBe(true);
      expect(source, file).not.toMatch(/getCatalogue|getCollection/u);
    }
  });
});
