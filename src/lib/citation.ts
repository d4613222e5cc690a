/**
 * How a paper is cited. With an arXiv id the citation is of the paper itself: its readable key
 * (first author's surname, year, first word of the title: `vaswani2017attention`), its arXiv
 * links, and the same entry as CSL-JSON and RIS for reference managers, written by citation-js.
 * Without one, the citation is of the catalogue's page, and says so. BibTeX is bibtex.ts's (arXiv's
 * own form, which citation-js cannot write: it has no eprint fields for arXiv). Pure: the entries
 * are built from what the source gave, nothing guessed.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { parse as parseName, type Name } from '@citation-js/name';
import type { Paper } from './papers.ts';
import { authorLine } from './text.ts';
import { fold, STOP_WORDS } from './words.ts';

/** The arXiv addresses of a paper, when its id is known. */
export const arxivUrls = (arxiv: string) => ({
  abs: `https://arxiv.org/abs/${arxiv}`,
  pdf: `https://arxiv.org/pdf/${arxiv}`,
  hf: `https://huggingface.co/papers/${arxiv}`,
});

/**
 * The year to cite: the year the paper was first published on arXiv, else the one its new-style
 * arXiv id states (2505.01234 was submitted in May 2025), else none.
 */
export function citationYear(paper: Pick<Paper, 'published' | 'arxiv'>): string | undefined {
  if (paper.published) return paper.published.slice(0, 4);
  const yymm = /^(\d{2})(\d{2})\./u.exec(paper.arxiv ?? '');
  return yymm ? `20${yymm[1] ?? ''}` : undefined;
}

/** A name's family part, as citation-js reads it ("Ludwig van Beethoven" is Beethoven). */
const familyName = (name: string): string => {
  const parsed = parseName(name);
  return parsed.family ?? parsed.literal ?? name;
};

/**
 * Authors by surname, as a search result names them ("Tomasev, Franklin and Leibo", "Li, Wang,
 * Chen et al."): Pagefind indexes a result's metadata, and an initial would be a one-letter word
 * that a mistyped query falls back to.
 */
export const surnames = (authors: readonly string[] = []): string => authorLine(authors.slice(0, 4).map(familyName));

/** Letters and digits only, folded to ASCII lowercase ("García-López" is garcialopez). */
const keyPart = (text: string): string => fold(text).replace(/[^a-z0-9]/gu, '');

/**
 * The readable key of a paper with an arXiv id and authors: `surname` + `year` + first title word
 * that is not a stop word (else its first word). Undefined when a part is missing; the caller
 * falls back to the id.
 */
export function readableKey(paper: Pick<Paper, 'authors' | 'published' | 'arxiv' | 'titleText'>): string | undefined {
  const first = paper.authors?.[0];
  const year = citationYear(paper);
  const titleWords = paper.titleText.split(/[^\p{L}\p{N}]+/u).filter((w) => keyPart(w));
  const word = titleWords.find((w) => !STOP_WORDS.has(fold(w))) ?? titleWords[0];
  const surname = first ? keyPart(familyName(first)) : '';
  if (!paper.arxiv || !surname || !year || !word) return undefined;
  return `${surname}${year}${keyPart(word)}`;
}

/**
 * The citation key of every paper, unique in the catalogue: the readable key, and for papers that
 * share one, a letter after it in arXiv id order (`li2025scaling`, `li2025scalingb`), so a paper
 * added later with a later id never changes an earlier paper's key. The id when there is none.
 */
export function citationKeys(papers: readonly Paper[]): Map<string, string> {
  const keys = new Map<string, string>();
  const byKey = new Map<string, Paper[]>();
  for (const paper of papers) {
    const key = readableKey(paper);
    if (key) byKey.set(key, [...(byKey.get(key) ?? []), paper]);
    else keys.set(paper.id, paper.id);
  }
  // A paper cited by its id keeps it: a readable key that equals such an id takes a letter too.
  const taken = new Set(keys.values());
  for (const [key, same] of byKey) {
    const ordered = [...same].sort((a, b) => (a.arxiv ?? '').localeCompare(b.arxiv ?? '') || a.id.localeCompare(b.id));
    let letter = 0;
    for (const paper of ordered) {
      let candidate = key;
      while (taken.has(candidate)) candidate = `${key}${String.fromCharCode(98 + letter++)}`;
      taken.add(candidate);
      keys.set(paper.id, candidate);
    }
  }
  return keys;
}

/** One line: reference managers read a line break inside a field as the end of the field. */
const line = (text: string): string => text.replace(/\s+/gu, ' ').trim();

/** A day written YYYY-MM-DD as CSL date parts. */
const dateParts = (day: string): { 'date-parts': number[][] } => ({ 'date-parts': [day.split('-').map(Number)] });

/** The CSL-JSON item of a paper: the arXiv preprint when its id is known, else the catalogue page. */
export function cslItem(paper: Paper, key: string, pageUrl: string): Record<string, unknown> {
  const common = {
    id: key,
    title: line(paper.titleText),
    ...(paper.authors?.length ? { author: paper.authors.map((name) => parseName(line(name))) } : {}),
    abstract: line(paper.abstractText),
  };
  if (!paper.arxiv) {
    return { ...common, type: 'webpage', URL: pageUrl, note: 'Catalogue entry; the source gave no arXiv id.' };
  }
  const year = citationYear(paper);
  const issued = paper.published ? dateParts(paper.published) : year ? { 'date-parts': [[Number(year)]] } : undefined;
  return {
    ...common,
    type: 'article',
    ...(issued ? { issued } : {}),
    publisher: 'arXiv',
    number: paper.arxiv,
    DOI: `10.48550/arXiv.${paper.arxiv}`,
    URL: arxivUrls(paper.arxiv).abs,
    ...(paper.categories?.[0] ? { keyword: paper.categories.join(', ') } : {}),
  };
}

/** CSL-JSON (an array of items), as Zotero, Mendeley and pandoc import it. */
export const cslJson = (items: readonly Record<string, unknown>[]): string => `${JSON.stringify(items, null, 2)}\n`;

/** RIS records, written by citation-js from the CSL items. */
export function risRecords(items: readonly Record<string, unknown>[]): string {
  if (items.length === 0) return '';
  // citation-js's RIS drops a name's particle ("van Beethoven, Ludwig" came out "Beethoven, Ludwig"):
  // it goes into the family name, which is where RIS keeps it.
  const withParticles = items.map((item) => {
    const authors = item['author'] as Name[] | undefined;
    if (!authors) return item;
    const author = authors.map(({ 'non-dropping-particle': particle, ...name }) =>
      particle && name.family
        ? { ...name, family: `${particle} ${name.family}` }
        : { ...name, ...(particle ? { 'non-dropping-particle': particle } : {}) },
    );
    return { ...item, author };
  });
  // citation-js maps the items to RIS tags; its text output wraps every value at 70 characters,
  // mid-word, which readers join back differently: so the lines are written here, one per value.
  const records = new Cite(withParticles).format('ris', { format: 'object' }) as unknown as Record<string, unknown>[];
  return records
    .map(({ TY, ...tags }) => {
      const lines = Object.entries(tags).flatMap(([tag, value]) => [value].flat().map((v) => `${tag}  - ${line(String(v))}`));
      return [`TY  - ${String(TY)}`, ...lines, 'ER  - '].join('\n');
    })
    .join('\n\n')
    .concat('\n');
}
