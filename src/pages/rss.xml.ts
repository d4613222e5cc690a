import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { SITE } from '../site.config';
import { getCatalogue } from '../content';
import { feedItems } from '../lib/feeds';
import { timed } from '../integrations/timings';
import { absoluteUrl, urls } from '../lib/urls';

export async function GET(context: APIContext): Promise<Response> {
  const { papers, topicById } = await getCatalogue();
  return timed('feeds and exports', () =>
    rss({
      title: SITE.name,
      description: SITE.tagline,
      site: absoluteUrl(urls.home(), context.site),
      items: feedItems(papers, topicById, urls, context.site),
    }),
  );
}
