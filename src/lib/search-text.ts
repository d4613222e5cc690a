/**
 * What a search result shows of a paper: its title with the words the query found marked, an
 * excerpt of its abstract around them, and whether the query is the title. Pagefind's index of a
 * paper holds its title, its abstract, then hidden words a reader may type instead of the page's
 * own (other spellings, ASCII for Greek, abbreviations and their expansions, digits for scripts),
 * each paired in the page's `also` metadata with the words it stands for, so a match on a hidden
 * word marks the words the reader sees. Words are the word toolkit's, as for the index. Pure and tested.
 */
import { contentWords, stem, words } from './words.ts';

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

/**
 * Whether a text holds a word the query asks for, as the reader typed it: same stem, or the start
 * of the last word typed. This is also how marks follow Pagefind's matches, which stem the same way.
 */
export function queryMatcher(query: string): (text: string) => boolean {
  const typed = contentWords(query);
  const stems = new Set(typed.map(stem));
  const last = typed.at(-1);
  // An abstract repeats its words: each distinct word is stemmed once.
  const seen = new Map<string, boolean>();
  return (text) => {
    const asked =
      seen.get(text) ?? words(text).some((w) => stems.has(stem(w)) || (last !== undefined && last.length > 1 && w.startsWith(last)));
    seen.set(text, asked);
    return asked;
  };
}

/** A text as parts, each word (letters, marks, digits) marked when `mark` says so: "GPipe:" marks "GPipe". */
const markWords = (text: string, mark: (word: string) => boolean): Part[] =>
  text.split(/([\p{L}\p{M}\p{N}]+)/u).flatMap((t, i) => (t ? [{ text: t, mark: i % 2 === 1 && mark(t) }] : []));

/** A text with the words the query asks for marked, such as a topic's name. */
export const highlight = (text: string, query: string): Part[] => markWords(text, queryMatcher(query));

/** Pagefind splits a page's text into words on white space; so does this. */
const split = (text: string): string[] => text.split(/[^\S\uFEFF]+/u).filter(Boolean);

/**
 * The title and an excerpt of `length` words of the abstract, as parts, with every word the query
 * found marked: those the query asks for, and those a hidden form it asks for stands for. The
 * excerpt is the earliest window with the most marks, or the abstract's start.
 */
export function resultText(page: { content: string; title: string; also: readonly Also[] }, query: string, length: number) {
  const asked = queryMatcher(query);
  const shown = new Set(page.also.flatMap(([hidden, stands]) => (asked(hidden) ? words(stands) : [])));
  const isHit = (word: string): boolean => asked(word) || words(word).some((w) => shown.has(w));
  const all = split(page.content);
  const titleWords = split(page.title).length;
  const end = Math.max(titleWords, all.length - page.also.reduce((n, [h]) => n + split(h).length, 0));
  const marks = all.map((w, i) => i < end && isHit(w));
  let [start, best] = [titleWords, 0];
  for (let i = titleWords; i < end; i++) {
    if (!marks[i]) continue;
    const s = Math.max(titleWords, Math.min(i - 3, end - length));
    const n = marks.slice(s, s + length).filter(Boolean).length;
    if (n > best) [start, best] = [s, n];
  }
  const stop = Math.min(end, start + length);
  const excerpt = [
    ...(start > titleWords ? [{ text: '… ', mark: false }] : []),
    ...markWords(all.slice(start, stop).join(' '), isHit),
    ...(stop < end ? [{ text: ' …', mark: false }] : []),
  ];
  return { title: markWords(page.title, isHit), excerpt };
}

/**
 * True when the query is the title, or the name before its colon, give or take case, accents and
 * punctuation, with any word typed in one of its hidden forms (muP for μP, quantisation for
 * quantization).
 */
export function isExactTitle(query: string, title: string, also: readonly Also[] = []): boolean {
  const shown = new Map(also.map(([hidden, stands]) => [words(hidden).join(' '), words(stands).join(' ')]));
  const typed = words(query)
    .map((w) => shown.get(w) ?? w)
    .join(' ');
  return typed !== '' && [title, title.split(':')[0] ?? ''].some((t) => words(t).join(' ') === typed);
}
