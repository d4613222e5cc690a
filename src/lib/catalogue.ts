/**
 * The one place that queries the content collections. Every page, feed and export imports from
 * here, so they all see the same papers in the same order.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { AstroError } from 'astro/errors';
import { byListingOrder, catalogueProblems, toPaper, toTopic, type Paper, type Topic } from './papers.ts';

export interface Catalogue {
  /** Every paper, in listing order. */
  papers: Paper[];
  /** Every topic, in vocabulary (id) order. */
  topics: Topic[];
  paperById: Map<string, Paper>;
  topicById: Map<string, Topic>;
  /** The collection entry of each paper, for rendering its body. */
  entryById: Map<string, CollectionEntry<'papers'>>;
}

async function load(): Promise<Catalogue> {
  const [paperEntries, topicEntries] = await Promise.all([getCollection('papers'), getCollection('topics')]);
  const papers = paperEntries.map(toPaper).sort(byListingOrder);
  const topics = topicEntries.map(toTopic).sort((a, b) => a.id.localeCompare(b.id));
  const problems = catalogueProblems(papers, topics);
  if (problems.length > 0) {
    throw new AstroError(
      `The catalogue has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      'Fix the entries named above; each message says which field is wrong and how to fix it.',
    );
  }
  return {
    papers,
    topics,
    paperById: new Map(papers.map((p) => [p.id, p])),
    topicById: new Map(topics.map((t) => [t.id, t])),
    entryById: new Map(paperEntries.map((e) => [e.id, e])),
  };
}

let cached: Promise<Catalogue> | undefined;

/** The validated catalogue, loaded once per build (fresh on every request in dev). */
export function getCatalogue(): Promise<Catalogue> {
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}
