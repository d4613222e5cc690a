/**
 * British and American spellings, from data: pairs from public word lists (words/spellings.json,
 * made by scripts/words/make-spellings.ts) and the -ise/-ize rule for words no list has
 * (quantisation), with the words spelt -ise or -ize on both sides (words/ise-words.json,
 * words/ize-words.json). Build-side only: the search page's script never loads this data.
 */
import iseWordList from './words/ise-words.json' with { type: 'json' };
import izeWordList from './words/ize-words.json' with { type: 'json' };
import spellingList from './words/spellings.json' with { type: 'json' };
import { fold, stem } from './words.ts';

const BRITISH_TO_AMERICAN = new Map<string, string>(Object.entries(spellingList as Record<string, string>));
const AMERICAN_TO_BRITISH = new Map<string, string>();
for (const [uk, us] of BRITISH_TO_AMERICAN) if (!AMERICAN_TO_BRITISH.has(us)) AMERICAN_TO_BRITISH.set(us, uk);
const ISE_WORDS = new Set<string>(iseWordList);
const IZE_WORDS = new Set<string>(izeWordList);

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
 * The stem of a word in either spelling: "quantisation", "quantized" and "quantize" are one stem,
 * and so are "behaviour" and "behaviors". For comparing texts written on both sides of the ocean.
 */
export function spellingStem(word: string): string {
  let known = STEMS.get(word);
  if (known === undefined) {
    known = stem(americanSpelling(fold(word)));
    STEMS.set(word, known);
  }
  return known;
}
/** Stems already worked out: a catalogue's vocabulary is small next to its word count. */
const STEMS = new Map<string, string>();
