/**
 * Search helpers shared by the pages that feed the Pagefind index and by the search page's
 * script: the URL state, exact-title matching, highlighting and ASCII aliases. Pure and tested.
 */

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
  return q === normaliseTitle(title) || q === normaliseTitle(asciiAlias(title) ?? '');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/gu, (c) => ESCAPES[c] ?? c);

/**
 * Escapes text and wraps the words that start with a query term in <mark>, the way Pagefind marks
 * its excerpts.
 */
export function highlight(text: string, query: string): string {
  const terms = normaliseTitle(query)
    .split(' ')
    .filter((t) => t.length > 1);
  return text
    .split(/([\p{L}\p{N}]+)/u)
    .map((part, i) => {
      const isWord = i % 2 === 1;
      const hit = isWord && terms.some((t) => normaliseTitle(part).startsWith(t));
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

/**
 * The excerpt a search result shows, taken from the abstract only, as plain-text parts.
 *
 * Pagefind indexes a paper's title together with its abstract, and weights the title higher, so its
 * own excerpt of a title match starts by repeating the heading shown just above it. This one starts
 * after the title: at the run of `length` words with the most matches in the abstract, or at the
 * abstract's start when only the title matched. Undefined, so that Pagefind's excerpt stands, when
 * the page text does not start with the title (or its ASCII spelling and the title) or Pagefind
 * split its words on U+200B rather than on spaces.
 */
export function abstractExcerpt(page: PagefindText, title: string, length: number): ExcerptPart[] | undefined {
  if (page.raw_content?.includes('\u200B')) return undefined;
  // Pagefind's word positions count words split on white space.
  const words = page.content.split(/[^\S\uFEFF]+/u);
  // The heading, after the ASCII spelling that titles with Greek letters or scripts are indexed with.
  const alias = asciiAlias(title);
  const heads = [title, ...(alias ? [`${alias} ${title}`] : [])].map(normaliseTitle).filter(Boolean);
  const longest = Math.max(0, ...heads.map((h) => h.length));
  let from = 0;
  for (let k = 1; k < words.length; k++) {
    const start = normaliseTitle(words.slice(0, k).join(' '));
    if (heads.includes(start)) from = k;
    if (start.length >= longest) break;
  }
  if (from === 0) return undefined;
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
}

/**
 * Topics whose name the query names: every word of the query starts a word of the topic's name
 * (or of its ASCII spelling, so "muP" finds "Hyperparameter transfer (μP)"). Topics are a small
 * closed vocabulary already on the search page, so this costs no index and no download.
 */
export function matchTopics(query: string, topics: readonly TopicOption[]): TopicOption[] {
  const words = normaliseTitle(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  return topics.filter((topic) => {
    const names = [topic.name, asciiAlias(topic.name) ?? ''].map((n) => normaliseTitle(n).split(' '));
    return names.some((name) =>
      words.every((w) => name.some((part) => part.startsWith(w) || (w.length > 3 && part.startsWith(w.replace(/s$/u, ''))))),
    );
  });
}
