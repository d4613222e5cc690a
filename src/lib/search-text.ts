/**
 * What a search result shows of a paper: its title with the words the query found marked, an
 * excerpt of its abstract around them, and whether the query is the title. Pagefind's index of a
 * paper holds its title, its abstract, then hidden words a reader may type instead of the page's
 * own (other spellings, ASCII for Greek, abbreviations and their expansions, digits for scripts),
 * each paired in the page's `also` metadata with the words it stands for, so a match on a hidden
 * word marks the words the reader sees. Pure and tested.
 */
import { contentWords, fold, stem, words } from './words.ts';

/** A hidden form and the words of the page it stands for ("quantisation" for "quantization"). */
export type Also = [hidden: string, shown: string];

const SEPARATOR = '|';

/** The `also` metadata of a page: pairs as `hidden=shown`, separated by `|`. */
export const writeAlso = (pairs: readonly Also[]): string => pairs.map(([h, s]) => `${h}=${s}`).join(SEPARATOR);
export const readAlso = (meta: string | undefined): Also[] =>
  (meta ?? '').split(SEPARATOR).flatMap((p) => (p.includes('=') ? [p.split('=', 2) as Also] : []));

/** A run of text, marked when it is a word the query found. */
export interface Part {
  text: string;
  mark: boolean;
}

/** What Pagefind returns of a page: its indexed text and the positions of the words it matched. */
export interface Found {
  content: string;
  locations?: number[] | undefined;
  title: string;
  also: Also[];
}

/**
 * Whether a word is one the query asks for, as the reader typed it: same stem, or the start of the
 * last word typed; for the words Pagefind did not search for itself (common words).
 */
export function queryMatcher(query: string): (word: string) => boolean {
  const typed = contentWords(query);
  const stems = new Set(typed.map(stem));
  const last = typed.at(-1);
  // An abstract repeats its words: each distinct word is stemmed once.
  const seen = new Map<string, boolean>();
  return (word) => {
    const asked =
      seen.get(word) ?? words(word).some((w) => stems.has(stem(w)) || (last !== undefined && last.length > 1 && w.startsWith(last)));
    seen.set(word, asked);
    return asked;
  };
}

/** A text with the words the query asks for marked, such as a topic's name. */
export const highlight = (text: string, query: string): Part[] => {
  const asked = queryMatcher(query);
  return text.split(/([\p{L}\p{N}]+)/u).flatMap((t, i) => (t ? [{ text: t, mark: i % 2 === 1 && asked(t) }] : []));
};

/** A word as parts: when marked, the punctuation around it is not ("GPipe:" marks "GPipe"). */
function marked(text: string, mark: boolean): Part[] {
  const found = mark ? /[\p{L}\p{N}](?:.*[\p{L}\p{N}])?/su.exec(text) : null;
  if (!found) return [{ text, mark: false }];
  const [before, word, after] = [text.slice(0, found.index), found[0], text.slice(found.index + found[0].length)];
  return [
    { text: before, mark: false },
    { text: word, mark: true },
    { text: after, mark: false },
  ].filter((p) => p.text);
}

/** Pagefind splits a page's text into words on white space; so does this. */
const split = (text: string): string[] => text.split(/[^\S\uFEFF]+/u).filter(Boolean);

/**
 * The title and an excerpt of `length` words of the abstract, as parts, with every word the query
 * found marked: those Pagefind matched, those the hidden words it matched stand for, and those the
 * query names. The excerpt is the earliest window with the most marks, or the abstract's start.
 */
export function resultText(found: Found, query: string, length: number): { title: Part[]; excerpt: Part[] } {
  const all = split(found.content);
  const hidden = found.also.reduce((n, [h]) => n + split(h).length, 0);
  const titleWords = split(found.title).length;
  const end = Math.max(titleWords, all.length - hidden);
  // The page words that matched hidden words stand for.
  const shown = new Set<string>();
  let at = end;
  for (const [h, s] of found.also) {
    const n = split(h).length;
    if ((found.locations ?? []).some((l) => l >= at && l < at + n)) for (const w of words(s)) shown.add(w);
    at += n;
  }
  const asked = queryMatcher(query);
  const hits = new Set(found.locations ?? []);
  const isHit = (word: string, i: number): boolean => hits.has(i) || words(word).some((w) => shown.has(w)) || asked(word);
  const marks = all.map((w, i) => i < end && isHit(w, i));
  let start = titleWords;
  let best = 0;
  for (let i = titleWords; i < end; i++) {
    if (!marks[i]) continue;
    const s = Math.max(titleWords, Math.min(i - 3, end - length));
    const n = marks.slice(s, s + length).filter(Boolean).length;
    if (n > best) [start, best] = [s, n];
  }
  const stop = Math.min(end, start + length);
  const spaced = (parts: Part[][]): Part[] => parts.flatMap((p, i) => (i > 0 ? [{ text: ' ', mark: false }, ...p] : p));
  const title = spaced(split(found.title).map((text, i) => marked(text, marks[i] ?? false)));
  const excerpt = [
    ...(start > titleWords ? [{ text: '… ', mark: false }] : []),
    ...spaced(all.slice(start, stop).map((text, k) => marked(text, marks[start + k] ?? false))),
    ...(stop < end ? [{ text: ' …', mark: false }] : []),
  ];
  return { title, excerpt };
}

/**
 * True when the query is the title, or the name before its colon, give or take case, accents and
 * punctuation, with any word typed in one of its hidden forms (muP for μP, quantisation for
 * quantization).
 */
export function isExactTitle(query: string, title: string, also: readonly Also[] = []): boolean {
  const q = words(query);
  const forms = new Map<string, Set<string>>();
  for (const [h, s] of also)
    if (words(h).length === 1 && words(s).length === 1) forms.set(fold(s), (forms.get(fold(s)) ?? new Set()).add(fold(h)));
  const same = (t: string[]): boolean => t.length === q.length && t.every((w, i) => w === q[i] || (forms.get(w)?.has(q[i] ?? '') ?? false));
  return q.length > 0 && (same(words(title)) || same(words(title.split(':')[0] ?? '')));
}
