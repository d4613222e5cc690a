/**
 * The catalogue's one word toolkit: how text is folded for comparison, cut into words, stemmed,
 * stopped and spelt. The ingest's topic matcher, related papers, common words, search (queries,
 * highlighting, exact titles, topics) and slugs all use it, so they agree on what a word is.
 *
 * - fold: case, accents and compatibility forms removed, invisible characters dropped.
 * - stem: Porter2 (Snowball English), the stemmer Pagefind indexes with, after American spelling.
 * - stop words: one list, data in words/stop-words.json.
 * - spellings: British and American pairs from public word lists (words/spellings.json, made by
 *   scripts/words/make-spellings.ts), and the -ise/-ize rule for words no list has (quantisation).
 *
 * Every lookup goes through a Map or a Set: real text holds words such as `constructor`.
 */
import { stem as porter2 } from 'porter2';
import iseWordList from './words/ise-words.json' with { type: 'json' };
import izeWordList from './words/ize-words.json' with { type: 'json' };
import spellingList from './words/spellings.json' with { type: 'json' };
import stopWordList from './words/stop-words.json' with { type: 'json' };

const BRITISH_TO_AMERICAN = new Map<string, string>(Object.entries(spellingList as Record<string, string>));
const AMERICAN_TO_BRITISH = new Map<string, string>();
for (const [uk, us] of BRITISH_TO_AMERICAN) if (!AMERICAN_TO_BRITISH.has(us)) AMERICAN_TO_BRITISH.set(us, uk);
const ISE_WORDS = new Set<string>(iseWordList);
const IZE_WORDS = new Set<string>(izeWordList);

/** Words that say nothing on their own about a paper: function words and the verbs of abstracts. */
export const STOP_WORDS: ReadonlySet<string> = new Set<string>(stopWordList);

/** Characters that draw nothing: format controls, fillers, joiners, tags, variation selectors. */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * Text in the form the catalogue compares it in: compatibility forms unified (ﬁ → fi, ² → 2),
 * lower case, accents and other marks removed (Fréchet → frechet), invisible characters dropped.
 * Punctuation and spacing are kept; `words` cuts the result into words.
 */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(IGNORABLE, '').normalize('NFC');
}

const WORD = /[\p{L}\p{N}]+/gu;
const COMPOUND = /[\p{L}\p{N}]+(?:[-‐‑][\p{L}\p{N}]+)*/gu;

/** The folded words of a text, in order: runs of letters and digits (test-time is two words). */
export function words(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

/** The folded words of a text with hyphenated compounds kept whole (test-time, text-to-image). */
export function compounds(text: string): string[] {
  return (fold(text).match(COMPOUND) ?? []).map((w) => w.replace(/[‐‑]/gu, '-'));
}

export const isStopWord = (word: string): boolean => STOP_WORDS.has(fold(word));

/** True when a word ending -ise…/-ize… ends in a word spelt that way on both sides (denoise, resize). */
function sameOnBothSides(base: string, list: ReadonlySet<string>): boolean {
  for (let at = 0; at <= base.length - 4; at++) if (list.has(base.slice(at))) return true;
  return false;
}

/** -ise/-yse forms (British) and -ize/-yze forms (American) of the same word, by their ending. */
const ISE = /^(\p{L}{3,}[iy])s(e|es|ed|ing|er|ers|ation|ations|ational|able|ability|abilities)$/u;
const IZE = /^(\p{L}{3,}[iy])z(e|es|ed|ing|er|ers|ation|ations|ational|able|ability|abilities)$/u;

/**
 * A folded word in American spelling: "quantisation" → "quantization", "behaviour" → "behavior",
 * "modelling" → "modeling", "centre" → "center". A word spelt the same in both stays as it is.
 */
export function americanSpelling(word: string): string {
  const listed = BRITISH_TO_AMERICAN.get(word);
  if (listed !== undefined) return listed;
  const m = ISE.exec(word);
  // -yses is also the plural of -ysis (analyses, paralyses): ambiguous, so left as written.
  if (m && !AMERICAN_TO_BRITISH.has(word) && !word.endsWith('yses')) {
    const [, head = '', tail = ''] = m;
    const ending = head.endsWith('y') ? 'yse' : 'ise';
    if (!sameOnBothSides(`${head.slice(0, -1)}${ending}`, ISE_WORDS)) return `${head}z${tail}`;
  }
  return word;
}

/** A folded word in British spelling, or itself: "quantization" → "quantisation". */
export function britishSpelling(word: string): string {
  const listed = AMERICAN_TO_BRITISH.get(word);
  if (listed !== undefined) return listed;
  const m = IZE.exec(word);
  if (m && !BRITISH_TO_AMERICAN.has(word)) {
    const [, head = '', tail = ''] = m;
    const ending = head.endsWith('y') ? 'yze' : 'ize';
    if (!sameOnBothSides(`${head.slice(0, -1)}${ending}`, IZE_WORDS)) return `${head}s${tail}`;
  }
  return word;
}

/** The same word in the other spelling, in the case it is written in, or undefined. */
export function otherSpelling(word: string): string | undefined {
  const folded = fold(word);
  const american = americanSpelling(folded);
  const other = american !== folded ? american : britishSpelling(folded);
  if (other === folded) return undefined;
  if (word === word.toUpperCase() && word !== word.toLowerCase()) return other.toUpperCase();
  const first = word[0] ?? '';
  return first !== first.toLowerCase() ? `${other[0]?.toUpperCase() ?? ''}${other.slice(1)}` : other;
}

/**
 * The stem of a word, as Pagefind stems it (Porter2), after folding and American spelling:
 * "quantisation", "quantized" and "quantize" are one stem, and so are "models" and "modelling".
 */
export function stem(word: string): string {
  return porter2(americanSpelling(fold(word)));
}

/** The stems of a text's words, stop words included (they keep phrases apart). */
export function stems(text: string): string[] {
  return words(text).map((w) => porter2(americanSpelling(w)));
}

/** The stems of a text's content words: no stop words, no lone letters or bare numbers. */
export function contentStems(text: string): string[] {
  return words(text)
    .filter((w) => !STOP_WORDS.has(w) && (w.length > 1 || /\p{N}/u.test(w)) && !/^\d+$/u.test(w))
    .map((w) => porter2(americanSpelling(w)));
}
