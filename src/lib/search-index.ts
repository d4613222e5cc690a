/**
 * What a paper page gives Pagefind beyond its visible text, for the searches readers type: the
 * forms of its words that the page does not hold itself. Indexed as hidden text after the abstract,
 * and paired with the words they stand for in the page's `also` metadata (search-text.ts), so
 * Pagefind's match on one marks the words the reader sees. Built at build time only: the search
 * page's script never loads the spelling data or the glossary.
 */
import type { Abbreviations } from './acronyms.ts';
import type { Also } from './search-text.ts';
import { otherSpelling } from './spellings.ts';
import { GREEK, GREEK_LATIN } from './text.ts';
import { fold, isAscii, stripMarks } from './words.ts';

/** Each Greek letter spelled out, as its TeX name (μ → mu; ε → epsilon, not varepsilon). */
const GREEK_NAMES = new Map<string, string>();
for (const [name, letter] of GREEK) if (!GREEK_NAMES.has(letter)) GREEK_NAMES.set(letter, name);

/**
 * The ways a word is typed on an ASCII keyboard: Greek letters spelled out or as Latin letters,
 * scripts as digits, accents dropped (μP → muP, DεpS → DepsilonpS and DepS, SP²OT → SP2OT, 2¹²⁸ → 2128).
 */
function keyboardForms(word: string): string[] {
  if (isAscii(word)) return []; // typed as it is written: most words, in a build's tens of thousands of texts
  const plain = word.normalize('NFKC');
  const forms = [GREEK_NAMES, GREEK_LATIN].map((table) => [...plain].map((c) => table.get(c) ?? c).join(''));
  return [...new Set([plain, ...forms].map(stripMarks))].filter((f) => f !== word);
}

/** Only what Pagefind reads as words, and the `also` metadata can hold. */
const SAFE = /^[\p{L}\p{N}][\p{L}\p{N}\s'’-]*$/u;

/**
 * The forms of a text's words that it does not hold: the other spelling (British or American), the
 * keyboard forms, and what its abbreviations stand for or the abbreviations of what it spells out.
 * Each as [the form, the words of the text it stands for], once.
 */
export function otherForms(text: string, abbreviations?: Abbreviations): Also[] {
  // As the index holds them: in any case, but with their scripts (2¹²⁸ is not 2128 to Pagefind).
  const own = new Set(text.split(/[^\p{L}\p{N}]+/u).map((w) => w.toLowerCase()));
  const pairs: Also[] = [];
  for (const word of new Set(text.split(/[^\p{L}\p{N}]+/u).filter(Boolean))) {
    const spelt = otherSpelling(word);
    pairs.push(...(spelt ? [[spelt, word] as Also] : []), ...keyboardForms(word).map((f): Also => [f, word]));
  }
  // What abbreviations stand for, in both spellings (QLoRA: quantized and quantised low-rank adaptation).
  for (const [hidden, shown] of abbreviations?.otherForms(text) ?? []) {
    const spelt = hidden.replace(/[\p{L}]+/gu, (w) => otherSpelling(w) ?? w);
    pairs.push([hidden, shown], ...(spelt !== hidden ? [[spelt, shown] as Also] : []));
  }
  const seen = new Set<string>();
  return pairs.filter(([hidden, shown]) => {
    const key = hidden.toLowerCase();
    // A lone letter (ζ → z) would match any query starting with it: Pagefind shortens words it cannot find.
    if (own.has(key) || seen.has(key) || [...key].length < 2 || !SAFE.test(hidden) || !SAFE.test(shown) || hidden.includes('='))
      return false;
    seen.add(key);
    return true;
  });
}

/** The hidden forms of a paper's title (indexed with the title's weight) and of its abstract. */
export function searchTerms(title: string, abstract: string, abbreviations?: Abbreviations): { title: Also[]; abstract: Also[] } {
  const inTitle = otherForms(title, abbreviations);
  const titleKeys = new Set(inTitle.map(([h]) => fold(h)));
  return { title: inTitle, abstract: otherForms(abstract, abbreviations).filter(([h]) => !titleKeys.has(fold(h))) };
}
