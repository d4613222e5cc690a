/**
 * Abbreviations and what they stand for, so that either form finds a paper: a curated glossary of
 * the field's abbreviations (content/glossary.yaml) and the ones papers define themselves, such as
 * "partial differential equations (PDEs)", found with the algorithm of Schwartz and Hearst (2003,
 * "A simple algorithm for identifying abbreviation definitions in biomedical text"). Pure.
 */
import { spellingStem } from './spellings.ts';
import { words } from './words.ts';

/** An abbreviation and its expansions, as the glossary lists them. */
export interface GlossaryEntry {
  abbreviation: string;
  expansions: readonly string[];
}

/** A definition a text makes: its long form, as written, and the abbreviation in parentheses. */
export interface Definition {
  abbreviation: string;
  expansion: string;
}

const isAlphanumeric = (c: string): boolean => /[\p{L}\p{N}]/u.test(c);

/**
 * The long form that an abbreviation abbreviates at the end of `before`, or undefined: every letter
 * and digit of the abbreviation, right to left, found in order in the text, the first at the start
 * of a word (Schwartz and Hearst's best long form).
 */
function longForm(abbreviation: string, before: string): string | undefined {
  let s = abbreviation.length - 1;
  let l = before.length - 1;
  while (s >= 0) {
    const c = abbreviation[s]?.toLowerCase() ?? '';
    if (!isAlphanumeric(c)) {
      s -= 1;
      continue;
    }
    while (l >= 0 && ((before[l]?.toLowerCase() ?? '') !== c || (s === 0 && l > 0 && isAlphanumeric(before[l - 1] ?? '')))) l -= 1;
    if (l < 0) return undefined;
    l -= 1;
    s -= 1;
  }
  const start = before.lastIndexOf(' ', l) + 1;
  return before.slice(start).trim();
}

/** A plural abbreviation (PDEs, LLMs, MoEs) as its singular: a final s after a capital, in a word of two capitals or more. */
const singular = (abbreviation: string): string =>
  (abbreviation.match(/\p{Lu}/gu)?.length ?? 0) >= 2 ? abbreviation.replace(/(?<=\p{Lu})s$/u, '') : abbreviation;

/** The abbreviations a text defines in parentheses after their long form. */
export function definitions(text: string): Definition[] {
  const out: Definition[] = [];
  for (const m of text.matchAll(/\(([^()\s]{2,10}(?: [^()\s]+)?)\)/gu)) {
    const written = m[1] ?? '';
    const abbreviation = singular(written);
    // An abbreviation has a capital or a digit after its first letter, and starts with a letter or digit.
    if (!/^[\p{L}\p{N}]/u.test(abbreviation) || !/^.+[\p{Lu}\p{N}]/u.test(abbreviation) || !/\p{Lu}/u.test(abbreviation)) continue;
    // At most min(|A| + 5, 2|A|) words before it, as the algorithm allows, within the sentence.
    const letters = abbreviation.replace(/[^\p{L}\p{N}]/gu, '').length;
    const sentence =
      text
        .slice(0, m.index)
        .split(/[.;:!?]\s/u)
        .at(-1) ?? '';
    const window = sentence
      .trimEnd()
      .split(/\s+/u)
      .slice(-Math.min(letters + 5, letters * 2))
      .join(' ');
    const expansion = longForm(abbreviation, window)?.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (!expansion || expansion.length <= abbreviation.length || expansion.includes(abbreviation)) continue;
    if (words(expansion).length < 2 && !expansion.includes('-')) continue;
    out.push({ abbreviation, expansion });
  }
  return out;
}

/** A phrase as compared: the stems of its words, in either spelling and number. */
function phraseKey(phrase: string): string {
  let key = KEYS.get(phrase);
  if (key === undefined) {
    key = words(phrase).map(spellingStem).join(' ');
    KEYS.set(phrase, key);
  }
  return key;
}
/** Keys of the expansions already compared: each paper's text is compared with the same few hundred. */
const KEYS = new Map<string, string>();

/**
 * What the catalogue knows abbreviations to stand for: the glossary, then the definitions papers
 * make that the glossary does not, where every paper that defines the abbreviation agrees.
 */
