import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCatalogue } from '../../../content';
import { feedItems, topicFeedTitle } from '../../../lib/feeds';
import { timed } from '../../../integrations/timings';
import { absoluteUrl, urls } from '../../../lib/urls';

export async function getStaticPaths() {
  const { topics } = await getCatalogue();
  return topics.map((topic) => ({ params: { id: topic.id } }));
}

export async function GET(context: APIContext): Promise<Response> {
  const id = context.params['id'] ?? '';
  const { topicById, byTopic } = await getCatalogue();
  const topic = topicById.get(id);
  if (!topic) return new Response(null, { status: 404 });
  return timed('feeds and exports', () =>
    rss({
      title: topicFeedTitle(topic),
      description: topic.description,
      site: absoluteUrl(urls.topic(id), context.site),
      items: feedItems(byTopic.get(id) ?? [], topicById, urls, context.site),
    }),
  );
}
