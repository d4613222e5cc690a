/**
 * Every URL the site links to is built here, so the site works at `/` and under a sub-path.
 * Paths end with a slash (the site uses `trailingSlash: 'always'`).
 */
import { DEFAULT_VIEW, viewPath, type ListView } from './lists.ts';

/** Joins a base (`/` or `/sub/`) and a path without a leading slash. */
function join(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b}${path.replace(/^\/+/u, '')}`;
}

/** The path of page `n` of a list view below its list: `a-z/`, `a-z/page/2/`. */
export const listPagePath = (view: Partial<ListView> = {}, n = 1): string =>
  `${viewPath({ ...DEFAULT_VIEW, ...view })}${n <= 1 ? '' : `page/${n}/`}`;

/** The files a paper's citation is offered as: BibTeX, RIS and CSL-JSON. */
export const CITATION_FORMATS = ['bib', 'ris', 'json'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

/** URL builders for a given base path. */
export function urlsFor(base: string) {
  return {
    home: (): string => join(base, ''),
    /** Page `n` of the index of all papers, in a view (`papers/`, `papers/a-z/page/2/`). */
    papers: (view: Partial<ListView> = {}, n = 1): string => join(base, `papers/${listPagePath(view, n)}`),
    paper: (id: string): string => join(base, `papers/${id}/`),
    /** A paper's citation as BibTeX, RIS or CSL-JSON (`papers/<id>/citation.ris`). */
    citation: (id: string, format: CitationFormat): string => join(base, `papers/${id}/citation.${format}`),
    topics: (): string => join(base, 'topics/'),
    /** Page `n` of a topic's papers, in a view. */
    topic: (id: string, view: Partial<ListView> = {}, n = 1): string => join(base, `topics/${id}/${listPagePath(view, n)}`),
    topicFeed: (id: string): string => join(base, `topics/${id}/rss.xml`),
    topicBibtex: (id: string): string => join(base, `topics/${id}/papers.bib`),
    feed: (): string => join(base, 'rss.xml'),
    json: (): string => join(base, 'papers.json'),
    jsonSchema: (): string => join(base, 'papers.schema.json'),
    readingList: (query = ''): string => join(base, `reading-list/${query}`),
    search: (query?: string): string => join(base, query ? `search/?q=${encodeURIComponent(query)}` : 'search/'),
    asset: (path: string): string => join(base, path),
    /** A page's link-preview image (drawn by src/integrations/previews). */
    ogImage: (kind: 'paper' | 'topic' | 'site', id = 'index'): string => join(base, `previews/${kind}/${id}.png`),
  };
}

export type Urls = ReturnType<typeof urlsFor>;

/** URL builders for this build's base. */
export const urls: Urls = urlsFor(import.meta.env.BASE_URL);

/** An absolute URL on the configured site, for canonical links, feeds and previews. */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  return site ? new URL(path, site).href : path;
}
