/** Links that look a paper up elsewhere by its exact title, and the "report a problem" link. */
import type { Paper } from './papers.ts';

export interface ExternalLink {
  label: string;
  href: string;
}

/** Searches for the exact title on arXiv, Semantic Scholar, Google Scholar and Hugging Face. */
export function findPaperLinks(paper: Paper): ExternalLink[] {
  const title = paper.titleText;
  const q = encodeURIComponent(title);
  const quoted = encodeURIComponent(`"${title}"`);
  return [
    { label: 'arXiv', href: `https://arxiv.org/search/?query=${quoted}&searchtype=title` },
    { label: 'Semantic Scholar', href: `https://www.semanticscholar.org/search?q=${q}` },
    { label: 'Google Scholar', href: `https://scholar.google.com/scholar?q=${quoted}` },
    { label: 'Hugging Face', href: `https://huggingface.co/papers?q=${q}` },
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
