/**
 * Search text helpers shared by the pages that feed the Pagefind index and by the search page's
 * script: ASCII spellings of Greek letters and scripts, British and American spellings,
 * exact-title matching, highlighting and excerpts. Pure and tested.
 */
import { GREEK, GREEK_LATIN } from './text.ts';

/** Words that say nothing on their own: they name no topic, and every abstract holds them. */
export const STOP_WORDS = new Set('a an and are as at by for from in into is of on or the to towards using via with without'.split(' '));

/** Each lower-case Greek letter spelled out, as its TeX name (μ → mu; ε → epsilon, not varepsilon). */
const GREEK_ASCII = new Map<string, string>();
for (const [name, letter] of GREEK) if (letter === letter.toLowerCase() && !GREEK_ASCII.has(letter)) GREEK_ASCII.set(letter, name);

/**
 * How people type a title on an ASCII keyboard: Greek letters spelled out, scripts as digits,
 * accents dropped (`μP` → `muP`, `SP²OT` → `SP2OT`). Undefined when it equals the title.
 */
export function asciiAlias(title: string): string | undefined {
  const alias = [...title.normalize('NFKD')]
    .map((c) => GREEK_ASCII.get(c.toLowerCase()) ?? c)
    .join('')
    .replace(/\p{M}/gu, '');
  return alias === title ? undefined : alias;
}

/**
 * The words people type for Greek letters and scripts that a text does not hold itself: `muP`
 * for μP, `DepsilonpS` and `DepS` for DεpS, `SP2OT` for SP²OT. Indexed as hidden text beside the
 * title (with its weight) and the abstract, so those spellings find the paper too.
 */
export function asciiSpellings(text: string): string[] {
  const wordsOf = (t: string): string[] => t.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const own = new Set(wordsOf(text));
  const words = titleForms(text)
    .slice(1)
    .flatMap(wordsOf)
    // Only words a reader would type: not a lone letter, not a bare number, not already there.
    .filter((w) => w.length > 1 && /\p{L}/u.test(w) && !own.has(w));
  return [...new Set(words)];
}

/** Stems of the words spelt -our in British English and -or in American (behaviour, tumour). */
const OUR_STEMS = 'behavi|col|neighb|fav|lab|hon|flav|harb|rum|vap|endeav|od|arm|sav|rig|vig|tum';
/** Words whose final l doubles before -ed, -ing and -er in British English (modelling, unlabelled). */
const LL_STEMS = 'model|label|signal|travel|cancel|level|tunnel|channel|fuel|total|marshal|rival|equal';

/** The spelling families, each with the part that differs as its second group, British first. */
const SPELLINGS: { pattern: RegExp; british: string; american: string }[] = [
  // quantisation/quantization, optimiser/optimizer, analyse/analyze
  { pattern: /^(\p{L}{3,}[iy])([sz])(e|es|ed|ing|er|ers|ation|ations|ational|able|ability|abilities)$/iu, british: 's', american: 'z' },
  {
    pattern: new RegExp(`^(${OUR_STEMS})(ou?r)(s|ed|ing|ite|ites|ful|al|ally|ist|ists|able|ably|hood|hoods)?$`, 'iu'),
    british: 'our',
    american: 'or',
  },
  { pattern: new RegExp(`^(\\p{L}*(?:${LL_STEMS}))(l?)(ed|ing|er|ers)$`, 'iu'), british: 'l', american: '' },
];

/** Words spelt differently that no rule above covers, British first. */
const BRITISH_AMERICAN = new Map<string, string>([
  ['centre', 'center'],
  ['centres', 'centers'],
  ['centred', 'centered'],
  ['centring', 'centering'],
  ['fibre', 'fiber'],
  ['fibres', 'fibers'],
  ['defence', 'defense'],
  ['defences', 'defenses'],
  ['licence', 'license'],
  ['artefact', 'artifact'],
  ['artefacts', 'artifacts'],
  ['grey', 'gray'],
  ['greyscale', 'grayscale'],
  ['catalogue', 'catalog'],
  ['catalogues', 'catalogs'],
]);
const AMERICAN_BRITISH = new Map([...BRITISH_AMERICAN].map(([b, a]) => [a, b]));

/**
 * Words whose -is- or -iz- is the same in both: promise, denoise, supervise, pairwise, precise,
 * advertise, and resize, downsize.
 */
const ISE_ONLY =
  /(?:prom|superv|surpr|no|prec|conc|rev|dev|adv|advert|compr|exerc|expert|prem|enterpr|w|ra|franch|improv|telev|disgu|exc|inc|dem|desp|cru|bru|chast|lia|treat|surm|sunr|(?:re|down|up|over|under)s)[iy]$/iu;

