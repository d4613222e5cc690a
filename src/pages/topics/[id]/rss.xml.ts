import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { feedItems, topicFeedTitle } from '../../../lib/feeds';
import type { Paper, Topic } from '../../../lib/papers';
import { timed } from '../../../integrations/timings';
import { absoluteUrl, urls } from '../../../lib/urls';
import { topicExportRoutes } from '../../../routing';

export const getStaticPaths = topicExportRoutes;

type Props = { topic: Topic; papers: Paper[]; topicById: Map<string, Topic> };

export function GET({ props, site }: APIContext<Props>): Promise<Response> {
  const { topic, papers, topicById } = props;
  return timed('feeds and exports', () =>
    rss({
      title: topicFeedTitle(topic),
      description: topic.overview ?? topic.description,
      site: absoluteUrl(urls.topic(topic.id), site),
      items: feedItems(papers, topicById, urls, site),
    }),
  );
}
