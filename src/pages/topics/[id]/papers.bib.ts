import type { APIContext } from 'astro';
import { bibtexEntry } from '../../../lib/bibtex';
import { getCatalogue } from '../../../content';
import { timed } from '../../../integrations/timings';
import { absoluteUrl, urls } from '../../../lib/urls';

export async function getStaticPaths() {
  const { topics } = await getCatalogue();
  return topics.map((topic) => ({ params: { id: topic.id } }));
}

export async function GET(context: APIContext): Promise<Response> {
  const { byTopic } = await getCatalogue();
  const papers = byTopic.get(context.params['id'] ?? '') ?? [];
  const body = timed('feeds and exports', () =>
    papers.map((p) => bibtexEntry(p, absoluteUrl(urls.paper(p.id), context.site))).join('\n\n'),
  );
  return new Response(`${body}\n`, { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
}
