/**
 * What each link-preview image says: the kind of page, its title and a line of counts or topics.
 * Pure data, built from the catalogue; src/integrations/previews draws it.
 */
import type { Paper, Topic } from './papers.ts';
import { plural } from './text.ts';
import type { Stats } from './views.ts';

export interface Card {
  /** Small label above the title: "Paper" or "Topic". */
  kind: string;
  /** Plain-text title; long titles are clamped to four lines. */
  title: string;
  /** A line under the title, e.g. the topic's summary. */
  subtitle?: string;
  /** The line of counts or topics near the bottom. */
  detail: string;
  /** The catalogue's name and host, in the footer. */
  site: string;
  host: string;
}

/** Cards for each kind of page. */
export const cards = {
  paper(title: string, topicNames: string[], hasCode: boolean, site: string, host: string): Card {
    return { kind: 'Paper', title, detail: [...topicNames, ...(hasCode ? ['code available'] : [])].join(' · '), site, host };
  },
  topic(name: string, summary: string, papers: number, withCode: number, site: string, host: string): Card {
    return { kind: 'Topic', title: name, subtitle: summary, detail: `${plural(papers, 'paper')} · ${withCode} with code`, site, host };
  },
  site(tagline: string, papers: number, topics: number, withCode: number, site: string, host: string): Card {
    return {
      kind: 'Catalogue',
      title: tagline,
      detail: `${plural(papers, 'paper')} · ${plural(topics, 'topic')} · ${withCode} with code`,
      site,
      host,
    };
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
