import type { APIContext } from 'astro';
import { SITE } from '../site.config';
import { getCatalogue } from '../lib/catalogue';
import { papersExport } from '../lib/feeds';
import { urls } from '../lib/urls';

export async function GET(context: APIContext): Promise<Response> {
  const { papers } = await getCatalogue();
  return new Response(JSON.stringify(papersExport(SITE.name, papers, urls, context.site), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
