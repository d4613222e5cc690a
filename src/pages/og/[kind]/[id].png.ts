import type { APIContext } from 'astro';
import { SITE } from '../../../site.config';
import { getCatalogue } from '../../../lib/catalogue';
import { cardPng, cards, type Card } from '../../../lib/og';

export async function getStaticPaths() {
  const { papers, topics } = await getCatalogue();
  return [
    { params: { kind: 'site', id: 'index' } },
    ...papers.map((p) => ({ params: { kind: 'paper', id: p.id } })),
    ...topics.map((t) => ({ params: { kind: 'topic', id: t.id } })),
  ];
}

export async function GET({ params, site }: APIContext): Promise<Response> {
  const { paperById, topicById, byTopic, stats } = await getCatalogue();
  const host = new URL(site ?? SITE.url).host;
  const id = params['id'] ?? '';
  let card: Card | undefined;
  if (params['kind'] === 'paper') {
    const paper = paperById.get(id);
    if (paper)
      card = cards.paper(
        paper.titleText,
        paper.topics.map((t) => topicById.get(t)?.name ?? t),
        paper.hasCode,
        SITE.name,
        host,
      );
  } else if (params['kind'] === 'topic') {
    const topic = topicById.get(id);
    const papers = byTopic.get(id) ?? [];
    if (topic) card = cards.topic(topic.name, topic.summary, papers.length, papers.filter((p) => p.hasCode).length, SITE.name, host);
  } else {
    card = cards.site(SITE.tagline, stats.papers, stats.topics, stats.withCode, SITE.name, host);
  }
  if (!card) return new Response(null, { status: 404 });
  const png = await cardPng(card);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