/**
 * A word in the other of British and American spelling ("quantisation" ↔ "quantization",
 * "behaviour" ↔ "behavior", "modelling" ↔ "modeling", "centre" ↔ "center"), and whether the word
 * is the British one. Undefined for a word spelt the same in both.
 */
function spelling(word: string): { other: string; british: boolean } | undefined {
  const lower = word.toLowerCase();
  const listed = BRITISH_AMERICAN.get(lower) ?? AMERICAN_BRITISH.get(lower);
  if (listed) {
    const other =
      word === word.toUpperCase()
        ? listed.toUpperCase()
        : word[0] === word[0]?.toUpperCase()
          ? `${listed[0]?.toUpperCase() ?? ''}${listed.slice(1)}`
          : listed;
    return { other, british: BRITISH_AMERICAN.has(lower) };
  }
  for (const { pattern, british, american } of SPELLINGS) {
    const m = pattern.exec(word);
    if (!m) continue;
    const [, head = '', part = '', tail = ''] = m;
    if (american === 'z' && ISE_ONLY.test(head)) return undefined;
    const isBritish = part.toLowerCase() === british;
    const other = isBritish ? american : british;
    // The other part in the case of this one; a doubled l repeats the stem's own last letter.
    const written = other === 'l' ? head.slice(-1) : part === part.toUpperCase() ? other.toUpperCase() : other;
    return { other: `${head}${written}${tail}`, british: isBritish };
  }
  return undefined;
}

/**
 * A word in American spelling, for comparing words across spellings ("optimiser" → "optimizer").
 * A half-typed -isa… becomes -iza… too, so "quantisa" is the start of "quantization".
 */
export function americanSpelling(word: string): string {
  const s = spelling(word);
  if (s) return s.british ? s.other : word;
  return word.replace(/(?<=\p{L}{3})is(?=a)/gu, (is, at: number) => (ISE_ONLY.test(word.slice(0, at + 1)) ? is : 'iz'));
}

/** A title as written, with Greek letters spelled out (μP → muP), and in Latin letters (DεpS → DepS). */
function titleForms(title: string): string[] {
  const latin = [...title.normalize('NFC')]
    .map((c) => GREEK_LATIN.get(c) ?? c)
    .join('')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
  return [...new Set([title, asciiAlias(title) ?? title, latin])];
}

/** Normalises text for comparing a query with a title: case, accents, punctuation and spacing. */
export function normaliseTitle(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when the query is the title (or its ASCII alias), give or take case, punctuation and British spelling. */
export function isExactTitle(query: string, title: string): boolean {
  // Compared in American spelling, so a title typed in British spelling is exact too.
  const fold = (text: string): string => normaliseTitle(text).split(' ').map(americanSpelling).join(' ');
  const q = fold(query);
  if (!q) return false;
  // The whole title, or the name before its colon ("GPipe", "DepS"), in any of its spellings.
  return titleForms(title).some((form) => q === fold(form) || q === fold(form.split(':')[0] ?? ''));
}

const ESCAPES = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&#39;'],
]);
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/gu, (c) => ESCAPES.get(c) ?? c);

/**
 * Escapes text and wraps the words that start with a query term in <mark>, the way Pagefind marks
 * its excerpts.
 */
export function highlight(text: string, query: string): string {
  const matches = queryWordMatcher(query);
  return text
    .split(/([\p{L}\p{N}]+)/u)
    .map((part, i) => (i % 2 === 1 && matches(part) ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part)))
    .join('');
}

/**
 * Whether a word is one the query asks for: it starts with one of the query's words (stop words
 * aside, unless there is nothing else), in any spelling, the way Pagefind matches them.
 */
function queryWordMatcher(query: string): (word: string) => boolean {
  const all = normaliseTitle(query).split(' ').filter(Boolean);
  const content = all.filter((t) => !STOP_WORDS.has(t));
  const terms = (content.length > 0 ? content : all)
    .filter((t) => t.length > 1)
    // As typed and in American spelling, each then without a plural ending: Pagefind stems what it
    // matches, so "laws" also finds "Law".
    .flatMap((t) => [t, americanSpelling(t)])
    .map((t) => (t.length > 3 ? t.replace(/e?s$/u, '') : t));
  return (word) => {
    const forms = [normaliseTitle(word), normaliseTitle(asciiAlias(word) ?? '')].filter(Boolean).flatMap((f) => [f, americanSpelling(f)]);
    return forms.some((form) => terms.some((t) => form.startsWith(t)));
  };
}

