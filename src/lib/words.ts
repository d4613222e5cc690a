/**
 * The catalogue's one word toolkit: how text is folded for comparison, cut into words, stemmed and
 * stopped. The ingest's topic matcher, the topics tool, related papers, the common words, the
 * search page (its query, topics, highlighting and exact titles), slugs and the sort order of
 * titles all use it, so they agree on what a word is (tests/unit/words.test.ts checks they do).
 *
 * - fold: case, accents and compatibility forms removed, invisible characters dropped.
 * - stem: Porter2 (Snowball English), the stemmer Pagefind indexes with.
 * - stop words: one list, data in words/stop-words.json.
 * - British and American spellings, from data, are in spellings.ts: that data stays out of the
 *   search page's script, which gets the other spellings of the catalogue's words from the index.
 *
 * Every lookup goes through a Map or a Set: real text holds words such as `constructor`.
 */
import { stem as porter2 } from 'porter2';
import stopWordList from './words/stop-words.json' with { type: 'json' };

/** Words that say nothing on their own about a paper: function words and the verbs of abstracts. */
export const STOP_WORDS: ReadonlySet<string> = new Set<string>(stopWordList);

/** Characters that draw nothing: format controls, fillers, joiners, tags, variation selectors. */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const ASCII = /^[\0-\x7f]*$/u;

/** Whether a text is all ASCII: nothing to fold but case, no marks, no other forms to type. */
export const isAscii = (text: string): boolean => ASCII.test(text);

/** Text without accents and other combining marks, in its own case (Fréchet → Frechet). */
export function stripMarks(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC');
}

/**
 * Text in the form the catalogue compares it in: compatibility forms unified (ﬁ → fi, ² → 2),
 * lower case, accents and other marks removed (Fréchet → frechet), invisible characters dropped.
 * Punctuation and spacing are kept; `words` cuts the result into words.
 */
export function fold(text: string): string {
  // ASCII has no compatibility forms, marks or ignorable characters: only case to fold. Most words
  // are ASCII, and the search page folds every word of ten abstracts on its first results.
  if (isAscii(text)) return text.toLowerCase();
  return stripMarks(text.normalize('NFKC').toLowerCase()).replace(IGNORABLE, '');
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The folded words of a text, in order: runs of letters and digits (test-time is two words). */
export function words(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

/** Whether a word is a stop word, in any case or accent. */
export const isStopWord = (word: string): boolean => STOP_WORDS.has(fold(word));

/**
 * The stem of a word, as Pagefind stems it (Porter2), after folding: "quantized" and "quantize"
 * are one stem, and so are "models" and "modelling". spellings.ts adds American spelling first.
 */
export function stem(word: string): string {
  return porter2(fold(word));
}

/** The content words of a text: folded, no stop words, no lone letters or bare numbers. */
export function contentWords(text: string): string[] {
  return words(text).filter((w) => !STOP_WORDS.has(w) && (w.length > 1 || /\p{N}/u.test(w)) && !/^\d+$/u.test(w));
}

/** A folded word is `base` or its plural (model, models; class, classes; query, queries). */
export function isFormOf(word: string, base: string): boolean {
  return word === base || word === `${base}s` || word === `${base}es` || (base.endsWith('y') && word === `${base.slice(0, -1)}ies`);
}
