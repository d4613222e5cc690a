/**
 * Every route of the site, computed once from the catalogue and passed whole to its page as props,
 * so pages never look data up again (as Starlight's routing does). Paged lists use Astro's
 * paginate(); their page URLs keep the site's published scheme (`page/2/` under the list, after
 * the view: `a-z/page/2/`), so the pages' `url` fields are rebuilt from urls.ts.
 */
import type { Page, PaginateFunction } from 'astro';
import type { CollectionEntry } from 'astro:content';
import { getCatalogue, previewCards, type Catalogue } from './content';
import { CITATION_FORMATS, listPagePath, urls, type CitationFormat } from './lib/urls';
import { ALL_VIEWS, DEFAULT_VIEW, letterBar, viewPapers, type Letter, type ListView } from './lib/lists';
import { PAGE_SIZE } from './lib/pagination';
import type { Paper, Topic } from './lib/papers';
import type { Also } from './lib/search-text';
import type { Neighbours, RelatedTopic } from './lib/views';

/** What a page of a paper list shows. */
export interface ListProps {
  page: Page<Paper>;
  view: ListView;
  /** The views of this list, for its links to the others. */
  views: ListView[];
  topicById: Map<string, Topic>;
  /** The A–Z bar, on the A–Z view. */
  letters: Letter[];
}

/**
 * The pages of a list in each of its views: Astro's paginate() over the view's papers, with the
 * `page` parameter and URLs of the site's scheme.
 */
function listRoutes(
  paginate: PaginateFunction,
  catalogue: Catalogue,
  papers: readonly Paper[],
  views: ListView[],
  url: (view: ListView, n: number) => string,
  params: Record<string, string> = {},
  props: Record<string, unknown> = {},
) {
  return views.flatMap((view) => {
    const shown = viewPapers(papers, view);
    const letters = view.order === 'title' ? letterBar(shown, PAGE_SIZE) : [];
    return paginate(shown, {
      pageSize: PAGE_SIZE,
      params,
      props: { ...props, view, views, topicById: catalogue.topicById, letters },
    }).map((route) => {
      const n = route.props.page.currentPage;
      const last = route.props.page.lastPage;
      const page = {
        ...route.props.page,
        url: {
          current: url(view, n),
          prev: n > 1 ? url(view, n - 1) : undefined,
          next: n < last ? url(view, n + 1) : undefined,
          first: n > 1 ? url(view, 1) : undefined,
          last: n < last ? url(view, last) : undefined,
        },
      };
      const rest = listPagePath(view, n).replace(/\/$/u, '');
      return { params: { ...route.params, page: rest || undefined }, props: { ...route.props, page } };
    });
  });
}

/** What the home page shows: the catalogue's size, its topics and the first page of the index. */
export async function homeProps() {
  const { papers, topicSizes, topicById, stats } = await getCatalogue();
  const listed = viewPapers(papers, DEFAULT_VIEW);
  return {
    stats,
    topicSizes,
    topicById,
    papers: listed.slice(0, PAGE_SIZE),
    pages: Math.max(1, Math.ceil(listed.length / PAGE_SIZE)),
  };
}

/** The paper index: /papers/, its views and their pages. */
export async function paperIndexRoutes(paginate: PaginateFunction) {
  const catalogue = await getCatalogue();
  return listRoutes(paginate, catalogue, catalogue.papers, ALL_VIEWS, (view, n) => urls.papers(view, n));
}

/** What a topic page shows besides its papers. */
export interface TopicProps extends ListProps {
  topic: Topic;
  related: RelatedTopic[];
  /** The curated overview, when the topic has one. */
  overview?: CollectionEntry<'topics'>;
}

/** Each topic's page: /topics/<id>/, its views and their pages. */
export async function topicRoutes(paginate: PaginateFunction) {
  const catalogue = await getCatalogue();
  return catalogue.topics.flatMap((topic) =>
    listRoutes(
      paginate,
      catalogue,
      catalogue.byTopic.get(topic.id) ?? [],
      ALL_VIEWS,
      (view, n) => urls.topic(topic.id, view, n),
      { id: topic.id },
      { topic, related: catalogue.relatedTopics(topic.id), overview: catalogue.overviewById.get(topic.id) },
    ),
  );
}

/** What a paper's page shows. */
export interface PaperProps {
  paper: Paper;
  entry: CollectionEntry<'papers'>;
  topics: Topic[];
  neighbours: Neighbours;
  /** Related papers, with the key phrases and the topics each shares with this one. */
  related: { paper: Paper; shared: string[]; topics: string[] }[];
  /** The forms of its words a reader may type that the page does not hold, for the search index. */
  searchTerms: { title: Also[]; abstract: Also[] };
  /** Its citation key (citation.ts). */
  citeKey: string;
}

/** Each paper's page: /papers/<id>/. */
export async function paperRoutes() {
  const catalogue = await getCatalogue();
  return catalogue.papers.flatMap((paper) => {
    const entry = catalogue.entryById.get(paper.id);
    if (!entry) return [];
    const props: PaperProps = {
      paper,
      entry,
      topics: paper.topics.flatMap((id) => catalogue.topicById.get(id) ?? []),
      neighbours: catalogue.neighbours.get(paper.id) ?? {},
      related: catalogue.related(paper.id).flatMap((r) => {
        const other = catalogue.paperById.get(r.id);
        const topics = other?.topics.filter((t) => paper.topics.includes(t)).flatMap((t) => catalogue.topicById.get(t)?.name ?? []);
        return other ? [{ paper: other, shared: r.shared, topics: topics ?? [] }] : [];
      }),
      searchTerms: catalogue.searchTerms(paper),
      citeKey: catalogue.citeKeys.get(paper.id) ?? paper.id,
    };
    return [{ params: { id: paper.id }, props }];
  });
}

/** Each topic's feed and BibTeX file: one route per topic, with its papers and their citation keys. */
export async function topicExportRoutes() {
  const catalogue = await getCatalogue();
  return catalogue.topics.map((topic) => ({
    params: { id: topic.id },
    props: { topic, papers: catalogue.byTopic.get(topic.id) ?? [], topicById: catalogue.topicById, citeKeys: catalogue.citeKeys },
  }));
}

/** What a paper's citation file holds: the paper and its key. */
export interface CitationProps {
  paper: Paper;
  key: string;
  format: CitationFormat;
}

/** Each paper's citation files: /papers/<id>/citation.bib, .ris and .json (CSL-JSON). */
export async function paperCitationRoutes() {
  const catalogue = await getCatalogue();
  return catalogue.papers.flatMap((paper) =>
    CITATION_FORMATS.map((format) => {
      const props: CitationProps = { paper, key: catalogue.citeKeys.get(paper.id) ?? paper.id, format };
      return { params: { id: paper.id, format }, props };
    }),
  );
}

/** Each preview image: /previews/<kind>/<id>.png, with the card it draws. */
export async function previewRoutes() {
  return previewCards(await getCatalogue()).map(({ kind, id, card }) => ({ params: { kind, id }, props: { card } }));
}
