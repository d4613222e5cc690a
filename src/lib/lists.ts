/**
 * The ways a list of papers can be shown (the paper index, a topic page): its order and whether it
 * holds only papers with code. Each view has its own static pages and URL (no JavaScript needed),
 * built from its path here and in urls.ts.
 */
import { byListingOrder, byTitle, type Paper } from './papers.ts';

export type Order = 'listing' | 'title';

export interface ListView {
  order: Order;
  /** Only papers that link their code. */
  code: boolean;
}

/** The view a list's own URL shows. */
export const DEFAULT_VIEW: ListView = { order: 'listing', code: false };

/** What each order is called in a link and a page title, and its URL segment. */
export const ORDER_NAMES: ReadonlyMap<Order, { label: string; title: string; segment: string }> = new Map([
  ['listing', { label: 'Listing order', title: 'listing order', segment: 'listing' }],
  ['title', { label: 'A–Z', title: 'A–Z by title', segment: 'a-z' }],
]);

/**
 * The path of a view below its list's URL: '' for the default view, then the order's segment
 * unless it is the default, then `code/`: `a-z/`, `code/`, `a-z/code/`.
 */
export function viewPath(view: ListView): string {
  const segment = view.order === DEFAULT_VIEW.order ? '' : `${ORDER_NAMES.get(view.order)?.segment ?? view.order}/`;
  return `${segment}${view.code ? 'code/' : ''}`;
}

const COMPARE: ReadonlyMap<Order, (a: Paper, b: Paper) => number> = new Map([
  ['listing', byListingOrder],
  ['title', byTitle],
]);

/** The papers a view shows, in its order. */
export function viewPapers(papers: readonly Paper[], view: ListView): Paper[] {
  const shown = view.code ? papers.filter((p) => p.hasCode) : [...papers];
  return shown.sort(COMPARE.get(view.order) ?? byListingOrder);
}
