/** The shapes of the RSS items and the JSON export, built from papers. Pure, so they are tested. */
import type { Link } from './links.ts';
import type { Paper, Topic } from './papers.ts';
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

/** RSS items for papers: plain-text title and abstract, absolute link, topic names as categories. */
export function feedItems(papers: readonly Paper[], topicById: Map<string, Topic>, urls: Urls, site: URL | string | undefined): FeedItem[] {
  return papers.map((paper) => ({
    title: paper.titleText,
    link: absoluteUrl(urls.paper(paper.id), site),
    description: paper.abstractText,
    categories: paper.topics.map((id) => topicById.get(id)?.name ?? id),
  }));
}

/** One paper in papers.json. The README documents this shape. */
interface PaperRecord {
  id: string;
  title: string;
  abstract: string;
  topics: string[];
  links: Link[];
  url: string;
}

export interface PapersExport {
  name: string;
  url: string;
  count: number;
  papers: PaperRecord[];
}

export function papersExport(name: string, papers: readonly Paper[], urls: Urls, site: URL | string | undefined): PapersExport {
  return {
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
    })),
  };
}
