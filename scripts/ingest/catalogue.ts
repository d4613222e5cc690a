/**
 * What the catalogue holds before an ingest: the topic rules, every entry, and the ways an incoming
 * paper is recognised as one of them: its arXiv id first, then its place in a kept listing, then its
 * title (or the title a kept page printed for it, since its title may have been corrected by hand).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { titleKey } from '../../src/lib/papers.ts';
import { fieldIssues, topicSchema, type SourceData } from '../../src/lib/schema.ts';
import { indexEntry, parseEntry, type EntryIndex } from './entry.ts';
import { repair } from './repair.ts';
import { slugify } from './slug.ts';
import { parseHfPage } from './sources/hf-page.ts';
import type { TopicRule } from './topics.ts';

export interface Problem {
  /** Where: a file, optionally with a line, or an item of a source. */
  where: string;
  /** The frontmatter field or source part concerned. */
  field: string;
  message: string;
}

/** An entry of the catalogue: what recognises it, and its whole data and body, read on demand. */
export interface Existing {
  id: string;
  path: string;
  title: string | undefined;
  arxiv: string | undefined;
  sources: SourceData[];
  topics: string[];
  readonly data: Record<string, unknown>;
  readonly body: string;
}

/** An entry read fast (see indexEntry), whose whole data and body are parsed only when asked for. */
function lazyEntry(id: string, path: string, text: string, index: EntryIndex): Existing {
  let parsed: { data: Record<string, unknown>; body: string } | undefined;
  const full = (): { data: Record<string, unknown>; body: string } => (parsed ??= parseEntry(text, path));
  return {
    id,
    path,
    title: index.title,
    arxiv: index.arxiv,
    sources: index.sources,
    topics: index.topics,
    get data() {
      return full().data;
    },
    get body() {
      return full().body;
    },
  };
}

/** An entry read with the YAML parser. */
function parsedEntry(id: string, path: string, parsed: { data: Record<string, unknown>; body: string }): Existing {
  const { data } = parsed;
  return {
    id,
    path,
    title: typeof data['title'] === 'string' ? data['title'] : undefined,
    arxiv: typeof data['arxiv'] === 'string' ? data['arxiv'] : undefined,
    sources: Array.isArray(data['sources']) ? (data['sources'] as SourceData[]).map((s) => ({ ...s, format: s.format ?? 'hf-page' })) : [],
    topics: Array.isArray(data['topics']) ? (data['topics'] as string[]) : [],
    data,
    body: parsed.body,
  };
}

export interface CatalogueState {
  rules: TopicRule[];
  entries: Map<string, Existing>;
  byArxiv: Map<string, string>;
  byTitle: Map<string, string>;
  bySource: Map<string, string>;
  /** Every listing id some entry names in its sources. */
  listings: Set<string>;
}

/** The key of a paper's place in a listing: the position for a copied page, the listing alone for an API day. */
export const sourceKey = (s: Pick<SourceData, 'listing' | 'position' | 'format'>): string =>
  s.format === 'hf-page' ? `${s.listing}#${s.position}` : `${s.listing}#${s.format}`;

/** Loads the topic vocabulary, validating every file. */
export function loadTopics(contentDir: string, errors: Problem[]): TopicRule[] {
  const dir = join(contentDir, 'topics');
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.(?:yaml|mdx)$/u.test(f))
        .sort()
    : [];
  if (files.length === 0)
    errors.push({
      where: dir,
      field: 'topics',
      message: 'no topic files (*.yaml, *.mdx); the ingest needs the topic vocabulary to tag papers',
    });
  const rules: TopicRule[] = [];
  for (const file of files) {
    const path = join(dir, file);
    let raw: unknown;
    try {
      // A topic with a curated overview is MDX: its fields are the frontmatter.
      raw = file.endsWith('.mdx') ? splitFrontmatter(readFileSync(path, 'utf8'), path).data : parseYaml(readFileSync(path, 'utf8'));
    } catch (error) {
      errors.push({ where: path, field: 'yaml', message: `does not parse: ${(error as Error).message.split('\n')[0] ?? ''}` });
      continue;
    }
    const parsed = topicSchema.safeParse(raw);
    if (!parsed.success) {
      for (const { field, message } of fieldIssues(parsed.error)) errors.push({ where: path, field, message });
      continue;
    }
    rules.push({
      id: file.replace(/\.(?:yaml|mdx)$/u, ''),
      match: parsed.data.match,
      title: parsed.data.title,
      weak: parsed.data.weak,
      exclude: parsed.data.exclude,
    });
  }
  return rules;
}

function loadEntries(contentDir: string, errors: Problem[]): Map<string, Existing> {
  const dir = join(contentDir, 'papers');
  const entries = new Map<string, Existing>();
  if (!existsSync(dir)) return entries;
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()) {
    const path = join(dir, file);
    const id = basename(file, '.mdx');
    try {
      const text = readFileSync(path, 'utf8');
      const index = indexEntry(text);
      entries.set(id, index ? lazyEntry(id, path, text, index) : parsedEntry(id, path, parseEntry(text, path)));
    } catch (error) {
      errors.push({ where: path, field: 'frontmatter', message: (error as Error).message });
    }
  }
  return entries;
}

/**
 * The title each paper had in each kept copied page (by listing id and position), so a paper
 * whose title was corrected by hand is still recognised when a page prints its old title. Only a
 * title that made the entry's id counts: a kept page edited since names other papers there.
 */
function printedTitles(contentDir: string): Map<string, { key: string; id: string }> {
  const dir = join(contentDir, 'sources');
  const titles = new Map<string, { key: string; id: string }>();
  if (!existsSync(dir)) return titles;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    try {
      for (const paper of parseHfPage(readFileSync(join(dir, file), 'utf8')).records) {
        const title = repair(paper.title).text;
        titles.set(sourceKey({ listing: basename(file, '.txt'), position: paper.position, format: 'hf-page' }), {
          key: titleKey(title),
          id: slugify(title),
        });
      }
    } catch {
      // A kept page was ingested once, so it parses; if it was edited since, it names no titles.
    }
  }
  return titles;
}

const sourcesOf = (entry: Existing): SourceData[] => entry.sources;

/** Reads the catalogue under `contentDir`. Problems with its files go to `errors`. */
export function loadCatalogue(contentDir: string, errors: Problem[]): CatalogueState {
  const rules = loadTopics(contentDir, errors);
  const entries = loadEntries(contentDir, errors);
  const byArxiv = new Map<string, string>();
  const byTitle = new Map<string, string>();
  const bySource = new Map<string, string>();
  const listings = new Set<string>();
  for (const [id, entry] of entries) {
    if (entry.arxiv) byArxiv.set(entry.arxiv, id);
    if (entry.title !== undefined) byTitle.set(titleKey(entry.title), id);
  }
  const printed = printedTitles(contentDir);
  for (const [id, entry] of entries) {
    for (const source of sourcesOf(entry)) {
      const key = sourceKey(source);
      listings.add(source.listing);
      if (source.format !== 'hf-page') continue;
      bySource.set(key, id);
      const title = printed.get(key);
      if (title && title.id === id && !byTitle.has(title.key)) byTitle.set(title.key, id);
    }
  }
  return { rules, entries, byArxiv, byTitle, bySource, listings };
}

export { sourcesOf };
