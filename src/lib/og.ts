/**
 * Link-preview images (1200×630 PNG) for papers, topics and the site, rendered at build time from
 * a font bundled with the project, so every machine draws the same pixels. Each image is cached
 * on disk under a hash of its content: an unchanged page costs no rendering on the next build.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Paper, Topic } from './papers.ts';
import type { Stats } from './views.ts';
import { cachedFilePath, contentHash, storeFile } from './cache.ts';
import { renderCard, type Card } from './og/card.ts';
import { renderInBackground } from './og/pool.ts';
import { record } from './timings.ts';

export { renderCard, type Card } from './og/card.ts';
export { HEIGHT as OG_HEIGHT, WIDTH as OG_WIDTH } from './og/raster.ts';

/** Bump when the design changes, so cached images are redrawn. */
const DESIGN_VERSION = 3;

export const cardKey = (card: Card): string => contentHash({ card, v: DESIGN_VERSION });

/** Starts rendering every card that is not cached yet, in worker threads, and returns at once. */
export function prepareCards(cards: Card[]): void {
  const missing = cards.map((card) => ({ key: cardKey(card), card })).filter(({ key }) => !cachedExists(key));
  if (missing.length > 0) renderInBackground(missing);
}

const cachedExists = (key: string): boolean => existsSync(cachedFilePath('og', key, 'png'));

/** The PNG for a card: from the cache (a worker may have drawn it already), or drawn now. */
export function cardPng(card: Card): Uint8Array {
  const key = cardKey(card);
  const path = cachedFilePath('og', key, 'png');
  try {
    return readFileSync(path);
  } catch {
    const started = performance.now();
    const png = renderCard(card);
    record('preview images (rendered)', performance.now() - started);
    storeFile('og', key, 'png', png);
    return png;
  }
}

/** Cards for each kind of page. Pure: built from the catalogue's data. */
export const cards = {
  paper(title: string, topicNames: string[], hasCode: boolean, site: string, host: string): Card {
    return { kind: 'Paper', title, detail: [...topicNames, ...(hasCode ? ['code available'] : [])].join(' · '), site, host };
  },
  topic(name: string, summary: string, papers: number, withCode: number, site: string, host: string): Card {
    return {
      kind: 'Topic',
      title: name,
      subtitle: summary,
      detail: `${papers} ${papers === 1 ? 'paper' : 'papers'} · ${withCode} with code`,
      site,
      host,
    };
  },
  site(tagline: string, papers: number, topics: number, withCode: number, site: string, host: string): Card {
    return { kind: 'Catalogue', title: tagline, detail: `${papers} papers · ${topics} topics · ${withCode} with code`, site, host };
  },
};

export interface CardPage {
  kind: 'site' | 'paper' | 'topic';
  id: string;
  card: Card;
}

/** Every preview image of the catalogue: the site's, each paper's and each topic's. */
export function catalogueCards(
  data: { papers: Paper[]; topics: Topic[]; topicById: Map<string, Topic>; byTopic: Map<string, Paper[]>; stats: Stats },
  site: { name: string; tagline: string; host: string },
): CardPage[] {
  const { name, tagline, host } = site;
  return [
    { kind: 'site', id: 'index', card: cards.site(tagline, data.stats.papers, data.stats.topics, data.stats.withCode, name, host) },
    ...data.papers.map((p): CardPage => ({
      kind: 'paper',
      id: p.id,
      card: cards.paper(
        p.titleText,
        p.topics.map((t) => data.topicById.get(t)?.name ?? t),
        p.hasCode,
        name,
        host,
      ),
    })),
    ...data.topics.map((t): CardPage => {
      const papers = data.byTopic.get(t.id) ?? [];
      return {
        kind: 'topic',
        id: t.id,
        card: cards.topic(t.name, t.summary, papers.length, papers.filter((p) => p.hasCode).length, name, host),
      };
    }),
  ];
}
