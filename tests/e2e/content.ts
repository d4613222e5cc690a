/** The committed content as the tests' independent source of truth (read with the ingest's reader). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseEntry } from '../../scripts/ingest/entry.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { texToText } from '../../src/lib/math.ts';

export interface ContentPaper {
  id: string;
  title: string;
  titleText: string;
  topics: string[];
  links: { kind: string; url: string }[];
  /** The first listing it came from, and its place there: the site's listing order. */
  listing: string;
  position: number;
  /** The abstract as written in the entry (TeX math as `$…$`). */
  abstract: string;
  authors: string[];
  arxiv?: string;
  categories: string[];
  published?: string;
  /** The day it appeared on Daily Papers: `submitted`, else the date of an API listing. */
  appeared?: string;
  /** Its first code link. */
  code?: string;
}

function codeOf(d: Record<string, unknown>): { code?: string } {
  const code = (d['links'] as { kind: string; url: string }[]).find((l) => l.kind === 'code')?.url;
  return code ? { code } : {};
}

function appeared(d: Record<string, unknown>): { appeared?: string } {
  const listed = (d['sources'] as { date?: string }[]).map((s) => s.date).find((x) => /^\d{4}-\d{2}-\d{2}$/u.test(x ?? ''));
  const day = (d['submitted'] as string | undefined) ?? listed ?? (d['published'] as string | undefined);
  return day ? { appeared: day } : {};
}

export function contentPapers(dir = 'content'): ContentPaper[] {
  return readdirSync(join(dir, 'papers'))
    .map((file) => parseEntry(readFileSync(join(dir, 'papers', file), 'utf8'), file))
    .map(({ data: d, body }) => ({
      id: d['id'] as string,
      title: d['title'] as string,
      titleText: texToText(d['title'] as string),
      topics: d['topics'] as string[],
      links: d['links'] as { kind: string; url: string }[],
      listing: (d['sources'] as { listing: string }[])[0]?.listing ?? '',
      position: (d['sources'] as { position: number }[])[0]?.position ?? 0,
      abstract: body.trim(),
      authors: (d['authors'] as string[] | undefined) ?? [],
      ...(d['arxiv'] ? { arxiv: d['arxiv'] as string } : {}),
      categories: (d['categories'] as string[] | undefined) ?? [],
      ...(d['published'] ? { published: d['published'] as string } : {}),
      ...appeared(d),
      ...codeOf(d),
    }))
    .sort((a, b) => a.listing.localeCompare(b.listing, 'en', { sensitivity: 'base', numeric: true }) || a.position - b.position);
}

export function contentTopics(dir = 'content'): { id: string; name: string }[] {
  return readdirSync(join(dir, 'topics'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, 'topics', file), 'utf8');
      // A topic with a curated overview is MDX, its fields the frontmatter.
      const data = file.endsWith('.mdx') ? splitFrontmatter(text, file).data : parse(text);
      return { id: file.replace(/\.(?:yaml|mdx)$/u, ''), name: (data as { name: string }).name };
    });
}

/**
 * The catalogue's "newest first": by the day a paper appeared on Daily Papers, latest first, then
 * in listing order; papers with no such day after all the others. `papers` in listing order.
 */
export const newestFirst = (papers: readonly ContentPaper[]): ContentPaper[] =>
  papers
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (b.p.appeared ?? '').localeCompare(a.p.appeared ?? '') || a.i - b.i)
    .map(({ p }) => p);
