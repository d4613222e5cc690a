/**
 * A build's exports as the tools that use them read them: BibTeX with @retorquere/bibtex-parser
 * (Better BibTeX for Zotero), RSS with @rowanmanning/feed-parser after a strict XML check,
 * papers.json with Ajv against the schema the site publishes. Also every URL of the build that a
 * browser would follow or load, for the scan for javascript:, data: and off-site images.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parseFeed } from '@rowanmanning/feed-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { SyntaxValidator } from 'fast-xml-validator';
import { parse as parseHtml } from 'parse5';
import { attr, htmlFiles, walk, type Node } from '../../scripts/check-links.ts';
import type { PapersExport } from '../../src/lib/feeds.ts';
import { expect } from './fixtures.ts';

export const SITE = 'https://papers.example.org';

/** papers.json, and what Ajv says of it against /papers.schema.json of the same build. */
export function readPapersJson(outDir: string): { data: PapersExport; errors: string[] } {
  const data = JSON.parse(readFileSync(join(outDir, 'papers.json'), 'utf8')) as PapersExport;
  const schema = JSON.parse(readFileSync(join(outDir, 'papers.schema.json'), 'utf8')) as Record<string, unknown>;
  const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
  const ok = validate(data);
  return { data, errors: ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`) };
}

/** The topic ids that have a folder with exports. */
export const topicIds = (outDir: string): string[] =>
  readdirSync(join(outDir, 'topics'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(outDir, 'topics', d.name, 'papers.bib')))
    .map((d) => d.name)
    .sort();

export interface BibEntry {
  key: string;
  /** Field names as written in the file. */
  written: string[];
  /** Fields as the parser read them, title as Unicode text. */
  fields: Record<string, unknown>;
}

/** A .bib file: the parser's errors, and each entry with the fields written and the fields read. */
export function readBib(path: string): { errors: string[]; entries: BibEntry[] } {
  const text = readFileSync(path, 'utf8');
  const library = parseBibtex(text, { english: false });
  const written = new Map(
    [...text.matchAll(/^@misc\{([^,]+),\n([\s\S]*?)\n\}$/gmu)].map((m) => [
      m[1] ?? '',
      [...(m[2] ?? '').matchAll(/^ {2}(\w+)\s*=/gmu)].map((f) => f[1] ?? ''),
    ]),
  );
  return {
    errors: library.errors.map((e) => e.error),
    entries: library.entries.map((e) => ({ key: e.key, written: written.get(e.key) ?? [], fields: e.fields as Record<string, unknown> })),
  };
}

export interface FeedRead {
  /** Why the XML is not well-formed, if it is not. */
  xmlError: string | undefined;
  items: { title: string; link: string; description: string }[];
}

/** An RSS file, well-formed XML first, then read by a feed reader's parser. */
export function readFeed(path: string): FeedRead {
  const xml = readFileSync(path, 'utf8');
  let xmlError: string | undefined;
  try {
    SyntaxValidator.validate(xml);
  } catch (error) {
    xmlError = error instanceof Error ? error.message : String(error);
  }
  const feed = parseFeed(xml);
  return {
    xmlError,
    items: feed.items.map((i) => ({ title: i.title ?? '', link: i.url ?? '', description: i.description ?? '' })),
  };
}

/** Attributes that hold a URL a browser follows or loads. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'poster',
  'cite',
  'data',
  'background',
  'ping',
  'xlink:href',
  'manifest',
  'longdesc',
  'codebase',
  'icon',
]);
/** Elements whose URL attribute loads an image (or an icon) into the page. */
const IMAGE = (n: Node): boolean =>
  ['img', 'source', 'image', 'video'].includes(n.nodeName) ||
  (n.nodeName === 'input' && attr(n, 'type') === 'image') ||
  (n.nodeName === 'link' && /icon/iu.test(attr(n, 'rel') ?? ''));
/** Meta tags whose content is a URL: previews load it as an image, a refresh follows it. */
const META_URL = /^(?:og:image|og:image:url|og:image:secure_url|og:url|twitter:image)$/u;

/** A URL as the URL parser reads it: no leading or trailing controls or spaces, no tabs or newlines. */
// eslint-disable-next-line no-control-regex -- stripping control characters is what the URL parser does
const asParsed = (url: string): string => url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/gu, '').replace(/[\t\n\r]/gu, '');

/** The URLs of an element that a browser would follow or load, with whether each loads an image. */
function elementUrls(n: Node): { url: string; image: boolean }[] {
  const out: { url: string; image: boolean }[] = [];
  for (const { name, value } of n.attrs ?? []) {
    if (URL_ATTRIBUTES.has(name)) {
      const urls = name === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/u)[0] ?? '') : [value];
      for (const url of urls) out.push({ url, image: IMAGE(n) || name === 'poster' });
    }
    if (name === 'style') for (const m of value.matchAll(/url\(\s*['"]?([^'")]*)/gu)) out.push({ url: m[1] ?? '', image: true });
  }
  if (n.nodeName === 'meta') {
    const key = attr(n, 'property') ?? attr(n, 'name') ?? '';
    if (META_URL.test(key)) out.push({ url: attr(n, 'content') ?? '', image: /image/u.test(key) });
    if (attr(n, 'http-equiv')?.toLowerCase() === 'refresh')
      out.push({ url: /url\s*=\s*(.*)$/iu.exec(attr(n, 'content') ?? '')?.[1] ?? '', image: false });
  }
  return out;
}

/**
 * Every URL in the build's pages, feeds, sitemap and papers.json that is javascript:, data: or
 * vbscript:, or that loads an image from another site.
 */
export function unsafeUrls(outDir: string): string[] {
  const found: string[] = [];
  const check = (where: string, raw: string, image: boolean, page: string): void => {
    const url = asParsed(raw);
    if (/^(?:javascript|data|vbscript):/iu.test(url)) found.push(`${where}: ${raw}`);
    else if (image && url && new URL(url, new URL(page, SITE)).origin !== SITE) found.push(`${where}: off-site image ${raw}`);
  };
  for (const file of htmlFiles(outDir)) {
    const page = file.slice(outDir.length).replace(/index\.html$/u, '');
    walk(parseHtml(readFileSync(file, 'utf8')) as unknown as Node, (n) => {
      for (const { url, image } of elementUrls(n)) check(`${file} <${n.nodeName}>`, url, image, page);
    });
  }
  const xmlFiles = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.xml'))
      .map((f) => join(dir, f));
  for (const file of xmlFiles(outDir)) {
    const xml = readFileSync(file, 'utf8');
    for (const m of xml.matchAll(/<(link|guid|loc|url)>([^<]*)<\/\1>|\burl="([^"]*)"/gu)) check(file, m[2] ?? m[3] ?? '', false, '/');
  }
  const { data } = readPapersJson(outDir);
  for (const p of data.papers) for (const url of [p.url, ...p.links.map((l) => l.url)]) check(`papers.json ${p.id}`, url, false, '/');
  return found;
}

const flat = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/**
 * Every export of a build parses, and holds every paper: papers.json matches its schema; the site
 * feed has one item per paper and each topic feed one per paper of the topic, linking its page,
 * with its title and abstract; each topic's .bib has one entry per paper, every field it writes
 * read back, and the page's URL kept.
 */
export function expectExportsRead(outDir: string): void {
  const { data, errors } = readPapersJson(outDir);
  expect(errors, 'papers.json against /papers.schema.json').toEqual([]);
  expect(data.count).toBe(data.papers.length);
  const site = readFeed(join(outDir, 'rss.xml'));
  expect(site.xmlError, 'rss.xml').toBeUndefined();
  expect(site.items.map((i) => [i.link, flat(i.title), flat(i.description)])).toEqual(
    data.papers.map((p) => [p.url, flat(p.title), flat(p.abstract)]),
  );
  const topics = topicIds(outDir);
  expect(topics.length).toBeGreaterThan(0);
  for (const id of topics) {
    const papers = data.papers.filter((p) => p.topics.includes(id));
    const feed = readFeed(join(outDir, 'topics', id, 'rss.xml'));
    expect(feed.xmlError, `${id}/rss.xml`).toBeUndefined();
    expect(
      feed.items.map((i) => i.link),
      `${id}/rss.xml`,
    ).toEqual(papers.map((p) => p.url));
    const bib = readBib(join(outDir, 'topics', id, 'papers.bib'));
    expect(bib.errors, `${id}/papers.bib`).toEqual([]);
    // One entry per paper, each key once: a paper with an arXiv id under a readable key, citing
    // the preprint; one without under its id, citing its page here.
    expect(bib.entries, `${id}/papers.bib`).toHaveLength(papers.length);
    expect(new Set(bib.entries.map((e) => e.key)).size, `${id}/papers.bib`).toBe(papers.length);
    for (const [i, entry] of bib.entries.entries()) {
      const paper = papers[i];
      // BibTeX field names are case-insensitive (archivePrefix, as arXiv writes it, reads as archiveprefix).
      expect(Object.keys(entry.fields).sort(), `${id}/papers.bib ${entry.key}`).toEqual(entry.written.map((w) => w.toLowerCase()).sort());
      if (paper?.arxiv) {
        expect(entry.key, `${id}/papers.bib`).toMatch(/^[a-z0-9]+\d{4}[a-z0-9]+$/u);
        expect(entry.fields['eprint'], `${id}/papers.bib ${entry.key}`).toBe(paper.arxiv);
        expect(entry.fields['url'], `${id}/papers.bib ${entry.key}`).toBe(`https://arxiv.org/abs/${paper.arxiv}`);
      } else {
        expect(entry.key, `${id}/papers.bib`).toBe(paper?.id);
        expect(entry.fields['url'], `${id}/papers.bib ${entry.key}`).toBe(paper?.url);
      }
      expect(String(entry.fields['title'] ?? '').trim(), `${id}/papers.bib ${entry.key}`).not.toBe('');
    }
  }
}
