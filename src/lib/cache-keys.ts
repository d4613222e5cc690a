/**
 * Keys for Astro's experimental incremental builds (`CATALOGUE_INCREMENTAL=1`): a page whose key
 * and code are unchanged is not rendered again. A key hashes everything the page shows, so
 * adding a paper re-renders only the pages it appears on or changes (its neighbours, its topics'
 * lists, the papers whose related list now includes it).
 */
import { contentHash } from './cache.ts';
import type { Catalogue } from './catalogue.ts';
import type { Page } from './pagination.ts';
import type { Paper } from './papers.ts';
import { SITE } from '../site.config.ts';

/** What a card of a paper in a list shows. */
const cardOf = (paper: Paper, c: Catalogue) => [
  paper.id,
  paper.title,
  paper.teaser,
  paper.hasCode,
  paper.topics.map((t) => c.topicById.get(t)?.name),
];

export function paperPageKey(c: Catalogue, id: string): string {
  const paper = c.paperById.get(id);
  const { prev, next } = c.neighbours.get(id) ?? {};
  const related = c.related(id).map((r) => [r.id, r.shared, c.paperById.get(r.id)?.title]);
  return contentHash([
    SITE,
    paper,
    c.entryById.get(id)?.digest,
    paper?.topics.map((t) => c.topicById.get(t)?.name),
    related,
    prev?.id,
    prev?.title,
    next?.id,
    next?.title,
  ]);
}

export function listPageKey(c: Catalogue, page: Page<Paper>, extra: unknown = null): string {
  return contentHash([SITE, page.number, page.count, page.total, page.items.map((p) => cardOf(p, c)), extra]);
}

export function topicPageKey(c: Catalogue, id: string, page: Page<Paper>): string {
  return listPageKey(c, page, [c.topicById.get(id), c.relatedTopics(id).map((r) => [r.topic.id, r.topic.name, r.shared])]);
}
