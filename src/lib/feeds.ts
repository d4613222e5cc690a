/** The shapes of the RSS items and the JSON export, built from papers. Pure, so they are tested. */
import { z } from 'zod';
import type { Paper, Topic } from './papers.ts';
import { ID_PATTERN, LINK_KINDS, MAX_ID_LENGTH, MAX_TOPICS } from './schema.ts';
import { absoluteUrl, type Urls } from './urls.ts';
import { SITE } from '../site.config.ts';

/** A topic feed's title, in the feed itself and where pages announce it. */
export const topicFeedTitle = (topic: Topic): string => `${topic.name} · ${SITE.name}`;

export interface FeedItem {
  title: string;
  link: string;
  description: string;
  categories: string[];
}

const HTML_ESCAPES = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
]);

/**
 * Plain text as RSS readers read an item's title and description: as entity-encoded HTML, whose
 * references they decode (and whose tags they render) after the XML parser has decoded the file's.
 * Escaped once more, `&amp;` typed in a title reads back as `&amp;` and `<b>` as `<b>`, not as `&`
 * and bold text; @astrojs/rss then escapes it for XML.
 */
const rssText = (text: string): string => text.replace(/[&<>]/gu, (c) => HTML_ESCAPES.get(c) ?? c);

/** RSS items for papers: title and abstract as escaped text (rssText), absolute link, topic names as categories. */
export function feedItems(papers: readonly Paper[], topicById: Map<string, Topic>, urls: Urls, site: URL | string | undefined): FeedItem[] {
  return papers.map((paper) => ({
    title: rssText(paper.titleText),
    link: absoluteUrl(urls.paper(paper.id), site),
    description: rssText(paper.abstractText),
    categories: paper.topics.map((id) => topicById.get(id)?.name ?? id),
  }));
}

const httpUrl = (what: string) =>
  z
    .url({ protocol: /^https?$/u })
    .regex(/^https?:\/\//u)
    .describe(what);

/** A day as YYYY-MM-DD: a pattern, which every JSON Schema validator reads (a `format` is optional to check). */
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u);

/** One paper in papers.json. */
const paperRecordSchema = z
  .strictObject({
    id: z.string().regex(ID_PATTERN).max(MAX_ID_LENGTH).describe("The paper's id, the last segment of its page's URL. Never changes."),
    title: z.string().min(1).describe('The title as plain Unicode text; math as readable Unicode (L₀ + A · S₁).'),
    abstract: z.string().min(1).describe('The abstract as plain Unicode text, as the paper page shows it; links as their text.'),
    topics: z
      .array(z.string().regex(ID_PATTERN))
      .max(MAX_TOPICS)
      .describe('Topic ids (the last segment of /topics/<id>/); empty while the paper awaits a topic.'),
    links: z
      .array(
        z.strictObject({
          kind: z.enum(LINK_KINDS).describe('code: a repository; project: a project page; other: anything else.'),
          url: httpUrl('The URL, as the abstract and the paper page link it.'),
        }),
      )
      .describe("The paper's links: every URL in the abstract, and the repository and project page its source names."),
    url: httpUrl("The paper's page in the catalogue."),
    authors: z.array(z.string().min(1)).optional().describe('Author names, in order, when the source gave them.'),
    arxiv: z.string().optional().describe('The arXiv id without version (2505.01234), when the source gave it.'),
    published: isoDay.optional().describe('The day arXiv first published it (YYYY-MM-DD), when known.'),
    date: isoDay
      .optional()
      .describe('The day it appeared on Daily Papers, else the day arXiv published it: what lists sort newest first by.'),
  })
  .describe('One paper.');

/** papers.json: the whole catalogue in listing order. The README documents it; /papers.schema.json publishes this. */
const papersExportSchema = z
  .strictObject({
    $schema: httpUrl('The JSON Schema of this file (/papers.schema.json).'),
    name: z.string().min(1).describe("The catalogue's name."),
    url: httpUrl("The catalogue's home page."),
    count: z.int().nonnegative().describe('How many papers the file holds.'),
    papers: z.array(paperRecordSchema).describe('Every paper, in listing order.'),
  })
  .describe("The catalogue's papers: titles, abstracts, topics and links.");

export type PapersExport = z.infer<typeof papersExportSchema>;

/** The JSON Schema of papers.json, published at `schemaUrl` (its `$id`). */
export function papersJsonSchema(schemaUrl: string): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(papersExportSchema) as Record<string, unknown>;
  return { $schema, $id: schemaUrl, title: 'papers.json', ...rest };
}

export function papersExport(name: string, papers: readonly Paper[], urls: Urls, site: URL | string | undefined): PapersExport {
  return {
    $schema: absoluteUrl(urls.jsonSchema(), site),
    name,
    url: absoluteUrl(urls.home(), site),
    count: papers.length,
    papers: papers.map((p) => ({
      id: p.id,
      title: p.titleText,
      abstract: p.abstractText,
      topics: p.topics,
      links: p.links,
      url: absoluteUrl(urls.paper(p.id), site),
      ...(p.authors ? { authors: p.authors } : {}),
      ...(p.arxiv ? { arxiv: p.arxiv } : {}),
      ...(p.published ? { published: p.published } : {}),
      ...(p.date ? { date: p.date } : {}),
    })),
  };
}
