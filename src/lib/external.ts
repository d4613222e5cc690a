/** Links to a paper elsewhere: its own pages when its arXiv id is known, searches by its exact title, the "report a problem" link. */
import { arxivUrls } from './citation.ts';
import type { Paper } from './papers.ts';

export interface ExternalLink {
  label: string;
  href: string;
}

/**
 * The paper's own pages, for the row of actions under its title, each only when known: its PDF,
 * its arXiv abstract, its Hugging Face paper page, its code.
 */
export function paperActions(paper: Pick<Paper, 'arxiv' | 'code'>): ExternalLink[] {
  const arxiv = paper.arxiv ? arxivUrls(paper.arxiv) : undefined;
  return [
    ...(arxiv
      ? [
          { label: 'PDF', href: arxiv.pdf },
          { label: 'arXiv', href: arxiv.abs },
          { label: 'Hugging Face', href: arxiv.hf },
        ]
      : []),
    ...(paper.code ? [{ label: 'Code', href: paper.code }] : []),
  ];
}

/**
 * Searches for the exact title: on Semantic Scholar and Google Scholar (citations, other
 * versions), and on arXiv and Hugging Face when the paper's own pages there are not known.
 */
export function findPaperLinks(paper: Pick<Paper, 'titleText' | 'arxiv'>): ExternalLink[] {
  const title = paper.titleText;
  const q = encodeURIComponent(title);
  const quoted = encodeURIComponent(`"${title}"`);
  const own = Boolean(paper.arxiv);
  return [
    ...(own ? [] : [{ label: 'arXiv', href: `https://arxiv.org/search/?query=${quoted}&searchtype=title` }]),
    { label: 'Semantic Scholar', href: `https://www.semanticscholar.org/search?q=${q}` },
    { label: 'Google Scholar', href: `https://scholar.google.com/scholar?q=${quoted}` },
    ...(own ? [] : [{ label: 'Hugging Face', href: `https://huggingface.co/papers?q=${q}` }]),
  ];
}

/** The repository's new-issue form, filled in with the entry's id and title. */
export function reportProblemUrl(repository: string, paper: Paper, pageUrl: string): string {
  const title = `Problem with entry ${paper.id}`;
  const body = [
    `Entry: \`${paper.id}\` (content/papers/${paper.id}.mdx)`,
    `Title: ${paper.titleText}`,
    `Page: ${pageUrl}`,
    '',
    'What is wrong:',
    '',
  ].join('\n');
  return `${repository.replace(/\/+$/u, '')}/issues/new?title=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`;
}
