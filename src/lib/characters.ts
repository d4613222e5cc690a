/**
 * Characters a title or abstract must not hold, and the ones that draw nothing. Shared by the
 * schema (which refuses them in an entry, so a hand edit cannot publish them) and the ingest (which
 * removes the invisible ones from a source, with a warning, and refuses the rest).
 */

/** Code point notation: U+200B. */
export const codePoint = (ch: string): string => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const LONE_SURROGATE = /\p{Cs}/u;
const NONCHARACTER = /[\uFDD0-\uFDEF\uFFFE\uFFFF\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{10FFFE}\u{10FFFF}]/u;
const REPLACEMENT = /\uFFFD/u;

/**
 * Characters that draw nothing (Unicode's default-ignorable code points: zero-width spaces and
 * joiners, U+2062 invisible times, soft hyphens, Hangul fillers, U+034F, tag characters, variation
 * selectors) and private-use characters, which draw nothing a reader's fonts know. Bidirectional
 * controls are not among them: they reorder the text, and are refused instead (see textProblem).
 */
const INVISIBLE = /(?![\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069])[\p{Default_Ignorable_Code_Point}\p{Co}]/gu;

const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u20E3]/u;
/** Letters of scripts that write with joiners (Arabic, Persian, the Indic scripts): not Latin, Greek or Cyrillic. */
const JOINING_LETTER = /(?![\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])[\p{L}\p{M}]/u;

/**
 * Whether an invisible character at `index` is part of what the text shows: a joiner inside an
 * emoji sequence (👨‍👩‍👧) or between letters of a script that uses it, a variation selector
 * after a visible character (❤️), or the tags of a subdivision flag (🏴 England).
 */
function isPartOfText(text: string, index: number, ch: string): boolean {
  const prev = [...text.slice(Math.max(0, index - 2), index)].at(-1) ?? '';
  const next = [...text.slice(index + ch.length, index + ch.length + 2)][0] ?? '';
  const cp = ch.codePointAt(0) ?? 0;
  if (cp === 0x200d)
    return ((EMOJI.test(prev) || prev === '\uFE0F') && EMOJI.test(next)) || (JOINING_LETTER.test(prev) && JOINING_LETTER.test(next));
  if (cp === 0x200c) return JOINING_LETTER.test(prev) && JOINING_LETTER.test(next);
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef))
    return prev !== '' && /\S/u.test(prev) && !INVISIBLE_ONE.test(prev);
  if (cp >= 0xe0020 && cp <= 0xe007f) return /\u{1F3F4}[\u{E0020}-\u{E007E}]*$/u.test(text.slice(0, index));
  return false;
}
const INVISIBLE_ONE = new RegExp(INVISIBLE.source, 'u');

export interface Invisible {
  /** Index in the string (UTF-16). */
  index: number;
  char: string;
}

/** The characters of a text that draw nothing and belong to nothing visible. */
export function invisibleCharacters(text: string): Invisible[] {
  const found: Invisible[] = [];
  for (const m of text.matchAll(INVISIBLE)) if (!isPartOfText(text, m.index, m[0])) found.push({ index: m.index, char: m[0] });
  return found;
}

/** The text without its invisible characters (see invisibleCharacters). */
export function withoutInvisible(text: string): string {
  const found = invisibleCharacters(text);
  if (found.length === 0) return text;
  let out = '';
  let last = 0;
  for (const { index, char } of found) {
    out += text.slice(last, index);
    last = index + char.length;
  }
  return out + text.slice(last);
}

/** A character a text must not hold: where it is, what it is, and what to do about it. */
export interface BadCharacter {
  /** Index in the string (UTF-16). */
  index: number;
  /** What the character is, e.g. "the bidirectional control U+202E, which can display text …". */
  what: string;
  /** The fix, e.g. "delete it". */
  fix: string;
}

/**
 * The first character of a text that cannot be published: a lone surrogate, a control,
 * bidirectional or non-character, U+FFFD, or a character that draws nothing.
 */
export function badCharacter(text: string): BadCharacter | undefined {
  const checks: [RegExp, string, string][] = [
    [LONE_SURROGATE, 'a lone surrogate (half of a broken emoji or character)', 'retype the character'],
    [CONTROL, 'the control character {cp}', 'delete it'],
    [BIDI, 'the bidirectional control {cp}, which can display text in a different order than it is stored', 'delete it'],
    [NONCHARACTER, 'the non-character {cp}', 'delete it'],
    [
      REPLACEMENT,
      'the replacement character U+FFFD, left where a character was lost (was the file saved as UTF-8?)',
      'retype the character',
    ],
  ];
  for (const [re, what, fix] of checks) {
    const m = re.exec(text);
    if (m) return { index: m.index, what: what.replace('{cp}', codePoint(m[0])), fix };
  }
  const invisible = invisibleCharacters(text)[0];
  if (invisible) {
    const kind = /\p{Co}/u.test(invisible.char) ? 'the private-use character' : 'the invisible character';
    return { index: invisible.index, what: `${kind} ${codePoint(invisible.char)}, which draws nothing`, fix: 'delete it' };
  }
  return undefined;
}

/**
 * Why a title or abstract cannot be published as it is, or undefined when it can. Characters that
 * are invisible or reorder the text on screen are refused rather than silently removed, so the
 * page never shows something other than what the entry holds.
 */
export function textProblem(text: string): string | undefined {
  const bad = badCharacter(text);
  if (bad?.what.endsWith('draws nothing')) return `contains ${bad.what} (at character ${bad.index + 1}); ${bad.fix}`;
  if (bad) return `contains ${bad.what}; ${bad.fix} (at character ${bad.index + 1})`;
  if (text !== text.normalize('NFC')) return 'is not in Unicode NFC form; re-run the ingest, which normalises it';
  return undefined;
}
