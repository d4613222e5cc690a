/**
 * The search page's words: the common words, the query Pagefind runs, the papers that hold most of
 * a query's words when none holds all, and the topics a query names. Words are the word toolkit's
 * (words.ts), so the page and the index agree on what a word is; the search page loads this with
 * the first query. Pure and tested.
 */
import type { SearchState } from './search-state.ts';
import { contentWords, stem, STOP_WORDS, words } from './words.ts';

/** How many papers a catalogue needs before any of its words counts as common. */
export const COMMON_WORDS_MIN_PAPERS = 50;

/**
 * The stems that nearly every paper holds besides the stop words: in at least 80% of the titles
 * and abstracts ("model", "result"). Each ranks almost nothing, and its index chunk is one of
 * Pagefind's largest ("model" alone is 100 KB at 10 000 papers). Empty below 50 papers.
 */
export function commonWords(texts: readonly string[], share = 0.8): string[] {
  if (texts.length < COMMON_WORDS_MIN_PAPERS) return [];
  const counts = new Map<string, number>();
  for (const text of texts) for (const s of new Set(contentWords(text).map(stem))) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n >= share * texts.length)
    .map(([s]) => s)
    .sort();
}

/** A typed word as Pagefind indexes it: TeX scripts and braces dropped (2^{128} and 2^128 are 2128). */
const asIndexed = (word: string): string => word.replace(/(?<=[\p{L}\p{N}])[\^_]\{?([\p{L}\p{N}]+)\}?/gu, '$1');

/**
 * The query Pagefind searches: the words typed, in Pagefind's form, without stop words and without
 * the catalogue's common words while rarer words remain ("diffusion models" searches "diffusion").
 * A query of such words only keeps its content words, or all its words; a quoted phrase stays.
 */
export function pagefindQuery(query: string, common: ReadonlySet<string> = new Set()): string {
  if (/["“”]/u.test(query)) return query.trim();
  const typed = query.split(/\s+/u).filter(Boolean).map(asIndexed);
  const every = (w: string, test: (word: string) => boolean): boolean => words(w).length > 0 && words(w).every(test);
  const content = typed.filter((w) => !every(w, (x) => STOP_WORDS.has(x)));
  const rare = content.filter((w) => !every(w, (x) => common.has(stem(x))));
  return (rare.length > 0 ? rare : content.length > 0 ? content : typed).join(' ');
}

/** The words of a query that Pagefind requires, each searched alone when no paper holds them all. */
export const queryWords = (query: string, common: ReadonlySet<string> = new Set()): string[] => [
  ...new Set(pagefindQuery(query, common).split(' ').filter(Boolean)),
];

/** A paper found by some of the query's words, searched one at a time. */
export interface PartialHit<R> {
  result: R;
  /** The query's words this paper does not hold. */
  missing: string[];
}

/**
 * The papers that hold most of the words, when none holds all: from one search per word (ids and
 * scores, no text yet), those with the most words first, then by their summed score. Papers with
 * fewer than half of the words are left out, and so is everything for a single word.
 */
export function rankPartial<R extends { id: string; score: number }>(
  perWord: readonly { word: string; results: readonly R[] }[],
): PartialHit<R>[] {
  const found = new Map<string, { result: R; held: Set<string>; score: number }>();
  for (const { word, results } of perWord)
    for (const r of results) {
      const hit = found.get(r.id) ?? { result: r, held: new Set<string>(), score: 0 };
      hit.held.add(word);
      hit.score += r.score;
      found.set(r.id, hit);
    }
  const all = perWord.map((p) => p.word);
  return [...found.values()]
    .filter((h) => all.length > 1 && h.held.size * 2 >= all.length)
    .sort((a, b) => b.held.size - a.held.size || b.score - a.score)
    .map((h) => ({ result: h.result, missing: all.filter((w) => !h.held.has(w)) }));
}

export interface TopicOption {
  id: string;
  name: string;
  /** Other names readers search for: abbreviations, spellings and expansions. */
  aliases?: readonly string[];
}

/** The stems of the words of a query or a name that can identify a topic: no stop words, no lone letters. */
const topicStems = (text: string): string[] => contentWords(text).map(stem);

/**
 * The topics a query names, for the group shown above the paper results. A topic matches when
 * the query is its name or one of its aliases, word for word, the last word possibly half typed
 * ("mixture of exp", "MoE"), or when the query contains its whole name or an alias ("scaling laws
 * for language models", but not "variational" for VAR). Names before aliases, both before a name
 * inside the query; then the longer name, then the one the query says first.
 */
export function matchTopics(query: string, topics: readonly TopicOption[]): TopicOption[] {
  const typed = contentWords(query);
  const stems = typed.map(stem);
  if (stems.length === 0) return [];
  const last = stems.length - 1;
  const scored = topics.flatMap((topic) => {
    const names = [topic.name, ...(topic.aliases ?? [])]
      .map((n, i) => ({ stems: topicStems(n), words: contentWords(n), isName: i === 0 }))
      .filter((n) => n.stems.length > 0);
    const named = names.find((n) =>
      stems.every((q, i) => n.stems.includes(q) || (i === last && n.words.some((w) => w.startsWith(typed[last] ?? '')))),
    );
    const contained = names.filter((n) => n.stems.every((s) => stems.includes(s)));
    if (!named && contained.length === 0) return [];
    const rank = named ? (named.isName ? 0 : 1) : 2;
    const length = Math.max(0, ...contained.map((c) => c.stems.length));
    const at = Math.min(stems.length, ...contained.map((c) => stems.indexOf(c.stems[0] ?? '')));
    return [{ topic, rank, length, at }];
  });
  return scored.sort((a, b) => a.rank - b.rank || b.length - a.length || a.at - b.at).map((s) => s.topic);
}

/**
 * The state with its topics resolved against the vocabulary: a topic given by its name ("Scaling
 * laws") becomes its id, and one that names no topic is dropped, so a mistyped link never applies a
 * filter that the page cannot show or remove.
 */
export function resolveTopics(state: SearchState, topics: readonly TopicOption[]): SearchState {
  const key = (text: string): string => words(text).join(' ');
  const byKey = new Map<string, string>(topics.flatMap((t) => [[key(t.name), t.id] as const, [t.id, t.id] as const]));
  const resolved = state.topics.flatMap((t) => byKey.get(t) ?? byKey.get(key(t)) ?? []);
  return { ...state, topics: [...new Set(resolved)].sort() };
}
