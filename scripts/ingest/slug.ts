/**
 * Entry ids: readable ASCII slugs of the NFC-normalised title, at most 80 characters, cut at a word
 * boundary. Accents are dropped (`Fréchet` → `frechet`), Greek letters are spelled in Latin
 * (`μP` → `mup`, `DεpS` → `deps`), scripts become digits (`SP²OT` → `sp2ot`). A title with no
 * Latin letters or digits at all (CJK, emoji) gets `paper-` and a short hash of the title. Ids the
 * site uses for its own pages (`a-z`, `page`) get `-paper` appended.
 */
import { createHash } from 'node:crypto';
import { texToText } from '../../src/lib/math.ts';
import { GREEK_LATIN } from '../../src/lib/text.ts';
import { MAX_ID_LENGTH, RESERVED_IDS } from '../../src/lib/schema.ts';
import { fold } from '../../src/lib/words.ts';

export { MAX_ID_LENGTH };

const LATIN: ReadonlyMap<string, string> = new Map([
  ...GREEK_LATIN,
  ['ß', 'ss'],
  ['æ', 'ae'],
  ['ø', 'o'],
  ['œ', 'oe'],
  ['ð', 'd'],
  ['þ', 'th'],
  ['ł', 'l'],
  ['đ', 'd'],
  ['ı', 'i'],
]);

/** The id for a title in the `$…$` format. */
export function slugify(title: string): string {
  // Folded (case, accents, compatibility forms), then in Latin letters.
  const ascii = [...fold(texToText(title))]
    .map((c) => LATIN.get(c) ?? c)
    .join('')
    .replace(/['’]/gu, '')
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  if (!ascii) return `paper-${createHash('sha256').update(title.normalize('NFC')).digest('hex').slice(0, 10)}`;
  if (RESERVED_IDS.includes(ascii)) return `${ascii}-paper`;
  if (ascii.length <= MAX_ID_LENGTH) return ascii;
  const cut = ascii.slice(0, MAX_ID_LENGTH + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 0 ? cut.slice(0, lastDash) : cut.slice(0, MAX_ID_LENGTH)).replace(/-+$/u, '');
}
