/**
 * BibTeX for papers. Only what the catalogue knows goes in: the title, the page URL, and, when an
 * entry has been enriched, authors, year and arXiv id. Nothing is guessed (the listing's date
 * label has no year, so there is no `year` until `published` is known).
 */
import type { Paper } from './papers.ts';
import { splitTex, unicodeToTex } from './math.ts';

/**
 * Escapes text for a BibTeX field; math spans pass through as TeX, and Unicode math (μ, ², →)
 * becomes TeX, so classic BibTeX and pdfLaTeX read it.
 */
export function bibtexText(source: string): string {
  return splitTex(source)
    .map((s) =>
      s.kind === 'math'
        ? `$${s.tex}$`
        : unicodeToTex(
            s.value.replace(/[\\{}$&%#_^~]/gu, (c) => {
              if (c === '\\') return '\\textbackslash{}';
              if (c === '^') return '\\^{}';
              if (c === '~') return '\\~{}';
              return `\\${c}`;
            }),
          ),
    )
    .join('');
}

/** A citation key: the id, which is already a unique ASCII slug. */
const citationKey = (paper: Paper): string => paper.id;

/** The `@misc` entry for a paper whose page is at `url`. */
export function bibtexEntry(paper: Paper, url: string): string {
  const fields: [string, string][] = [['title', `{${bibtexText(paper.title)}}`]];
  if (paper.authors?.length) fields.push(['author', paper.authors.map(bibtexText).join(' and ')]);
  if (paper.published) fields.push(['year', paper.published.slice(0, 4)]);
  if (paper.arxiv) {
    fields.push(['eprint', paper.arxiv], ['archiveprefix', 'arXiv']);
  }
  fields.push(['url', url.replace(/[{}]/gu, encodeURIComponent)]);
  const width = Math.max(...fields.map(([k]) => k.length));
  return `@misc{${citationKey(paper)},\n${fields.map(([k, v]) => `  ${k.padEnd(width)} = {${v}}`).join(',\n')}\n}`;
}
