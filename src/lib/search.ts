/**
 * Search helpers shared by the pages that feed the Pagefind index and by the search page's
 * script: the URL state, exact-title matching, highlighting and ASCII aliases. Pure and tested.
 */
import { GREEK_LATIN } from './text.ts';

/** Words that say nothing on their own: they name no topic, and every abstract holds them. */
const STOP_WORDS = new Set('a an and are as at by for from in into is of on or the to towards using via with without'.split(' '));

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

/**
 * The query Pagefind searches: the words typed without stop words ("of", "the", "for"), which
 * every abstract holds, so each would fetch one of the largest index chunks (100 KB at 10 000
 * papers) and rank nothing. A query of stop words only, or with a quoted phrase, stays as typed.
 */
export function pagefindQuery(query: string): string {
  if (/["“”]/u.test(query)) return query.trim();
  const words = query.split(/\s+/u).filter(Boolean);
  const kept = words.filter((w) => !STOP_WORDS.has(w.toLowerCase()));
  return (kept.length > 0 ? kept : words).join(' ');
}

/** Pagefind filters for a state: all selected topics (AND), and code when asked for. */
export function filtersFor(state: SearchState): Record<string, string | string[]> {
  const filters: Record<string, string | string[]> = {};
  if (state.topics.length) filters['topic'] = state.topics;
  if (state.code) filters['code'] = 'yes';
  return filters;
}

const GREEK_ASCII: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  θ: 'theta',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  ν: 'nu',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  τ: 'tau',
  φ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
};

/**
 * How people type a title on an ASCII keyboard: Greek letters spelled out, scripts as digits,
 * accents dropped (`μP` → `muP`, `SP²OT` → `SP2OT`). Undefined when it equals the title.
 */
export function asciiAlias(title: string): string | undefined {
  const alias = [...title.normalize('NFKD')]
    .map((c) => GREEK_ASCII[c.toLowerCase()] ?? c)
    .join('')
    .replace(/\p{M}/gu, '');
  return alias === title ? undefined : alias;
}

/**
 * The words people type for Greek letters and scripts that a text does not hold itself: `muP`
 * for μP, `DepsilonpS` and `DepS` for DεpS, `SP2OT` for SP²OT. Indexed as hidden text beside the
 * title (with its weight) and the abstract, so those spellings find the paper too.
 */
export function asciiSpellings(text: string): string[] {
  const wordsOf = (t: string): string[] => t.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const own = new Set(wordsOf(text));
  const words = titleForms(text)
    .slice(1)
    .flatMap(wordsOf)
    // Only words a reader would type: not a lone letter, not a bare number, not already there.
    .filter((w) => w.length > 1 && /\p{L}/u.test(w) && !own.has(w));
  return [...new Set(words)];
}

/** A title as written, with Greek letters spelled out (μP → muP), and in Latin letters (DεpS → DepS). */
function titleForms(title: string): string[] {
  const latin = [...title.normalize('NFC')]
    .map((c) => GREEK_LATIN[c] ?? c)
    .join('')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
  return [...new Set([title, asciiAlias(title) ?? title, latin])];
}

/** Normalises text for comparing a query with a title: case, accents, punctuation and spacing. */
export function normaliseTitle(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when the query is the title (or its ASCII alias), give or take case and punctuation. */
export function isExactTitle(query: string, title: string): boolean {
  const q = normaliseTitle(query);
  if (!q) return false;
  // The whole title, or the name before its colon ("GPipe", "DepS"), in any of its spellings.
  return titleForms(title).some((form) => q === normaliseTitle(form) || q === normaliseTitle(form.split(':')[0] ?? ''));
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/gu, (c) => ESCAPES[c] ?? c);

/**
 * Escapes text and wraps the words that start with a query term in <mark>, the way Pagefind marks
 * its excerpts.
 */
export function highlight(text: string, query: string): string {
  const all = normaliseTitle(query).split(' ').filter(Boolean);
  const content = all.filter((t) => !STOP_WORDS.has(t));
  const terms = (content.length > 0 ? content : all)
    .filter((t) => t.length > 1)
    // Pagefind stems what it matches, so "laws" also finds "Law".
    .map((t) => (t.length > 3 ? t.replace(/e?s$/u, '') : t));
  return text
    .split(/([\p{L}\p{N}]+)/u)
    .map((part, i) => {
      const isWord = i % 2 === 1;
      const forms = isWord ? [normaliseTitle(part), normaliseTitle(asciiAlias(part) ?? '')].filter(Boolean) : [];
      const hit = forms.some((form) => terms.some((t) => form.startsWith(t)));
      return hit ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part);
    })
    .join('');
}

/** A run of excerpt text, marked when it is a word the query matched. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/** Pagefind's own excerpt (text with `<` and `>` escaped, matched words in <mark>) as parts. */
export function excerptParts(excerpt: string): ExcerptPart[] {
  return excerpt
    .split(/(<mark>.*?<\/mark>)/u)
    .filter(Boolean)
    .map((part) => {
      const m = /^<mark>(.*)<\/mark>$/u.exec(part);
      return { text: (m?.[1] ?? part).replace(/&lt;/gu, '<').replace(/&gt;/gu, '>'), mark: Boolean(m) };
    });
}

/** What the excerpt needs of a Pagefind result: its page text, and the word positions that matched. */
export interface PagefindText {
  /** The page's indexed text. */
  content: string;
  /** The same text with `<` and `>` escaped and, where Pagefind split words itself, U+200B kept. */
  raw_content?: string;
  locations?: number[];
}

/** How many words of hidden spellings may come before the title in a page's indexed text. */
const MAX_LEAD_WORDS = 200;

/**
 * The excerpt a search result shows, taken from the abstract only, as plain-text parts.
 *
 * Pagefind indexes a paper's title together with its abstract, and weights the title higher, so its
 * own excerpt of a title match starts by repeating the heading shown just above it. This one starts
 * after the title: at the run of `length` words with the most matches in the abstract, or at the
 * abstract's start when only the title matched. Undefined, so that Pagefind's excerpt stands, when
 * the title is not near the start of the page text (after the hidden ASCII spellings) or Pagefind
 * split its words on U+200B rather than on spaces.
 */
export function abstractExcerpt(page: PagefindText, title: string, length: number): ExcerptPart[] | undefined {
  if (page.raw_content?.includes('\u200B')) return undefined;
  // Pagefind's word positions count words split on white space.
  const words = page.content.split(/[^\S\uFEFF]+/u);
  // The heading, which follows the hidden ASCII spellings of Greek letters and scripts.
  const target = normaliseTitle(title);
  let from = 0;
  lead: for (let j = 0; j < Math.min(words.length, MAX_LEAD_WORDS) && target; j++) {
    for (let k = j + 1; k <= words.length; k++) {
      const run = normaliseTitle(words.slice(j, k).join(' '));
      if (run === target) {
        from = k;
        break lead;
      }
      if (run.length >= target.length) break;
    }
  }
  if (from === 0 || from >= words.length) return undefined;
  const hits = new Set((page.locations ?? []).filter((l) => l >= from && l < words.length));
  const sorted = [...hits].sort((a, b) => a - b);
  // The earliest window holding the most matches, opening a few words before its first.
  let start = from;
  let best = 0;
  for (const hit of sorted) {
    const s = Math.max(from, hit - 3);
    const n = sorted.filter((h) => h >= s && h < s + length).length;
    if (n > best) [start, best] = [s, n];
  }
  start = Math.max(from, Math.min(start, words.length - length));
  const end = Math.min(words.length, start + length);
  const parts: ExcerptPart[] = [];
  const add = (text: string, mark: boolean): void => {
    const last = parts.at(-1);
    if (last && !last.mark && !mark) last.text += text;
    else parts.push({ text, mark });
  };
  if (start > from) add('… ', false);
  for (let i = start; i < end; i++) {
    if (i > start) add(' ', false);
    add(words[i] ?? '', hits.has(i));
  }
  if (end < words.length) add(' …', false);
  return parts;
}

export interface TopicOption {
  id: string;
  name: string;
  /** Other names readers search for: abbreviations and spellings. */
  aliases?: readonly string[];
}

/** British -is- spellings folded to -iz-, so "optimiser" and "optimizer" compare equal. */
const foldSpelling = (word: string): string => word.replace(/(?<=\p{L}{3})is(?=[aei])/gu, 'iz');

/** The words of a query or a name that can identify a topic: no stop words, no lone letters. */
function topicWords(text: string): string[] {
  return normaliseTitle(text)
    .split(' ')
    .filter((w) => w && !STOP_WORDS.has(w) && (w.length > 1 || /\p{N}/u.test(w)))
    .map(foldSpelling);
}

/** A word without its plural ending: "experts" → "expert", "classes" → "class". */
const singular = (word: string): string => (word.length > 3 ? word.replace(/(?<=[^s])e?s$/u, '') : word);

/** The same word, give or take a plural ending. */
const sameWord = (a: string, b: string): boolean => a === b || singular(a) === singular(b);

/**
 * The topics a query names, for the group shown above the paper results. A topic matches when
 * the query is its name or one of its aliases, word for word, the last word possibly half typed
 * ("mixture of exp", "MoE", "muP" for "Hyperparameter transfer (μP)"), or when the query contains
 * its whole name or an alias as words ("video generation", "scaling laws for language models",
 * but not "zero-shot" for ZeRO). Stop words and single letters are ignored, and British and
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
    const contained = names.some(({ words: name }) => name.every((word) => words.some((q) => sameWord(q, word))));
    if (!named && !contained) return [];
    // A query that the name answers comes before one an alias answers, and both before a query
    // that merely contains a name.
    const rank = named ? (named.isName ? 0 : 1) : 2;
    return [{ topic, rank }];
  });
  return scored.sort((a, b) => a.rank - b.rank).map((s) => s.topic);
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
