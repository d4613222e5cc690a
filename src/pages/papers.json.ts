import type { APIContext } from 'astro';
import { SITE } from '../site.config';
import { getCatalogue } from '../content';
import { papersExport } from '../lib/feeds';
import { timed } from '../integrations/timings';
import { urls } from '../lib/urls';

export async function GET(context: APIContext): Promise<Response> {
  const { papers } = await getCatalogue();
  const json = timed('feeds and exports', () => JSON.stringify(papersExport(SITE.name, papers, urls, context.site), null, 2));
  return new Response(json, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
