/**
 * The catalogue's data model, built from validated collection entries. Pure: no `astro:content`
 * import, so it is unit-tested without a build. `catalogue.ts` feeds it the collections.
 */
import type { Link } from './links.ts';
import { texToText } from './math.ts';
import { paperText } from './paper-text.ts';
import { excerpt } from './text.ts';
import { fold } from './words.ts';
import { FIGURE_PATH_ADVICE, isSitePath, overviewFigures, overviewPaperIds, overviewText } from './overview.ts';
import { textProblem } from './characters.ts';
import type { PaperData, SourceData, TopicData } from './schema.ts';

export interface Paper {
  id: string;
  /** Title in the `$…$` format. */
  title: string;
  /** Title as plain Unicode text (paperText 'plain'): the title every export and preview carries. */
  titleText: string;
  topics: string[];
  links: Link[];
  sources: SourceData[];
  authors?: string[];
  arxiv?: string;
  /** The day it was first published on arXiv (YYYY-MM-DD). */
  published?: string;
  /** The day it appeared on the Daily Papers page (YYYY-MM-DD). */
  submitted?: string;
  categories?: string[];
  /** Key phrases from the source, for search and topic matching; not the paper's own words. */
  keywords?: string[];
  /** Abstract in the `$…$` format, read back from the MDX body. */
  abstract: string;
  /** Abstract as plain Unicode text (paperText 'plain'): the abstract papers.json and the feeds carry. */
  abstractText: string;
  /** The start of the abstract, for cards (computed once, not per card). */
  teaser: string;
  hasCode: boolean;
  /** The address of its code (the first code link), when it links one. */
  code?: string;
  /** The day to sort and show it by: when it appeared on Daily Papers, else when arXiv published it. */
  date?: string;
  /** The entry's file, relative to the project, for error messages. */
  file: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/u;

/** Characters of the abstract shown on a paper's card. */
const TEASER_LENGTH = 240;

export interface Topic {
  id: string;
  name: string;
  summary: string;
  description: string;
  /** Other names readers search for (abbreviations, spellings). */
  aliases: string[];
  file: string;
  /** A curated overview's first paragraph, as plain text, when the topic has one (content/topics/<id>.mdx). */
  overview?: string;
  /** The papers the overview cites. */
  cites?: string[];
  /** The images the overview shows, as paths under public/. */
  figures?: string[];
}

/** The raw shape of a collection entry that the model needs. */
export interface RawEntry<D> {
  id: string;
  data: D;
  body?: string | undefined;
  filePath?: string | undefined;
}

export function toPaper(entry: RawEntry<PaperData>): Paper {
  const { data } = entry;
  const body = { body: entry.body ?? '' };
  const abstractText = paperText(body, 'plain');
  const code = data.links.find((l) => l.kind === 'code');
  const listed = data.sources.map((s) => s.date).find((d) => d !== undefined && ISO_DAY.test(d));
  const date = data.submitted ?? listed ?? data.published;
  return {
    id: data.id,
    title: data.title,
    titleText: paperText({ title: data.title }, 'plain'),
    topics: data.topics,
    links: data.links,
    sources: data.sources,
    ...(data.authors ? { authors: data.authors } : {}),
    ...(data.arxiv ? { arxiv: data.arxiv } : {}),
    ...(data.published ? { published: data.published } : {}),
    ...(data.submitted ? { submitted: data.submitted } : {}),
    ...(data.categories ? { categories: data.categories } : {}),
    ...(data.keywords ? { keywords: data.keywords } : {}),
    abstract: paperText(body, 'tex'),
    abstractText,
    teaser: excerpt(abstractText, TEASER_LENGTH),
    hasCode: data.links.some((l) => l.kind === 'code'),
    ...(code ? { code: code.url } : {}),
    ...(date ? { date } : {}),
    file: entry.filePath ?? `${entry.id}.mdx`,
  };
}

export function toTopic(entry: RawEntry<TopicData>): Topic {
  const { name, summary, description, aliases } = entry.data;
  const topic: Topic = { id: entry.id, name, summary, description, aliases, file: entry.filePath ?? `${entry.id}.yaml` };
  if (entry.body?.trim()) {
    topic.overview = overviewText(entry.body);
    topic.cites = overviewPaperIds(entry.body);
    topic.figures = overviewFigures(entry.body);
  }
  return topic;
}

/** Compares strings the way a reader expects (case- and accent-aware, numbers in numeric order). */
export const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Listing order: by the first listing a paper came from, then its position there. Ties (which
 * valid content cannot have) fall back to the id, so the order is always total.
 */
export function byListingOrder(a: Paper, b: Paper): number {
  const sa = a.sources[0];
  const sb = b.sources[0];
  return collator.compare(sa?.listing ?? '', sb?.listing ?? '') || (sa?.position ?? 0) - (sb?.position ?? 0) || a.id.localeCompare(b.id);
}

/**
 * Newest first: by the day a paper appeared (`date`), then listing order; papers without a day
 * (copied pages give none with a year) after all the dated ones, in listing order.
 */
export function byNewest(a: Paper, b: Paper): number {
  if (a.date !== b.date) {
    if (!a.date) return 1;
    if (!b.date) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return byListingOrder(a, b);
}

/** A–Z by title text, then id. */
export function byTitle(a: Paper, b: Paper): number {
  return collator.compare(a.titleText, b.titleText) || a.id.localeCompare(b.id);
}

/**
 * What makes two titles (in the `$…$` format) the same paper's: equal once folded (case, accents,
 * Unicode forms and invisible characters aside) with spacing collapsed.
 */
export const titleKey = (title: string): string => fold(texToText(title)).replace(/\s+/gu, ' ').trim();

/**
 * Cross-entry invariants the schema cannot see. Returns one message per problem, naming the file,
 * the field and the fix; empty when the catalogue is sound. `isPublicFile` says whether a path
 * under public/ is a file (the build passes one that looks; this module reads no disk).
 */
export function catalogueProblems(
  papers: readonly Paper[],
  topics: readonly Topic[],
  isPublicFile: (path: string) => boolean = () => true,
): string[] {
  const problems: string[] = [];
  const byId = new Map<string, Paper>();
  const byKey = new Map<string, Paper>();
  const byArxiv = new Map<string, Paper>();
  for (const paper of papers) {
    const stem = paper.file.replace(/^.*\//u, '').replace(/\.mdx?$/u, '');
    if (stem !== paper.id)
      problems.push(
        `${paper.file}: id: "${paper.id}" does not match the file name; rename the file to ${paper.id}.mdx or set id: "${stem}"`,
      );
    const twin = byId.get(paper.id);
    if (twin) problems.push(`${paper.file}: id: "${paper.id}" is already used by ${twin.file}; give one of them another id and file name`);
    byId.set(paper.id, paper);
    const key = titleKey(paper.title);
    const same = byKey.get(key);
    if (same)
      problems.push(
        `${paper.file}: title: "${paper.titleText}" is also the title of ${same.file}; if they are the same paper, merge their sources into one entry and delete the other`,
      );
    byKey.set(key, paper);
    if (paper.arxiv) {
      const other = byArxiv.get(paper.arxiv);
      if (other)
        problems.push(
          `${paper.file}: arxiv: "${paper.arxiv}" is also the arXiv id of ${other.file}; they are the same paper: merge their sources into one entry and delete the other`,
        );
      byArxiv.set(paper.arxiv, paper);
    }
    if (!paper.abstract.trim()) problems.push(`${paper.file}: abstract: the body is empty; paste the abstract below the frontmatter`);
    const textIssue = textProblem(paper.abstract);
    if (textIssue) problems.push(`${paper.file}: abstract: the body ${textIssue}`);
  }
  const known = new Set(topics.map((t) => t.id));
  for (const paper of papers) {
    for (const id of paper.topics) {
      if (!known.has(id))
        problems.push(`${paper.file}: topics: unknown topic "${id}"; use an id from content/topics/ or add a topic file there`);
    }
  }
  for (const topic of topics) {
    for (const id of topic.cites ?? []) {
      if (!byId.has(id))
        problems.push(
          `${topic.file}: overview: <Paper id="${id}"> names no paper of the catalogue; use the id of an entry in content/papers/ (its file name)`,
        );
    }
    for (const src of topic.figures ?? []) {
      if (!isSitePath(src)) problems.push(`${topic.file}: overview: <Figure src="${src}">: ${FIGURE_PATH_ADVICE}`);
      else if (!isPublicFile(src))
        problems.push(
          `${topic.file}: overview: <Figure src="${src}"> names no file under public/; add the image as public/${src.replace(/^\/+/u, '')} or correct the path`,
        );
    }
  }
  const used = new Set(papers.flatMap((p) => p.topics));
  for (const topic of topics) {
    if (!used.has(topic.id)) problems.push(`${topic.file}: topic "${topic.id}" has no papers; tag papers with it or delete the file`);
  }
  return problems;
}
