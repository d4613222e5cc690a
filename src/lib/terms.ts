/**
 * The terms of a text for similarity: its content words (the word toolkit's stop words and bare
 * numbers aside), stemmed in either spelling.
 */
import { spellingStem } from './spellings.ts';
import { fold, STOP_WORDS } from './words.ts';

export interface Token {
  stem: string;
  /** The word as written, for display. */
  surface: string;
  /** Position among all words of the text, stopwords included, so phrases never skip a word. */
  index: number;
}

const isNoise = (word: string): boolean => word.length < 2 || STOP_WORDS.has(word) || /^\d+(?:\.\d+)?$/u.test(word);

/**
 * Content words of a text, in order, with their stems. A hyphenated compound (`test-time`,
 * `text-to-image`) is one term; its last part is stemmed.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  forEachToken(text, (stem, surface, index) => tokens.push({ stem, surface, index }));
  return tokens;
}

/** Calls `visit` for each content word of a text, without building token objects. */
export function forEachToken(text: string, visit: (stem: string, surface: string, index: number) => void): void {
  let index = 0;
  const folded = fold(text);
  // A sentence that gives an address says where the code is, not what the paper is about. (The
  // expression retries at every letter of a sentence: a third of related papers' time, so only
  // texts holding an address are given to it.)
  const unaddressed = folded.includes('http') ? folded.replace(/[^.!?]*\bhttps?:\/\/\S+/gu, ' ') : folded;
  for (const m of unaddressed.replace(/['’]s\b/gu, '').matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) {
    index += 1;
    const lower = m[0];
    if (!lower.includes('-')) {
      if (!isNoise(lower)) visit(spellingStem(lower), lower, index);
      continue;
    }
    const parts = lower.split('-');
    if (parts.every(isNoise)) continue;
    visit([...parts.slice(0, -1), spellingStem(parts.at(-1) ?? lower)].join('-'), lower, index);
  }
}
