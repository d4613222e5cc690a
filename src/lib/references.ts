/**
 * Character references in entry bodies (`&copy;`, `&#x3B1;`, `&#945;`), read as CommonMark reads
 * them, so the text the exports carry is the text the page shows: named references from the full
 * HTML5 table (the `entities` package), numeric ones as the code point they name, and a code point
 * that is not a character (0, a surrogate, past U+10FFFF) as U+FFFD. A name the table does not hold
 * (`&foo;`) is not a reference and stays as typed.
 */
import { decodeHTMLStrict } from 'entities';
import { badCharacter } from './characters.ts';

/** A reference as CommonMark delimits one: 1–6 hex digits, 1–7 decimal digits, or a name. */
const REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/uy;

/** The number a numeric reference names, or undefined for a named one. */
function numeric(m: RegExpExecArray): number | undefined {
  if (m[1] !== undefined) return parseInt(m[1], 16);
  if (m[2] !== undefined) return Number(m[2]);
  return undefined;
}

const isCharacter = (cp: number): boolean => cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff);

export interface Reference {
  /** The reference as typed: `&rlm;`. */
  raw: string;
  /** What it stands for; U+FFFD for a number that is no character. */
  text: string;
  /** For a number that is no character: the number. */
  invalid?: number;
}

/** The reference that starts at `index` of `text`, if one does. */
export function referenceAt(text: string, index: number): Reference | undefined {
  REFERENCE.lastIndex = index;
  const m = REFERENCE.exec(text);
  if (!m) return undefined;
  const cp = numeric(m);
  if (cp === undefined) {
    const decoded = decodeHTMLStrict(m[0]);
    return decoded === m[0] ? undefined : { raw: m[0], text: decoded };
  }
  return isCharacter(cp) ? { raw: m[0], text: String.fromCodePoint(cp) } : { raw: m[0], text: '\uFFFD', invalid: cp };
}

/**
 * Why a reference may not stand in an abstract, with the fix, or undefined when it may: a number
 * that is no character, or a character a title or abstract must not hold (invisible, bidirectional,
 * control), which a reference would otherwise slip past the check of the text as typed.
 */
export function referenceProblem(ref: Reference): { what: string; fix: string } | undefined {
  if (ref.invalid !== undefined) {
    const number = `U+${ref.invalid.toString(16).toUpperCase().padStart(4, '0')}`;
    const why = ref.invalid === 0 ? 'is the NUL character' : ref.invalid > 0x10ffff ? 'is past U+10FFFF' : 'is half of a surrogate pair';
    return {
      what: `the character reference ${ref.raw} names ${number}, which ${why}, not a character`,
      fix: 'write the character itself, or delete the reference',
    };
  }
  const bad = badCharacter(ref.text);
  if (bad)
    return {
      what: `the character reference ${ref.raw} stands for ${bad.what}`,
      fix: bad.fix === 'delete it' ? 'delete the reference' : 'write the character itself instead',
    };
  return undefined;
}
