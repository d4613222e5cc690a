/** Small text helpers for cards, descriptions and previews. */

/** TeX names of the Greek letters and the letters they draw. */
export const GREEK: ReadonlyMap<string, string> = new Map([
  ['alpha', 'α'],
  ['beta', 'β'],
  ['gamma', 'γ'],
  ['delta', 'δ'],
  ['epsilon', 'ε'],
  ['varepsilon', 'ε'],
  ['zeta', 'ζ'],
  ['eta', 'η'],
  ['theta', 'θ'],
  ['iota', 'ι'],
  ['kappa', 'κ'],
  ['lambda', 'λ'],
  ['mu', 'μ'],
  ['nu', 'ν'],
  ['xi', 'ξ'],
  ['pi', 'π'],
  ['rho', 'ρ'],
  ['sigma', 'σ'],
  ['tau', 'τ'],
  ['upsilon', 'υ'],
  ['phi', 'φ'],
  ['varphi', 'φ'],
  ['chi', 'χ'],
  ['psi', 'ψ'],
  ['omega', 'ω'],
  ['Gamma', 'Γ'],
  ['Delta', 'Δ'],
  ['Theta', 'Θ'],
  ['Lambda', 'Λ'],
  ['Xi', 'Ξ'],
  ['Pi', 'Π'],
  ['Sigma', 'Σ'],
  ['Phi', 'Φ'],
  ['Psi', 'Ψ'],
  ['Omega', 'Ω'],
]);

/** Latin letters for Greek ones, as a name is typed on an ASCII keyboard (DεpS → DepS, μP → muP). */
export const GREEK_LATIN: ReadonlyMap<string, string> = new Map([
  ['α', 'a'],
  ['β', 'b'],
  ['γ', 'g'],
  ['δ', 'd'],
  ['ε', 'e'],
  ['ζ', 'z'],
  ['η', 'e'],
  ['θ', 'th'],
  ['ι', 'i'],
  ['κ', 'k'],
  ['λ', 'l'],
  ['μ', 'mu'],
  ['ν', 'n'],
  ['ξ', 'x'],
  ['ο', 'o'],
  ['π', 'p'],
  ['ρ', 'r'],
  ['σ', 's'],
  ['ς', 's'],
  ['τ', 't'],
  ['υ', 'u'],
  ['φ', 'ph'],
  ['χ', 'ch'],
  ['ψ', 'ps'],
  ['ω', 'o'],
]);

/** Marks, joiners and variation selectors belong to the character before them. */
const CONTINUES = /^(?:\p{M}|\u200c|\u200d|\p{Emoji_Modifier})/u;

/**
 * The start of a text, cut at a word boundary to at most `max` characters, with an ellipsis when
 * cut. Never cuts inside a character sequence (accents, emoji with joiners).
 */
export function excerpt(text: string, max: number): string {
  // Only the start can be shown, so only the start is looked at (cards are many).
  const window = text.slice(0, max * 3 + 16);
  const clean = window.replace(/\s+/gu, ' ').trim();
  const chars = Array.from(clean);
  if (chars.length <= max && window.length === text.length) return clean;
  let head = chars.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  if (chars[max - 1] === ' ' || chars.length < max) {
    // The cut falls on a space, or the whole (shortened) window fits.
  } else if (space > max * 0.6) head = head.slice(0, space);
  else if (CONTINUES.test(chars[head.length] ?? '') || head.at(-1) === '\u200d') {
    // A long word cut inside a character sequence: count in graphemes instead (rare, so slow is fine).
    head = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(clean)].slice(0, max - 1).map((g) => g.segment);
  }
  return `${head.join('').replace(/[\s,;:.–—-]+$/u, '')}…`;
}

/** "1 paper", "2 papers". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? singular : pluralForm}`;
}

/** Names as a sentence lists them: "A", "A and B", "A, B and C". */
const andList = (names: readonly string[]): string =>
  names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}` : (names[0] ?? '');

/**
 * Authors as a list shows them: all of up to three ("A, B and C"), else the first three and
 * "et al.". Empty when there are none.
 */
export function authorLine(authors: readonly string[] = [], shown = 3): string {
  return authors.length > shown ? `${authors.slice(0, shown).join(', ')} et al.` : andList(authors);
}
