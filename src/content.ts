/**
 * The one place that queries the content collections. Every page, feed and export imports from
 * here, so they all see the same papers in the same order and the same grouping. The catalogue's
 * model and views are pure functions in src/lib; this module adds what a build needs around them:
 * the collections, the on-disk cache of related papers, and the preview images, which start
 * drawing in the background as soon as the catalogue is known.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { cachedJson, contentHash } from './integrations/cache.ts';
import { startPreviews } from './integrations/previews/api.ts';
import { timed } from './integrations/timings.ts';
import { contentError } from './lib/errors.ts';
import { byListingOrder, byTitle, catalogueProblems, toPaper, toTopic, type Paper, type Topic } from './lib/papers.ts';
import { catalogueCards } from './lib/previews.ts';
import { relatedPapers, type Related } from './lib/related.ts';
import { Abbreviations, definitions } from './lib/acronyms.ts';
import { citationKeys } from './lib/citation.ts';
import { commonWords } from './lib/search.ts';
import { otherForms, searchTerms } from './lib/search-index.ts';
import type { Also } from './lib/search-text.ts';
// The code that computes related papers is part of the cache key: a change to it recomputes them.
import relatedSource from './lib/related.ts?raw';
import termsSource from './lib/terms.ts?raw';
import spellingsSource from './lib/spellings.ts?raw';
import wordsSource from './lib/words.ts?raw';
import { SITE } from './site.config.ts';
import {
  neighbours,
  papersByTopic,
  relatedTopics,
  stats,
  topicsBySize,
  untaggedPapers,
  type Neighbours,
  type RelatedTopic,
  type Stats,
  type TopicSummary,
} from './lib/views.ts';

export interface Catalogue {
  /** Every paper, in listing order. */
  papers: Paper[];
  /** Every paper, A–Z by title. */
  papersByTitle: Paper[];
  /** Every topic, in id order. */
  topics: Topic[];
  /** Topics by number of papers, largest first. */
  topicSizes: TopicSummary[];
  /** Papers that await a topic, A–Z. */
  untagged: Paper[];
  paperById: Map<string, Paper>;
  topicById: Map<string, Topic>;
  /** Papers of each topic, in listing order. */
  byTopic: Map<string, Paper[]>;
  neighbours: Map<string, Neighbours>;
  stats: Stats;
  /** Each paper's citation key: readable and unique (citation.ts). */
  citeKeys: Map<string, string>;
  /** The collection entry of each paper, for rendering its body. */
  entryById: Map<string, CollectionEntry<'papers'>>;
  /** The collection entry of each topic with a curated overview, for rendering it. */
  overviewById: Map<string, CollectionEntry<'topics'>>;
  /** Papers most similar to a paper, with the terms they share. */
  related: (id: string) => Related[];
  relatedTopics: (id: string) => RelatedTopic[];
  /** The words nearly every title and abstract holds, which search leaves out of its queries. */
  commonWords: () => string[];
  /** The forms of a paper's words its page does not hold, indexed for search (search-index.ts). */
  searchTerms: (paper: Paper) => { title: Also[]; abstract: Also[] };
  /** The names a reader may search a topic by: its aliases, and the other forms of its name and aliases. */
  searchNames: (topic: Topic) => string[];
}

async function load(): Promise<Catalogue> {
  const [paperEntries, topicEntries, glossaryEntries] = await Promise.all([
    getCollection('papers'),
    getCollection('topics'),
    getCollection('glossary'),
  ]);
  const papers = paperEntries.map(toPaper).sort(byListingOrder);
  const topics = topicEntries.map(toTopic).sort((a, b) => a.id.localeCompare(b.id));
  // public/ is where Astro serves files from, next to content/ in the folder the build runs in.
  const problems = catalogueProblems(papers, topics, (src) => Boolean(statSync(join('public', src), { throwIfNoEntry: false })?.isFile()));
  if (problems.length > 0) {
    throw contentError(
      `The catalogue has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      'Fix the entries named above; each message says which field is wrong and how to fix it.',
    );
  }
  const byTopic = papersByTopic(papers, topics);
  let relatedMap: Map<string, Related[]> | undefined;
  const related = (id: string): Related[] => {
    if (!relatedMap) {
      // Computed once per build for all papers, and cached on disk by a hash of the texts, the
      // topics and the code that relates them.
      const docs = papers.map((p) => ({ id: p.id, title: p.titleText, text: p.abstractText, topics: p.topics }));
      const key = contentHash([docs, relatedSource, termsSource, wordsSource, spellingsSource]);
      relatedMap = new Map(timed('related papers', () => cachedJson('related', key, () => [...relatedPapers(docs)])));
    }
    return relatedMap.get(id) ?? [];
  };
  // The glossary, and the abbreviations papers define that every paper defining them agrees on.
  let known: Abbreviations | undefined;
  const abbreviations = (): Abbreviations =>
    (known ??= new Abbreviations(
      glossaryEntries.map((e) => ({ abbreviation: e.id, expansions: e.data.expand })),
      papers.flatMap((p) => definitions(p.abstractText)),
    ));
  const catalogue: Catalogue = {
    papers,
    papersByTitle: [...papers].sort(byTitle),
    topics,
    topicSizes: topicsBySize(topics, byTopic),
    untagged: untaggedPapers(papers),
    paperById: new Map(papers.map((p) => [p.id, p])),
    topicById: new Map(topics.map((t) => [t.id, t])),
    byTopic,
    neighbours: neighbours(papers),
    stats: stats(papers, topics),
    citeKeys: citationKeys(papers),
    entryById: new Map(paperEntries.map((e) => [e.id, e])),
    overviewById: new Map(topicEntries.filter((e) => e.body?.trim()).map((e) => [e.id, e])),
    related,
    relatedTopics: (id) => relatedTopics(id, topics, byTopic),
    commonWords: () => commonWords(papers.map((p) => `${p.titleText} ${p.abstractText}`)),
    searchTerms: (paper) => searchTerms(paper.titleText, paper.abstractText, abbreviations()),
    searchNames: (topic) => [
      ...new Set([...topic.aliases, ...[topic.name, ...topic.aliases].flatMap((n) => otherForms(n, abbreviations()).map(([h]) => h))]),
    ],
  };
  startPreviews(previewCards(catalogue).map((page) => page.card));
  return catalogue;
}

/** Every preview image of the catalogue, with the route it is served at. */
export const previewCards = (catalogue: Catalogue) =>
  catalogueCards(catalogue, { name: SITE.name, tagline: SITE.tagline, host: new URL(import.meta.env.SITE ?? SITE.url).host });

let cached: Promise<Catalogue> | undefined;

/** The validated catalogue, loaded once per build (fresh on every request in dev). */
export function getCatalogue(): Promise<Catalogue> {
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}
