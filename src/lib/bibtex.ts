/**
 * BibTeX for papers. Only what the catalogue knows goes in: the title, the page URL, and, when the
 * source gave them, authors, year and arXiv id. Nothing is guessed (the listing's date label has
 * no year, so there is no `year` until `published` or an arXiv id is known).
 */
import type { Paper } from './papers.ts';
import { paperText } from './paper-text.ts';
import { texText } from './safe-tex.ts';
import { arxivUrls, citationYear } from './citation.ts';

/**
 * A title (the `$…$` format) as a BibTeX field value: safe TeX (src/lib/safe-tex.ts), math kept
 * where it is safe and its Unicode rendering elsewhere, Unicode math as TeX so that classic BibTeX
 * and pdfLaTeX read it.
 */
export const bibtexText = (source: string): string => paperText({ title: source }, 'bibtex');

/** An author name: plain text, braced when it holds " and ", which BibTeX reads as a separator. */
const authorName = (name: string): string => (/\sand\s/iu.test(name) ? `{${texText(name)}}` : texText(name));

/**
 * The `@misc` entry for a paper. With an arXiv id it is the form arXiv's own "Export BibTeX
 * citation" gives (title, author, year, eprint, archivePrefix, primaryClass, url of the abstract),
 * under `key` (citation.ts's readable key); without one it cites the catalogue's page at `url`.
 */
export function bibtexEntry(paper: Paper, url: string, key: string = paper.id): string {
  const fields: [string, string][] = [['title', `{${bibtexText(paper.title)}}`]];
  if (paper.authors?.length) fields.push(['author', paper.authors.map(authorName).join(' and ')]);
  const year = citationYear(paper);
  if (year) fields.push(['year', year]);
  if (paper.arxiv) {
    fields.push(['eprint', paper.arxiv], ['archivePrefix', 'arXiv']);
    if (paper.categories?.[0]) fields.push(['primaryClass', paper.categories[0]]);
  }
  const address = paper.arxiv ? arxivUrls(paper.arxiv).abs : url;
  fields.push(['url', address.replace(/[{}]/gu, encodeURIComponent)]);
  const width = Math.max(...fields.map(([k]) => k.length));
  return `@misc{${key},\n${fields.map(([k, v]) => `  ${k.padEnd(width)} = {${v}}`).join(',\n')}\n}`;
}