/** A run of excerpt text, marked when it is a word the query matched. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * Excerpt parts with every word of the query marked, including those Pagefind did not search
 * for (the catalogue's common words, which pagefindQuery leaves out), as titles are highlighted.
 */
export function markQueryWords(parts: readonly ExcerptPart[], query: string): ExcerptPart[] {
  const matches = queryWordMatcher(query);
  const out: ExcerptPart[] = [];
  const add = (text: string, mark: boolean): void => {
    const last = out.at(-1);
    if (last && !last.mark && !mark) last.text += text;
    else if (text) out.push({ text, mark });
  };
  for (const part of parts) {
    if (part.mark) {
      add(part.text, true);
      continue;
    }
    part.text.split(/([\p{L}\p{N}]+)/u).forEach((piece, i) => add(piece, i % 2 === 1 && matches(piece)));
  }
  return out;
}

/** Pagefind's own excerpt (text with `<` and `>` escaped, matched words in <mark>) as parts. */
export function excerptParts(excerpt: string): ExcerptPart[] {
  return excerpt
    .split(/(<mark>.*?<\/mark>)/u)
    .filter(Boolean)
    .map((part) => {
      const m = /^<mark>(.*)<\/mark>$/u.exec(part);
      return { text: (m?.[1] ?? part).replace(/&lt;/gu, '<').replace(/&gt;/gu, '>'), mark: Boolean(m) };
    });
}

/** What the excerpt needs of a Pagefind result: its page text, and the word positions that matched. */
export interface PagefindText {
  /** The page's indexed text. */
  content: string;
  /** The same text with `<` and `>` escaped and, where Pagefind split words itself, U+200B kept. */
  raw_content?: string;
  locations?: number[];
}

/** How many words of hidden spellings may come before the title in a page's indexed text. */
const MAX_LEAD_WORDS = 200;

/**
 * The excerpt a search result shows, taken from the abstract only, as plain-text parts.
 *
 * Pagefind indexes a paper's title together with its abstract, and weights the title higher, so its
 * own excerpt of a title match starts by repeating the heading shown just above it. This one starts
 * after the title: at the run of `length` words with the most matches in the abstract, or at the
 * abstract's start when only the title matched. With `query`, the words of the abstract that it
 * asks for count as matches too: Pagefind matched "quantisation" in the hidden spellings, not the
 * abstract's "quantization". Undefined, so that Pagefind's excerpt stands, when the title is not
 * near the start of the page text (after the hidden spellings) or Pagefind split its words on
 * U+200B rather than on spaces.
 */
export function abstractExcerpt(page: PagefindText, title: string, length: number, query?: string): ExcerptPart[] | undefined {
  if (page.raw_content?.includes('\u200B')) return undefined;
  // Pagefind's word positions count words split on white space.
  const words = page.content.split(/[^\S\uFEFF]+/u);
  // The heading, which follows the hidden spellings (ASCII, British or American) of the page's words.
  const target = normaliseTitle(title);
  let from = 0;
  lead: for (let j = 0; j < Math.min(words.length, MAX_LEAD_WORDS) && target; j++) {
    for (let k = j + 1; k <= words.length; k++) {
      const run = normaliseTitle(words.slice(j, k).join(' '));
      if (run === target) {
        from = k;
        break lead;
      }
      if (run.length >= target.length) break;
    }
  }
  if (from === 0 || from >= words.length) return undefined;
  const hits = new Set((page.locations ?? []).filter((l) => l >= from && l < words.length));
  if (query !== undefined) {
    const asked = queryWordMatcher(query);
    for (let i = from; i < words.length; i++) if (asked(words[i] ?? '')) hits.add(i);
  }
  const sorted = [...hits].sort((a, b) => a - b);
  // The earliest window holding the most matches, opening a few words before its first.
  let start = from;
  let best = 0;
  for (const hit of sorted) {
    const s = Math.max(from, hit - 3);
    const n = sorted.filter((h) => h >= s && h < s + length).length;
    if (n > best) [start, best] = [s, n];
  }
  start = Math.max(from, Math.min(start, words.length - length));
  const end = Math.min(words.length, start + length);
  const parts: ExcerptPart[] = [];
  const add = (text: string, mark: boolean): void => {
    const last = parts.at(-1);
    if (last && !last.mark && !mark) last.text += text;
    else parts.push({ text, mark });
  };
  if (start > from) add('… ', false);
  for (let i = start; i < end; i++) {
    if (i > start) add(' ', false);
    add(words[i] ?? '', hits.has(i));
  }
  if (end < words.length) add(' …', false);
  return parts;
}
