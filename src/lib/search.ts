/**
 * The search page's logic: the URL state, the query Pagefind runs, the topics a query names and
 * the status line. Pure and tested; the text helpers (spellings, highlighting, excerpts) are in
 * search-text.ts.
 */
import { americanSpelling, normaliseTitle, asciiAlias, STOP_WORDS } from './search-text.ts';
import { stem } from './text.ts';

/** What a shared search URL (`?q=…&topic=…&code=1`) holds. */
export interface SearchState {
  query: string;
  topics: string[];
  code: boolean;
}

export function readState(params: URLSearchParams): SearchState {
  const topics = [
    ...new Set(
      params
        .getAll('topic')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ].sort();
  return { query: (params.get('q') ?? '').trim(), topics, code: params.get('code') === '1' };
}

/** The query string for a state, empty parts left out, so equal states give equal URLs. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set('q', state.query.trim());
  for (const topic of [...state.topics].sort()) params.append('topic', topic);
  if (state.code) params.set('code', '1');
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** How long the page waits after a keystroke before it searches. */
export const DEBOUNCE_MS = 120;
/** How long it waits when the word being typed has only one or two characters. */
export const SHORT_WORD_DEBOUNCE_MS = 600;

/**
 * The pause after a keystroke before searching `query`. Pagefind matches the words typed so far as
 * prefixes, so searching a word of one or two letters fetches the index for every word that starts
 * with them: hundreds of KB in a large catalogue, for results nobody waits for. So the page waits
 * longer while the word being typed is that short; a short word that is the whole point ("3D")
 * still searches after a moment, and Enter searches at once.
 */
export function debounceFor(query: string): number {
  const typing = /(\S+)$/u.exec(query)?.[1];
  return typing !== undefined && [...typing].length < 3 ? SHORT_WORD_DEBOUNCE_MS : DEBOUNCE_MS;
}

/** How many papers a catalogue needs before any of its words counts as common. */
export const COMMON_WORDS_MIN_PAPERS = 50;
/** The share of the papers that a common word appears in. */
export const COMMON_WORDS_SHARE = 0.8;

/** A query word as commonWords counts it: normalised and stemmed; undefined if it is several words. */
function wordKey(word: string): string | undefined {
  const normal = normaliseTitle(word);
  return normal && !normal.includes(' ') ? stem(normal) : undefined;
}

/**
 * The words that nearly every paper of the catalogue holds besides the stop words: those in at
 * least 80% of the titles and abstracts ("model", "we", "that"), counted with their plurals.
 * Each ranks almost nothing, since almost every paper matches it, and its index chunk is one of
 * Pagefind's largest: "model" alone is 100 KB at 10 000 papers, a third of a query's budget.
 * Empty below 50 papers, where one paper's words would already count.
 */
export function commonWords(texts: readonly string[], share = COMMON_WORDS_SHARE): string[] {
  if (texts.length < COMMON_WORDS_MIN_PAPERS) return [];
  const counts = new Map<string, number>();
  for (const text of texts) {
    const words = new Set(normaliseTitle(text).split(' ').filter(Boolean).map(stem));
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts]
    .filter(([word, n]) => n >= share * texts.length && !STOP_WORDS.has(word))
    .map(([word]) => word)
    .sort();
}

/**
 * The query Pagefind searches: the words typed without stop words ("of", "the", "for"), and
 * without the catalogue's common words (see commonWords) when rarer words remain: both are in
 * nearly every abstract, so each would fetch one of the largest index chunks and rank nothing.
 * "diffusion models" searches "diffusion". A query of such words only keeps its content words
 * (all its words, if it has only stop words); a query with a quoted phrase stays as typed.
 */
export function pagefindQuery(query: string, common: ReadonlySet<string> = new Set()): string {
  if (/["“”]/u.test(query)) return query.trim();
  const words = query.split(/\s+/u).filter(Boolean);
  const content = words.filter((w) => !STOP_WORDS.has(w.toLowerCase()));
  const rare = content.filter((w) => {
    const key = wordKey(w);
    return key === undefined || !common.has(key);
  });
  return (rare.length > 0 ? rare : content.length > 0 ? content : words).join(' ');
}

/** Pagefind filters for a state: all selected topics (AND), and code when asked for. */
export function filtersFor(state: SearchState): Record<string, string | string[]> {
  const filters: Record<string, string | string[]> = {};
  if (state.topics.length) filters['topic'] = state.topics;
  if (state.code) filters['code'] = 'yes';
  return filters;
}

export interface TopicOption {
  id: string;
  name: string;
  /** Other names readers search for: abbreviations and spellings. */
  aliases?: readonly string[];
}

/** The words of a query or a name that can identify a topic: no stop words, no lone letters. */
function topicWords(text: string): string[] {
  return normaliseTitle(text)
    .split(' ')
    .filter((w) => w && !STOP_WORDS.has(w) && (w.length > 1 || /\p{N}/u.test(w)))
    .map(americanSpelling);
}

/** A word without its plural ending, as the stemmer has it and without -es ("patches" → "patch"). */
const singulars = (word: string): string[] => [stem(word), word.length > 4 ? word.replace(/es$/u, '') : word];

/** The same word, give or take a plural ending. */
const sameWord = (a: string, b: string): boolean => a === b || singulars(a).some((s) => singulars(b).includes(s));

/**
 * The topics a query names, for the group shown above the paper results. A topic matches when
 * the query is its name or one of its aliases, word for word, the last word possibly half typed
 * ("mixture of exp", "MoE", "muP" for "Hyperparameter transfer (μP)"), or when the query contains
 * its whole name or an alias as words ("video generation", "scaling laws for language models",
 * but not "variational" for VAR). Stop words and single letters are ignored, and British and
 * American spellings match. Topics whose name matches come first. Topics are a small closed
 * vocabulary already on the search page, so this costs no download.
 */
export function matchTopics(query: string, topics: readonly TopicOption[]): TopicOption[] {
  const words = topicWords(query);
  if (words.length === 0) return [];
  const typing = words.length - 1;
  const scored = topics.flatMap((topic) => {
    const names = [topic.name, ...(topic.aliases ?? [])].flatMap((n, i) =>
      [n, asciiAlias(n) ?? ''].map((form) => ({ words: topicWords(form), isName: i === 0 })).filter((f) => f.words.length > 0),
    );
    const named = names.find(({ words: name }) =>
      words.every((q, i) => name.some((word) => sameWord(q, word) || (i === typing && word.startsWith(q)))),
    );
    const contained = names.filter(({ words: name }) => name.every((word) => words.some((q) => sameWord(q, word))));
    if (!named && contained.length === 0) return [];
    // A query that the name answers comes before one an alias answers, and both before a query
    // that merely contains a name; of those, the longer name ("video diffusion models" is about
    // Diffusion models before Video), then the one the query says first ("scaling laws for
    // language models" names Scaling laws before Language models).
    const rank = named ? (named.isName ? 0 : 1) : 2;
    const length = Math.max(0, ...contained.map((c) => c.words.length));
    const at = Math.min(words.length, ...contained.map(({ words: name }) => words.findIndex((q) => sameWord(q, name[0] ?? ''))));
    return [{ topic, rank, length, at }];
  });
  return scored.sort((a, b) => a.rank - b.rank || b.length - a.length || a.at - b.at).map((s) => s.topic);
}

/**
 * The state with its topics resolved against the vocabulary: a topic given by its name instead of
 * its id ("Scaling laws") becomes the id, and one that names no topic is dropped, so a mistyped
 * link never applies a filter that the page cannot show or remove.
 */
export function resolveTopics(state: SearchState, topics: readonly TopicOption[]): SearchState {
  const byKey = new Map<string, string>();
  for (const t of topics) {
    byKey.set(normaliseTitle(t.name), t.id);
    byKey.set(t.id, t.id);
  }
  const resolved = state.topics.flatMap((t) => {
    const id = byKey.get(t) ?? byKey.get(normaliseTitle(t));
    return id ? [id] : [];
  });
  return { ...state, topics: [...new Set(resolved)].sort() };
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
