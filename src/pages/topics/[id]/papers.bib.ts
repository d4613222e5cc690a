import type { APIContext } from 'astro';
import { bibtexEntry } from '../../../lib/bibtex';
import type { Paper } from '../../../lib/papers';
import { timed } from '../../../integrations/timings';
import { absoluteUrl, urls } from '../../../lib/urls';
import { topicExportRoutes } from '../../../routing';

export const getStaticPaths = topicExportRoutes;

export function GET({ props, site }: APIContext<{ papers: Paper[]; citeKeys: Map<string, string> }>): Response {
  // The same entries as each paper's own citation.bib, under the same keys.
  const entry = (p: Paper): string => bibtexEntry(p, absoluteUrl(urls.paper(p.id), site), props.citeKeys.get(p.id));
  const body = timed('feeds and exports', () => props.papers.map(entry).join('\n\n'));
  return new Response(`${body}\n`, { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
}
