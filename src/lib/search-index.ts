/**
 * What paper pages give Pagefind beyond their text, for the searches readers type: the other
 * spelling (British or American) of their words. Built at build time only; the search page's own
 * script does not load the word toolkit's data.
 */
import { otherSpelling } from './words.ts';

/**
 * The other spellings of a text's words, British or American, that the text does not hold itself:
 * indexed as hidden text, so "quantisation" finds a paper on quantization, and "behavior" one
 * written in British English. From the word toolkit's spelling data (src/lib/words.ts).
 */
export function spellingVariants(text: string): string[] {
  const words = text.split(/[^\p{L}]+/u).filter(Boolean);
  const seen = new Set(words.map((w) => w.toLowerCase()));
  return words.flatMap((w) => {
    const other = otherSpelling(w);
    if (!other || seen.has(other.toLowerCase())) return [];
    seen.add(other.toLowerCase());
    return [other];
  });
}