export class Abbreviations {
  /** Abbreviation → its expansions. */
  readonly expansions = new Map<string, string[]>();
  /** The key of an expansion → its abbreviation. */
  readonly byExpansion = new Map<string, string>();

  constructor(glossary: readonly GlossaryEntry[], defined: readonly Definition[] = []) {
    for (const { abbreviation, expansions } of glossary) this.add(abbreviation, expansions);
    const learned = new Map<string, Map<string, string>>();
    for (const { abbreviation, expansion } of defined) {
      if (this.expansions.has(abbreviation)) continue;
      const forms = learned.get(abbreviation) ?? new Map<string, string>();
      if (!forms.has(phraseKey(expansion))) forms.set(phraseKey(expansion), expansion.toLowerCase());
      learned.set(abbreviation, forms);
    }
    for (const [abbreviation, forms] of learned) if (forms.size === 1) this.add(abbreviation, [...forms.values()]);
  }

  /** The first stem of each expansion's key → the numbers of words of the expansions it starts. */
  private readonly starts = new Map<string, Set<number>>();

  private add(abbreviation: string, expansions: readonly string[]): void {
    this.expansions.set(abbreviation, [...expansions]);
    for (const e of expansions) {
      const key = phraseKey(e);
      if (!this.byExpansion.has(key)) this.byExpansion.set(key, abbreviation);
      const stems = key.split(' ');
      const lengths = this.starts.get(stems[0] ?? '') ?? new Set<number>();
      this.starts.set(stems[0] ?? '', lengths.add(stems.length));
    }
  }

  /**
   * The other forms a text lacks: for each abbreviation it uses (or its plural) without spelling it
   * out, its expansions; for each expansion it spells out without the abbreviation, the
   * abbreviation. As pairs of [the form it lacks, the form it has, as written or folded].
   */
  otherForms(text: string): [string, string][] {
    const pairs: [string, string][] = [];
    const own = new Map(definitions(text).map((d) => [d.abbreviation, d.expansion]));
    // Abbreviations are compared as written (RAG is not rag), whole or as parts of a compound (KV-Embedding).
    const tokens = [...new Set(text.split(/[^\p{L}\p{N}-]+/u).flatMap((t) => (t.includes('-') ? [t, ...t.split('-')] : [t])))].filter(
      Boolean,
    );
    const present = new Set(tokens.map(singular));
    const folded = words(text);
    const stems = folded.map(spellingStem);
    // Whether the text spells a phrase out, by key.
    const joined = ` ${stems.join(' ')} `;
    const spells = (key: string): boolean => key !== '' && joined.includes(` ${key} `);
    // The phrases of the text that are known expansions, by key, as first written (folded), shorter
    // phrases first. Only phrases that start as an expansion does are compared: a text of n words has
    // n × (words of the longest expansion) phrases, and a build tens of thousands of texts.
    const found: { key: string; written: string; n: number; i: number }[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < stems.length; i++)
      for (const n of this.starts.get(stems[i] ?? '') ?? []) {
        const key = stems.slice(i, i + n).join(' ');
        if (i + n > stems.length || seen.has(key) || !this.byExpansion.has(key)) continue;
        seen.add(key);
        found.push({ key, written: folded.slice(i, i + n).join(' '), n, i });
      }
    found.sort((a, b) => a.n - b.n || a.i - b.i);
    const done = new Set<string>();
    for (const token of tokens) {
      const abbreviation = singular(token);
      if (done.has(abbreviation)) continue;
      done.add(abbreviation);
      // The paper's own definition decides what the abbreviation means here, else the catalogue's.
      const expansions = own.has(abbreviation) ? [own.get(abbreviation) ?? ''] : (this.expansions.get(abbreviation) ?? []);
      for (const e of expansions) if (!spells(phraseKey(e))) pairs.push([e, token]);
    }
    for (const { key, written } of found) {
      const abbreviation = this.byExpansion.get(key);
      if (abbreviation !== undefined && !present.has(abbreviation)) pairs.push([abbreviation, written]);
    }
    return pairs;
  }
}
