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

/**
 * A text without the sentences that give an address (a sentence that gives one says where the code
 * is, not what the paper is about): each from its start to the address's end. An expression that
 * says so, /[^.!?]*\bhttps?:\/\/\S+/g, retries at every letter of every sentence, 0.7 s of a
 * 10 000-paper build; this looks only where an address starts.
 */
export function withoutAddresses(text: string): string {
  let kept = '';
  let from = 0;
  for (const m of text.matchAll(/\bhttps?:\/\/\S+/gu)) {
    const before = text.slice(from, m.index);
    kept += `${before.slice(0, Math.max(before.lastIndexOf('.'), before.lastIndexOf('!'), before.lastIndexOf('?')) + 1)} `;
    from = m.index + m[0].length;
  }
  return kept + text.slice(from);
}

/** Calls `visit` for each content word of a text, without building token objects. */
export function forEachToken(text: string, visit: (stem: string, surface: string, index: number) => void): void {
  let index = 0;
  for (const m of withoutAddresses(fold(text))
    .replace(/['’]s\b/gu, '')
    .matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) {
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
