/**
 * The ways a list of papers can be shown (the paper index, a topic page): its order and whether it
 * holds only papers with code. Each view has its own static pages and URL (no JavaScript needed),
 * built from its path here and in urls.ts.
 */
import { byListingOrder, byNewest, byTitle, type Paper } from './papers.ts';
import { fold } from './words.ts';

export type Order = 'newest' | 'title' | 'listing';

export interface ListView {
  order: Order;
  /** Only papers that link their code. */
  code: boolean;
}

/** The view a list's own URL shows. */
export const DEFAULT_VIEW: ListView = { order: 'newest', code: false };

/** Every view of a list: each order, with and without the papers lacking code. */
export const ALL_VIEWS: ListView[] = [false, true].flatMap((code) =>
  (['newest', 'title', 'listing'] as const).map((order) => ({ order, code })),
);

/** What each order is called in a link and a page title, and its URL segment. */
export const ORDER_NAMES: ReadonlyMap<Order, { label: string; title: string; segment: string }> = new Map([
  ['newest', { label: 'Newest', title: 'newest first', segment: 'newest' }],
  ['title', { label: 'A–Z', title: 'A–Z by title', segment: 'a-z' }],
  ['listing', { label: 'Listing order', title: 'in listing order', segment: 'listing' }],
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
  ['newest', byNewest],
  ['listing', byListingOrder],
  ['title', byTitle],
]);

/** The papers a view shows, in its order. */
export function viewPapers(papers: readonly Paper[], view: ListView): Paper[] {
  const shown = view.code ? papers.filter((p) => p.hasCode) : [...papers];
  return shown.sort(COMPARE.get(view.order) ?? byNewest);
}

/** A letter of the A–Z bar: where the first title under it is, or nothing when no title starts with it. */
export interface Letter {
  letter: string;
  /** The page of the A–Z list it starts on, and the id of the paper it starts with. */
  at?: { page: number; id: string };
}

/** The letter a title files under: its first letter or digit, folded to A–Z; "#" for digits and other scripts. */
export function fileUnder(title: string): string {
  const first = /[\p{L}\p{N}]/u.exec(fold(title))?.[0]?.toUpperCase() ?? '#';
  return /^[A-Z]$/u.test(first) ? first : '#';
}

/** The A–Z bar of a list of papers in title order, paged `pageSize` to a page: "#", then A to Z. */
export function letterBar(papers: readonly Paper[], pageSize: number): Letter[] {
  const starts = new Map<string, { page: number; id: string }>();
  papers.forEach((p, i) => {
    const letter = fileUnder(p.titleText);
    if (!starts.has(letter)) starts.set(letter, { page: Math.floor(i / pageSize) + 1, id: p.id });
  });
  return ['#', ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter) => {
    const at = starts.get(letter);
    return at ? { letter, at } : { letter };
  });
}

/** The id of the card a letter of the A–Z bar links to. */
export const letterAnchor = (letter: string): string => (letter === '#' ? 'titles-0-9' : `titles-${letter.toLowerCase()}`);

/** What a view adds to its list's title: nothing for the default, else ", with code" and its order (", A–Z by title"). */
export function viewTitle(view: ListView): string {
  const order = view.order === DEFAULT_VIEW.order ? '' : `, ${ORDER_NAMES.get(view.order)?.title ?? view.order}`;
  return `${view.code ? ', with code' : ''}${order}`;
}
