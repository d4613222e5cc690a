/**
 * The search page's state: what a shared URL holds, the pause before searching, Pagefind's filters
 * and the status line. No word toolkit here, so the page can read its URL before the first
 * keystroke without loading it. Pure and tested.
 */

/** What a shared search URL (`?q=…&topic=…&code=1&all=1`) holds. */
export interface SearchState {
  query: string;
  topics: string[];
  code: boolean;
  /** Only papers with every word of the query, even when none has them all. */
  all?: boolean;
}

export function readState(params: URLSearchParams): SearchState {
  const topics = [...new Set(params.getAll('topic').map((t) => t.trim()))].filter(Boolean).sort();
  return { query: (params.get('q') ?? '').trim(), topics, code: params.get('code') === '1', all: params.get('all') === '1' };
}

/** The query string for a state, empty parts left out, so equal states give equal URLs. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set('q', state.query.trim());
  for (const topic of [...state.topics].sort()) params.append('topic', topic);
  if (state.code) params.set('code', '1');
  if (state.all && state.query.trim()) params.set('all', '1');
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** How long the page waits after a keystroke before it searches. */
export const DEBOUNCE_MS = 120;
/** How long it waits when the word being typed has only one or two characters. */
export const SHORT_WORD_DEBOUNCE_MS = 600;

/**
 * The pause after a keystroke before searching `query`. Pagefind matches the words typed so far as
 * prefixes, so a word of one or two letters fetches the index of every word that starts with them;
 * the page waits longer while the word being typed is that short. Enter searches at once.
 */
export function debounceFor(query: string): number {
  const typing = /(\S+)$/u.exec(query)?.[1];
  return typing !== undefined && [...typing].length < 3 ? SHORT_WORD_DEBOUNCE_MS : DEBOUNCE_MS;
}

/** Pagefind filters for a state: all selected topics (AND), and code when asked for. */
export function filtersFor(state: SearchState): Record<string, string | string[]> {
  const filters: Record<string, string | string[]> = {};
  if (state.topics.length) filters['topic'] = state.topics;
  if (state.code) filters['code'] = 'yes';
  return filters;
}

/** The status line for a search: how many papers, for which query, within which filters. */
export function describeResults(count: number, state: SearchState, topicName: (id: string) => string): string {
  const names = state.topics.map(topicName);
  const within = [
    state.query ? `for “${state.query.replace(/^["“”](.*)["“”]$/u, '$1')}”` : '',
    names.length ? `in ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}` : names[0]}` : '',
    state.code ? 'with code' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const found = count === 0 ? 'No papers found' : `${count} ${count === 1 ? 'paper' : 'papers'} found`;
  return within ? `${found} ${within}.` : `${found}.`;
}
