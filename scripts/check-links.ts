/**
 * Checks every internal link, asset reference and fragment in a built site.
 *
 *   node scripts/check-links.ts [dist] [--base /catalogue/] [--site https://example.org]
 *
 * Internal means relative, root-relative under the base, or absolute on the site's origin (so
 * canonical URLs and preview images are checked too). Exits 1 and lists each broken reference.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'parse5';

export type Node = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; content?: Node };

export interface Broken {
  page: string;
  reference: string;
  reason: string;
}

export interface LinkReport {
  pages: number;
  references: number;
  broken: Broken[];
}

const REFERENCE_ATTRS: Record<string, string[]> = {
  a: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  source: ['src'],
  form: ['action'],
  meta: ['content'],
};

/** Every .html file under a directory. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** Calls `visit` for every node of a parsed document, template contents included. */
export function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const child of node.childNodes ?? []) walk(child, visit);
  if (node.content) walk(node.content, visit);
}

export const attr = (n: Node, name: string): string | undefined => n.attrs?.find((a) => a.name === name)?.value;

/** The file that serves a URL path under the site's base, or undefined. */
function fileFor(dist: string, base: string, pathname: string): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const rest = decodeURIComponent(pathname.slice(base.length));
  const candidates =
    rest === '' || rest.endsWith('/') ? [join(dist, rest, 'index.html')] : [join(dist, rest), join(dist, rest, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

export function checkLinks(dist: string, base = '/', site = 'https://papers.example.org'): LinkReport {
  const origin = new URL(site).origin;
  const files = htmlFiles(dist);
  const ids = new Map<string, Set<string>>();
  const refs: { page: string; url: URL; raw: string }[] = [];
  for (const file of files) {
    const pagePath = `${base}${relative(dist, file).replace(/(^|\/)index\.html$/u, '$1')}`;
    const pageUrl = new URL(pagePath, origin);
    const pageIds = new Set<string>();
    walk(parse(readFileSync(file, 'utf8')) as unknown as Node, (n) => {
      const id = attr(n, 'id');
      if (id) pageIds.add(id);
      for (const name of REFERENCE_ATTRS[n.nodeName] ?? []) {
        const raw = attr(n, name);
        if (raw === undefined) continue;
        if (n.nodeName === 'meta' && !/^(og:image|og:url|twitter:image)$/u.test(attr(n, 'property') ?? attr(n, 'name') ?? '')) continue;
        if (/^(mailto|javascript|data|tel):/iu.test(raw)) continue;
        refs.push({ page: relative(dist, file), url: new URL(raw, pageUrl), raw });
      }
    });
    ids.set(pageUrl.pathname, pageIds);
  }
  const broken: Broken[] = [];
  let references = 0;
  for (const { page, url, raw } of refs) {
    if (url.origin !== origin) continue;
    references += 1;
    if (/^javascript:/iu.test(raw)) broken.push({ page, reference: raw, reason: 'javascript: URL' });
    const file = fileFor(dist, base, url.pathname);
    if (!file) {
      broken.push({ page, reference: raw, reason: url.pathname.startsWith(base) ? 'no such file' : `outside the base ${base}` });
      continue;
    }
    if (url.hash && file.endsWith('.html')) {
      const target = ids.get(url.pathname) ?? ids.get(`${url.pathname}${url.pathname.endsWith('/') ? '' : '/'}`);
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (!target?.has(fragment)) broken.push({ page, reference: raw, reason: `no element with id "${fragment}"` });
    }
  }
  return { pages: files.length, references, broken };
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { base: { type: 'string' }, site: { type: 'string' } } });
  const dist = positionals[0] ?? 'dist';
  const report = checkLinks(dist, values.base ?? '/', values.site ?? process.env['SITE_URL'] ?? 'https://papers.example.org');
  for (const b of report.broken) console.error(`${b.page}: ${b.reference}: ${b.reason}`);
  console.log(`${report.pages} pages, ${report.references} internal references, ${report.broken.length} broken`);
  process.exitCode = report.broken.length > 0 ? 1 : 0;
}
