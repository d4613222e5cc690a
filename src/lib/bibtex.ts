/**
 * BibTeX for papers. Only what the catalogue knows goes in: the title, the page URL, and, when an
 * entry has been enriched, authors, year and arXiv id. Nothing is guessed (the listing's date
 * label has no year, so there is no `year` until `published` is known).
 */
import type { Paper } from './papers.ts';
import { paperText } from './paper-text.ts';
import { texText } from './safe-tex.ts';

/**
 * A title (the `$…$` format) as a BibTeX field value: safe TeX (src/lib/safe-tex.ts), math kept
 * where it is safe and its Unicode rendering elsewhere, Unicode math as TeX so that classic BibTeX
 * and pdfLaTeX read it.
 */
export const bibtexText = (source: string): string => paperText({ title: source }, 'bibtex');

/** An author name: plain text, braced when it holds " and ", which BibTeX reads as a separator. */
const authorName = (name: string): string => (/\sand\s/iu.test(name) ? `{${texText(name)}}` : texText(name));

/** A citation key: the id, which is already a unique ASCII slug. */
const citationKey = (paper: Paper): string => paper.id;

/** The `@misc` entry for a paper whose page is at `url`. */
export function bibtexEntry(paper: Paper, url: string): string {
  const fields: [string, string][] = [['title', `{${bibtexText(paper.title)}}`]];
  if (paper.authors?.length) fields.push(['author', paper.authors.map(authorName).join(' and ')]);
  if (paper.published) fields.push(['year', paper.published.slice(0, 4)]);
  if (paper.arxiv) {
    fields.push(['eprint', paper.arxiv], ['archiveprefix', 'arXiv']);
  }
  fields.push(['url', url.replace(/[{}]/gu, encodeURIComponent)]);
  const width = Math.max(...fields.map(([k]) => k.length));
  return `@misc{${citationKey(paper)},\n${fields.map(([k, v]) => `  ${k.padEnd(width)} = {${v}}`).join(',\n')}\n}`;
}
